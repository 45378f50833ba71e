"""Stored StreamField data to GraphQL objects, reading references from the request loader.

We walk the stored JSON ourselves instead of using StreamValue's python values: Wagtail's bulk conversion loads
chooser targets once per field of *each* page, and knows nothing of visibility or locales. Here the loader has
already fetched the targets for the whole batch (`collect_stream`), and hides what is not public.
"""

from decimal import Decimal, InvalidOperation

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from graphql_api.loader import References, RequestLoader

from .richtext import collect_richtext, render_richtext
from .types import registry


def _raw(stream_value) -> list:
    return list(stream_value.raw_data) if stream_value else []


def _list_items(raw) -> list:
    # ListBlock data is [{"type": "item", "value": ..., "id": ...}] since Wagtail 2.16, a plain list before.
    items = raw or []
    return [item["value"] if isinstance(item, dict) and item.get("type") == "item" else item for item in items]


def _pk(raw) -> int | None:
    return raw if isinstance(raw, int) else (int(raw) if isinstance(raw, str) and raw.isdigit() else None)


# --- Collecting references -------------------------------------------------------------------------------------
def collect_stream(stream_value, references: References, locale_id: int) -> None:
    _collect(stream_value.stream_block, _raw(stream_value), references, locale_id)


def _collect(block, raw, references: References, locale_id: int) -> None:
    if raw is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for child in raw:
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is not None:
                _collect(child_block, child.get("value"), references, locale_id)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            _collect(child_block, raw.get(name) if isinstance(raw, dict) else None, references, locale_id)
    elif isinstance(block, blocks.ListBlock):
        for item in _list_items(raw):
            _collect(block.child_block, item, references, locale_id)
    elif isinstance(block, ImageChooserBlock):
        if (pk := _pk(raw)) is not None:
            references.images.add(pk)
    elif isinstance(block, DocumentChooserBlock):
        if (pk := _pk(raw)) is not None:
            references.documents.add(pk)
    elif isinstance(block, blocks.PageChooserBlock):
        if (pk := _pk(raw)) is not None:
            references.pages.add((pk, locale_id))
    elif isinstance(block, blocks.RichTextBlock):
        collect_richtext(raw, references, locale_id)


# --- Converting --------------------------------------------------------------------------------------------------
class StreamConverter:
    def __init__(self, loader: RequestLoader, locale_id: int):
        self.loader = loader
        self.locale_id = locale_id

    def stream(self, stream_value) -> list:
        return self._stream(stream_value.stream_block, _raw(stream_value)) if stream_value else []

    def _stream(self, block: blocks.StreamBlock, raw) -> list:
        result = []
        for index, child in enumerate(raw or []):
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is None:  # a block type since removed from the library: nothing to show
                continue
            value = self.value(child_block, child.get("value"))
            meta = {"id": child.get("id") or f"{child['type']}-{index}", "block_type": child["type"]}
            result.append(registry.mapping(child_block).build(value, **meta))
        return result

    def _nested(self, block, raw):
        """A value inside a struct or list: nested structs become their registered GraphQL type."""
        value = self.value(block, raw)
        if isinstance(block, blocks.StructBlock):
            return registry.mapping(block).build(value)
        return value

    def value(self, block, raw):
        if isinstance(block, blocks.StreamBlock):
            return self._stream(block, raw)
        if isinstance(block, blocks.StructBlock):
            raw = raw if isinstance(raw, dict) else {}
            return {
                name: self._nested(child, raw[name] if name in raw else child.get_default())
                for name, child in block.child_blocks.items()
            }
        if isinstance(block, blocks.ListBlock):
            items = [self._nested(block.child_block, item) for item in _list_items(raw)]
            if isinstance(block.child_block, blocks.PageChooserBlock):
                items = list({page.pk: page for page in items if page is not None}.values())  # each page once
            return [item for item in items if item is not None]
        if isinstance(block, ImageChooserBlock):
            return self.loader.image(_pk(raw))
        if isinstance(block, DocumentChooserBlock):
            return self.loader.document(_pk(raw))
        if isinstance(block, blocks.PageChooserBlock):
            return self.loader.page(_pk(raw), self.locale_id)
        if isinstance(block, blocks.RichTextBlock):
            return render_richtext(raw if isinstance(raw, str) else getattr(raw, "source", ""), self.loader,
                                   self.locale_id)
        if isinstance(block, blocks.DecimalBlock):
            try:
                return float(Decimal(str(raw))) if raw not in (None, "") else None
            except InvalidOperation:
                return None
        if isinstance(block, blocks.BooleanBlock):
            return bool(raw)
        if isinstance(block, blocks.TimeBlock):
            return block.to_python(raw) if raw else None
        return "" if raw is None else str(raw)


def stream_blocks(obj, field_name: str, loader: RequestLoader) -> list:
    """The GraphQL objects of obj's StreamField `field_name`, references loaded for obj's whole batch."""
    loader.prepare_content(obj, field_name, collect_stream)
    locale_id = getattr(obj, "locale_id", None) or loader.default_locale.pk
    return StreamConverter(loader, locale_id).stream(getattr(obj, field_name))


def richtext_html(obj, field_name: str, loader: RequestLoader) -> str:
    loader.prepare_content(obj, field_name, collect_richtext)
    return render_richtext(getattr(obj, field_name), loader, obj.locale_id)
