"""Which GraphQL type renders which block. Blocks know nothing about GraphQL: the mapping lives here.

`check()` walks a stream block's whole tree and fails when any structured block has no GraphQL type or any
leaf block has no converter, so a block added to the library without an API type stops the schema build.
"""

import dataclasses
from collections.abc import Callable

from wagtail import blocks


class UnmappedBlockError(LookupError):
    pass


@dataclasses.dataclass(frozen=True)
class BlockMapping:
    graphql_type: type
    build: Callable[..., object]  # build(value, **meta): meta is id and block_type for stream children


class BlockRegistry:
    def __init__(self, leaf_block_classes: tuple[type, ...]):
        self._mappings: dict[type, BlockMapping] = {}
        self._leaf_block_classes = leaf_block_classes

    def register(self, block_class: type, build: Callable | None = None):
        """Class decorator for a GraphQL type; `build(value, **meta)` makes it from the converted block value."""

        def decorator(graphql_type):
            self._mappings[block_class] = BlockMapping(graphql_type, build or _build_from_struct(graphql_type))
            return graphql_type

        return decorator

    def mapping(self, block) -> BlockMapping:
        # Exact classes only: a subclass of a mapped block may add fields its parent's type does not show.
        try:
            return self._mappings[type(block)]
        except KeyError:
            raise UnmappedBlockError(f"{type(block).__qualname__} has no GraphQL type") from None

    def graphql_types(self) -> list[type]:
        return [mapping.graphql_type for mapping in self._mappings.values()]

    def check(self, *roots: blocks.Block) -> None:
        problems = sorted(set(self._problems(roots)))
        if problems:
            raise UnmappedBlockError(
                "StreamField blocks without a GraphQL mapping (add them to graphql_api/streamfield/types.py): "
                + "; ".join(problems)
            )

    def _problems(self, roots):
        pending = list(roots)
        while pending:
            block = pending.pop()
            if isinstance(block, blocks.StreamBlock):
                for child in block.child_blocks.values():
                    if type(child) not in self._mappings:
                        yield f"{type(child).__qualname__} (in {type(block).__qualname__})"
                    pending.append(child)
            elif isinstance(block, blocks.StructBlock):
                if type(block) in self._mappings:
                    yield from self._missing_fields(block)
                pending.extend(block.child_blocks.values())
            elif isinstance(block, blocks.ListBlock):
                child = block.child_block
                if isinstance(child, blocks.StructBlock) and type(child) not in self._mappings:
                    yield f"{type(child).__qualname__} (in a list)"
                pending.append(child)
            elif not isinstance(block, self._leaf_block_classes):
                yield f"{type(block).__qualname__} (no leaf converter)"

    def _missing_fields(self, block: blocks.StructBlock):
        """A field added to a mapped StructBlock must be added to its GraphQL type too (or mapped by `build`)."""
        mapping = self._mappings[type(block)]
        if mapping.build.__name__ != "build_from_struct":
            return
        fields = {field.name for field in dataclasses.fields(mapping.graphql_type)} - {"id", "block_id", "block_type"}
        for name in block.child_blocks:
            if name not in fields:
                yield f"{type(block).__qualname__}.{name} (not on {mapping.graphql_type.__name__})"


def _build_from_struct(graphql_type):
    names = None

    def build_from_struct(value: dict, **meta):
        nonlocal names
        if names is None:
            names = {field.name for field in dataclasses.fields(graphql_type)}
        # Items of a plain list-like stream (how_to_access) are not Blocks: they have no id or block_type.
        fields = {**value, **meta}
        return graphql_type(**{name: fields[name] for name in names if name in fields})

    return build_from_struct
