"""Stored StreamField data to GraphQL objects, reading references from the request's loaders.

We walk the stored JSON ourselves instead of using StreamValue's python values: Wagtail's bulk conversion loads
chooser targets once per field of *each* page, and knows nothing of visibility or locales. Here the loaders have
already fetched the targets for the whole batch (the kernel's reference walker), and hide what is not public.
"""

from decimal import Decimal, InvalidOperation

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from content_models.kernel.references import as_pk, collect_richtext, collect_stream, list_items, raw_stream
from content_models.kernel.richtext import richtext_html as kernel_richtext_html
from content_models.kernel.untranslated import NOTHING, Untranslated, untranslated_of
from graphql_api.ids import block_id, served_id
from graphql_api.loaders import RequestLoader
from graphql_api.locales.types import api_field_path, untranslated_type
from graphql_api.media.urls import absolute_media_url

from .types import registry


# --- Converting --------------------------------------------------------------------------------------------------
class StreamConverter:
    def __init__(self, loader: RequestLoader, locale_id: int, *, owner_id: str,
                 untranslated: Untranslated = NOTHING, path: str = ""):
        """`untranslated` and `path` (the field's name): what of the stream is still in the source's language."""
        self.loader = loader
        self.locale_id = locale_id
        self.owner_id = owner_id  # the served id of the object the stream belongs to (graphql_api/ids.py)
        self.untranslated = untranslated
        self.path = path

    def stream(self, stream_value) -> list:
        if not stream_value:
            return []
        converted = self._stream(stream_value.stream_block, raw_stream(stream_value))
        if self.untranslated:
            for graphql_block in converted:
                if hasattr(graphql_block, "untranslated"):
                    paths = self.untranslated.within(f"{self.path}.{graphql_block.block_id}")
                    graphql_block.untranslated = untranslated_type(
                        self.untranslated, [api_field_path(path) if path else "" for path in paths]
                    )
        return converted

    def _stream(self, block: blocks.StreamBlock, raw) -> list:
        result = []
        for index, child in enumerate(raw or []):
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is None:  # a block type since removed from the library: nothing to show
                continue
            value = self.value(child_block, child.get("value"))
            own_id = child.get("id") or f"{child['type']}-{index}"
            meta = {"id": block_id(self.owner_id, own_id), "block_id": own_id, "block_type": child["type"]}
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
            items = [self._nested(block.child_block, item) for item in list_items(raw)]
            if isinstance(block.child_block, blocks.PageChooserBlock):
                items = list({page.pk: page for page in items if page is not None}.values())  # each page once
            return [item for item in items if item is not None]
        if isinstance(block, ImageChooserBlock):
            return self.loader.media.image(as_pk(raw))
        if isinstance(block, DocumentChooserBlock):
            return self.loader.media.document(as_pk(raw))
        if isinstance(block, blocks.PageChooserBlock):
            return self.loader.pages.page(as_pk(raw), self.locale_id)
        if isinstance(block, blocks.RichTextBlock):
            return portal_html(raw if isinstance(raw, str) else getattr(raw, "source", ""), self.loader,
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
    loader.content.prepare(obj, field_name, collect_stream)
    locale_id = getattr(obj, "locale_id", None) or loader.default_locale.pk
    converter = StreamConverter(loader, locale_id, owner_id=served_id(obj, loader), untranslated=untranslated_of(obj),
                                path=field_name)
    return converter.stream(getattr(obj, field_name))


def richtext_html(obj, field_name: str, loader: RequestLoader) -> str:
    """A rich text field of `obj` as portal HTML, references loaded for obj's whole batch."""
    loader.content.prepare(obj, field_name, collect_richtext)
    return portal_html(getattr(obj, field_name), loader, obj.locale_id)


def portal_html(value, loader: RequestLoader, locale_id: int) -> str:
    """The kernel's portal HTML of a rich text (links and images checked), with the API's media address."""
    return kernel_richtext_html(value, loader.reader, locale_id=locale_id, media_url=absolute_media_url)
