"""What stored content points at (images, documents, pages), read from the raw StreamField and rich text data.

We walk the stored JSON rather than StreamValue's python values: Wagtail's bulk conversion loads chooser targets
once per field of each page and knows nothing of visibility. The feed context loads what is collected here for
a whole feed at once, and hides what is not public.
"""

import dataclasses

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText
from wagtail.rich_text.rewriters import FIND_A_TAG, FIND_EMBED_TAG, extract_attrs


@dataclasses.dataclass
class References:
    images: set[int] = dataclasses.field(default_factory=set)
    documents: set[int] = dataclasses.field(default_factory=set)
    pages: set[int] = dataclasses.field(default_factory=set)


def raw_stream(stream_value) -> list:
    return list(stream_value.raw_data) if stream_value else []


def list_items(raw) -> list:
    # ListBlock data is [{"type": "item", "value": ..., "id": ...}] since Wagtail 2.16, a plain list before.
    return [item["value"] if isinstance(item, dict) and item.get("type") == "item" else item for item in raw or []]


def as_pk(raw) -> int | None:
    if isinstance(raw, int):
        return raw
    return int(raw) if isinstance(raw, str) and raw.isdigit() else None


def richtext_source(value) -> str:
    return value.source if isinstance(value, RichText) else (value or "")


def collect_richtext(value, references: References) -> None:
    html = richtext_source(value)
    for attrs in map(extract_attrs, FIND_A_TAG.findall(html)):
        if (pk := as_pk(attrs.get("id"))) is None:
            continue
        if attrs.get("linktype") == "page":
            references.pages.add(pk)
        elif attrs.get("linktype") == "document":
            references.documents.add(pk)
    for attrs in map(extract_attrs, FIND_EMBED_TAG.findall(html)):
        if attrs.get("embedtype") == "image" and (pk := as_pk(attrs.get("id"))) is not None:
            references.images.add(pk)


def collect_block(block, raw, references: References) -> None:
    if raw is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for child in raw:
            child_block = block.child_blocks.get(child.get("type")) if isinstance(child, dict) else None
            if child_block is not None:
                collect_block(child_block, child.get("value"), references)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            collect_block(child_block, raw.get(name) if isinstance(raw, dict) else None, references)
    elif isinstance(block, blocks.ListBlock):
        for item in list_items(raw):
            collect_block(block.child_block, item, references)
    elif isinstance(block, ImageChooserBlock):
        if (pk := as_pk(raw)) is not None:
            references.images.add(pk)
    elif isinstance(block, DocumentChooserBlock):
        if (pk := as_pk(raw)) is not None:
            references.documents.add(pk)
    elif isinstance(block, blocks.PageChooserBlock):
        if (pk := as_pk(raw)) is not None:
            references.pages.add(pk)
    elif isinstance(block, blocks.RichTextBlock):
        collect_richtext(raw, references)


def collect_page(page, references: References) -> None:
    """Every StreamField and rich text field of the page's own row."""
    for field in page._meta.concrete_fields:
        value = getattr(page, field.attname, None)
        if not value:
            continue
        if isinstance(field, StreamField):
            collect_block(value.stream_block, raw_stream(value), references)
        elif isinstance(field, RichTextField):
            collect_richtext(value, references)
