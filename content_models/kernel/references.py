"""What stored content points at: pages, images, documents and snippets, read from the raw stored values.

We walk the stored StreamField JSON and rich text HTML rather than StreamValue's Python values: Wagtail's bulk
conversion loads chooser targets once per field of *each* page and knows nothing of visibility or locales. A
ContentReader (reader.py) loads what is collected here for many objects at once, and hides what is not public.

Rich text stores `<a linktype="page" id="3">`, `<a linktype="document" id="4">` and
`<embed embedtype="image" id="5" .../>`; chooser blocks store ids.
"""

import dataclasses
from collections.abc import Callable
from functools import cache

from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.rich_text.rewriters import FIND_A_TAG, FIND_EMBED_TAG, extract_attrs
from wagtail.snippets.blocks import SnippetChooserBlock


@dataclasses.dataclass
class References:
    """Ids content points at; a page is wanted in a locale: (page id, locale id)."""

    images: set[int] = dataclasses.field(default_factory=set)
    documents: set[int] = dataclasses.field(default_factory=set)
    pages: set[tuple[int, int]] = dataclasses.field(default_factory=set)
    snippets: set[tuple[type, int]] = dataclasses.field(default_factory=set)  # (model, pk)


# --- Stored values ---------------------------------------------------------------------------------------------
def raw_stream(stream_value) -> list:
    return list(stream_value.raw_data) if stream_value else []


def list_items(raw) -> list:
    # ListBlock data is [{"type": "item", "value": ..., "id": ...}] since Wagtail 2.16, a plain list before.
    return [item["value"] if isinstance(item, dict) and item.get("type") == "item" else item for item in raw or []]


def as_pk(raw) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    return int(raw) if isinstance(raw, str) and raw.isdigit() else None


def richtext_source(value) -> str:
    """The stored HTML of a rich text, whether given as a RichText, a string or None."""
    return value.source if isinstance(value, RichText) else (value or "")


# --- Collecting ------------------------------------------------------------------------------------------------
def collect_richtext(value, references: References, locale_id: int) -> None:
    html = richtext_source(value)
    for attrs in map(extract_attrs, FIND_A_TAG.findall(html)):
        if (pk := as_pk(attrs.get("id"))) is None:
            continue
        if attrs.get("linktype") == "page":
            references.pages.add((pk, locale_id))
        elif attrs.get("linktype") == "document":
            references.documents.add(pk)
    for attrs in map(extract_attrs, FIND_EMBED_TAG.findall(html)):
        if attrs.get("embedtype") == "image" and (pk := as_pk(attrs.get("id"))) is not None:
            references.images.add(pk)


def collect_block(block, raw, references: References, locale_id: int) -> None:
    """What the stored value `raw` of `block` (any block, nested to any depth) points at."""
    if raw is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for child in raw:
            child_block = block.child_blocks.get(child.get("type")) if isinstance(child, dict) else None
            if child_block is not None:
                collect_block(child_block, child.get("value"), references, locale_id)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            collect_block(child_block, raw.get(name) if isinstance(raw, dict) else None, references, locale_id)
    elif isinstance(block, blocks.ListBlock):
        for item in list_items(raw):
            collect_block(block.child_block, item, references, locale_id)
    elif isinstance(block, ImageChooserBlock):
        if (pk := as_pk(raw)) is not None:
            references.images.add(pk)
    elif isinstance(block, DocumentChooserBlock):
        if (pk := as_pk(raw)) is not None:
            references.documents.add(pk)
    elif isinstance(block, blocks.PageChooserBlock):
        if (pk := as_pk(raw)) is not None:
            references.pages.add((pk, locale_id))
    elif isinstance(block, SnippetChooserBlock):
        if (pk := as_pk(raw)) is not None:
            references.snippets.add((block.target_model, pk))
    elif isinstance(block, blocks.RichTextBlock):
        collect_richtext(raw, references, locale_id)


def collect_stream(stream_value, references: References, locale_id: int) -> None:
    if stream_value:
        collect_block(stream_value.stream_block, raw_stream(stream_value), references, locale_id)


@dataclasses.dataclass(frozen=True)
class ReferenceFields:
    """The fields of a model that point at something: foreign keys, and fields holding content."""

    foreign_keys: tuple[tuple[str, str], ...]  # (image | document | page, attname)
    content: tuple[tuple[str, Callable], ...]  # (field name, collect function)


@cache
def reference_fields(model: type) -> ReferenceFields:
    image_model, document_model = get_image_model(), get_document_model()
    foreign_keys, content = [], []
    for field in model._meta.concrete_fields:
        if field.model is Page:  # Wagtail's own (alias_of, owner, revisions): never served as references
            continue
        if field.many_to_one and field.related_model is image_model:
            foreign_keys.append(("image", field.attname))
        elif field.many_to_one and field.related_model is document_model:
            foreign_keys.append(("document", field.attname))
        elif field.many_to_one and issubclass(field.related_model, Page):
            foreign_keys.append(("page", field.attname))
        elif isinstance(field, StreamField):
            content.append((field.name, collect_stream))
        elif isinstance(field, RichTextField):
            content.append((field.name, collect_richtext))
    return ReferenceFields(tuple(foreign_keys), tuple(content))


def collect_object(obj, references: References, locale_id: int) -> None:
    """Everything one page or snippet points at: its image, document and page foreign keys and its content."""
    fields = reference_fields(type(obj))
    for kind, attname in fields.foreign_keys:
        pk = getattr(obj, attname, None)
        if pk is None:
            continue
        if kind == "image":
            references.images.add(pk)
        elif kind == "document":
            references.documents.add(pk)
        else:
            references.pages.add((pk, locale_id))
    for name, collect in fields.content:
        value = getattr(obj, name, None)
        if value:
            collect(value, references, locale_id)
