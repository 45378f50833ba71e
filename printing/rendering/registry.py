"""Which renderer turns which block into print HTML.

Lookup is by exact block class: a new block, or a subclass with new fields, must be mapped here explicitly,
otherwise rendering (and the app's start-up check) fails loudly instead of silently leaving content off paper.
"""

from collections.abc import Callable
from typing import Any

from wagtail import blocks


class UnmappedBlockError(LookupError):
    pass


class BlockRegistry:
    def __init__(self):
        self._renderers: dict[type[blocks.Block], Callable[[Any, Any], str]] = {}

    def register(self, block_class: type[blocks.Block], renderer) -> None:
        if block_class in self._renderers:
            raise ValueError(f"{block_class.__name__} already has a print renderer")
        self._renderers[block_class] = renderer

    def renderer_for(self, block: blocks.Block):
        try:
            return self._renderers[type(block)]
        except KeyError:
            raise UnmappedBlockError(
                f"No print renderer for {type(block).__module__}.{type(block).__qualname__} "
                f"(block '{block.name}'): register one in printing/rendering/blocks.py"
            ) from None

    def unmapped(self, stream_block: blocks.StreamBlock) -> list[str]:
        """Names of the stream's child blocks that have no renderer."""
        return [
            name for name, block in stream_block.child_blocks.items() if type(block) not in self._renderers
        ]

    def check(self, *stream_blocks: blocks.StreamBlock) -> None:
        missing = sorted({name for stream in stream_blocks for name in self.unmapped(stream)})
        if missing:
            raise UnmappedBlockError(
                f"Blocks without a print renderer (printing/rendering/blocks.py): {missing}"
            )


registry = BlockRegistry()
