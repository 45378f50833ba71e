"""Which renderer turns which block into email markup and plain text.

Lookup is by exact block class: a new block, or a subclass with new fields, must be mapped explicitly, otherwise
rendering fails loudly instead of silently dropping content (tests check the whole stream is mapped).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wagtail import blocks


class UnmappedBlockError(LookupError):
    pass


@dataclass(frozen=True)
class BlockRenderer:
    mjml: Callable[[Any, "RenderContext"], str]  # noqa: F821 - defined in rendering.context
    text: Callable[[Any, "RenderContext"], str]  # noqa: F821


class BlockRegistry:
    def __init__(self):
        self._renderers: dict[type[blocks.Block], BlockRenderer] = {}

    def register(self, block_class: type[blocks.Block], *, mjml, text) -> None:
        if block_class in self._renderers:
            raise ValueError(f"{block_class.__name__} already has an email renderer")
        self._renderers[block_class] = BlockRenderer(mjml=mjml, text=text)

    def renderer_for(self, block: blocks.Block) -> BlockRenderer:
        try:
            return self._renderers[type(block)]
        except KeyError:
            raise UnmappedBlockError(
                f"No email renderer for {type(block).__module__}.{type(block).__qualname__} "
                f"(block '{block.name}'): register one in newsletter/rendering/blocks.py"
            ) from None

    def unmapped(self, stream_block: blocks.StreamBlock) -> list[str]:
        """Names of the stream's child blocks that have no renderer."""
        return [name for name, block in stream_block.child_blocks.items() if type(block) not in self._renderers]


registry = BlockRegistry()
