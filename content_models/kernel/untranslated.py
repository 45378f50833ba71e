"""Untranslated segments: which parts of a translation still hold its source's text, and in which language.

wagtail-localize writes a translation from its source and the strings translated so far; a string nobody has
translated yet is filled with the source text (`save_target` syncs with `fallback=True`). A published Arabic page
may then hold Italian paragraphs, and a reader must never get Italian text labelled as Arabic.

The fact comes from wagtail-localize's own tables, not from comparing texts (names, numbers and addresses are
legitimately the same in both languages): a `StringSegment` of the translation's source with no
`StringTranslation` in the target locale is untranslated. It is recorded when the translation is *written*
(the model's full save calls `untranslated_record`, so a draft's revision carries it too and its preview shows
it), once, with the content:
- in rich text, the untranslated parts are marked in the stored HTML itself: their block element (a paragraph, a
  list item, a heading) gets `lang` and `dir` of the source language (`<p lang="it" dir="ltr">` inside an Arabic
  page), or a `<span lang dir>` when it shares its element with translated text. Every channel (API, previews,
  emails, feeds, print) renders stored rich text, so each shows the mark without knowing of it;
- plain strings (a title, a summary, a heading block, a topic's name) cannot carry markup: their paths are kept in
  the object's `untranslated` field (`{"language": "it", "fields": ["title", "body.<block id>.text"],
  "everything": false}`), which a channel reads through `untranslated_of(obj)` and renders its own way.
Reading costs no query: the record is a column of the row every channel already reads.

Only a translation wagtail-localize keeps in sync is recorded. Once an editor converts it to manual editing, its
text is theirs, and the record is cleared.

A snippet that cannot be a draft (a topic, a service point) is live as soon as it is written: one whose strings
are all still the source's (`everything`) is not a translation yet, and the fallback rule (fallback.py) serves
its source in its place, flagged as a fallback.
"""

import dataclasses
from collections import defaultdict
from functools import cache

from bs4 import BeautifulSoup
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.blocks import StreamValue
from wagtail.blocks.list_block import ListValue
from wagtail.rich_text import RichText

from cms.languages import get_content_language

FIELD = "untranslated"  # the JSON column of every translatable model that records it
NOT_TEXT = frozenset({"slug"})  # strings wagtail-localize translates that readers never read as text (an address)


def untranslated_field() -> models.JSONField:
    """The column that records it. Not editable: wagtail-localize neither translates nor copies it, and no form
    shows it; the model's save() calls untranslated_record on every full save."""
    return models.JSONField(_("untranslated parts"), default=dict, blank=True, editable=False)


@dataclasses.dataclass(frozen=True)
class Untranslated:
    """What of one object is still in its source language: `fields` are wagtail-localize's context paths of plain
    strings and of rich texts with untranslated parts ("title", "body.<block id>", "body.<block id>.text")."""

    language: str = ""
    fields: frozenset[str] = frozenset()
    everything: bool = False

    def __bool__(self) -> bool:
        return bool(self.fields)

    @property
    def direction(self) -> str:
        return get_content_language(self.language).direction if self.language else "ltr"

    def covers(self, path: str) -> bool:
        """Whether the plain string or rich text at `path` (a field, a block, a block's child) is untranslated."""
        return path in self.fields

    def html_attrs(self, path: str) -> str:
        """` lang="it" dir="ltr"` for an HTML element showing the plain string at `path` when it is untranslated,
        else "": what previews, emails and print put on a title or a summary (a block's strings: lang_attrs)."""
        if not self.covers(path):
            return mark_safe("")
        return _attrs(self.language, self.direction)

    def within(self, prefix: str) -> list[str]:
        """The untranslated paths under `prefix` ("body.<block id>"), relative to it ("" for the block itself)."""
        start = prefix + "."
        inside = (path for path in self.fields if path == prefix or path.startswith(start))
        return sorted(path[len(start):] if path != prefix else "" for path in inside)

    def as_json(self) -> dict:
        if not self.fields:
            return {}
        return {"language": self.language, "fields": sorted(self.fields), "everything": self.everything}


NOTHING = Untranslated()


def untranslated_of(obj) -> Untranslated:
    """The recorded fact for `obj` (a page, a snippet, a page of a revision): nothing for an original."""
    stored = getattr(obj, FIELD, None) or {}
    if not stored.get("fields"):
        return NOTHING
    return Untranslated(stored.get("language", ""), frozenset(stored["fields"]), bool(stored.get("everything")))


@cache
def serves_source_when_untranslated(model) -> bool:
    """A model whose translations are live as soon as written (no drafts): wholly untranslated, its source serves."""
    from wagtail.models import DraftStateMixin

    return any(field.name == FIELD for field in model._meta.concrete_fields) and not issubclass(model, DraftStateMixin)


def _attrs(language: str, direction: str) -> str:
    return format_html(' lang="{}" dir="{}"', language, direction)


# --- Reading a stream's plain strings, for channels ----------------------------------------------------------------
class UntranslatedText(str):
    """A plain string of a block still in its source's language, as `untranslated_stream` hands it to a channel:
    a str for every use (escaped, compared, upper-cased), which also knows the `lang` and `dir` of its element."""

    def __new__(cls, text: str, language: str, direction: str):
        marked = super().__new__(cls, text)
        marked.language, marked.direction = language, direction
        return marked


def lang_attrs(text) -> str:
    """` lang="it" dir="ltr"` for the element showing `text` (a string of a stream read with untranslated_stream)
    when it is still in its source's language, else "". The channel writes it on the element: `<h2{attrs}>`."""
    if isinstance(text, UntranslatedText):
        return _attrs(text.language, text.direction)
    return mark_safe("")


def lang_span(text) -> str:
    """`text` escaped, in a `<span lang dir>` of its own when untranslated: for a string with no element of its
    own (a contact's role between two line breaks)."""
    attrs = lang_attrs(text)
    return format_html("<span{}>{}</span>", attrs, text) if attrs else format_html("{}", text or "")


def field_text(obj, name: str):
    """`obj`'s plain field `name` (a venue, a desk's opening notes, an image's alternative text) as channels read
    it: an UntranslatedText when still in the source's language, so `lang_attrs`/`lang_span` mark it wherever it is
    shown, on its own element or inside a longer line ("venue, address, town"); else the value as stored."""
    value = getattr(obj, name)
    record = untranslated_of(obj)
    if value and isinstance(value, str) and record.covers(name):
        return UntranslatedText(value, record.language, record.direction)
    return value


def untranslated_stream(obj, field_name: str):
    """`obj`'s stream (`field_name`) as channels read it: the plain strings still in the source's language are
    UntranslatedText, so a block's renderer puts `lang_attrs(value["text"])` on their element without knowing
    paths. The stored value itself when nothing of it is untranslated; a copy otherwise (never the instance's)."""
    stream_value = getattr(obj, field_name)
    record = untranslated_of(obj)
    if not stream_value or not record.within(field_name):
        return stream_value

    def mark(block, value, path):
        if isinstance(value, str) and record.covers(path):
            return UntranslatedText(value, record.language, record.direction)
        return value

    return _rebuilt(stream_value.stream_block, stream_value, field_name, lambda path: bool(record.within(path)),
                    mark)


def _rebuilt(block, value, path: str, inside, leaf):
    """`value` of `block` at wagtail-localize's context `path`, with `leaf(block, value, path)` in place of each
    leaf (a string, a rich text) under a path that `inside(path)` says holds something to change: a new value
    where something changed (a StreamValue keeps its raw data as loaded, which channels read), the same elsewhere.
    Paths are wagtail-localize's: a struct's child by name, a list's item and a stream's child by id."""
    if value is None or not inside(path):
        return value
    if isinstance(block, blocks.StreamBlock):
        return StreamValue(block, [
            (child.block_type, _rebuilt(child.block, child.value, f"{path}.{child.id}", inside, leaf), child.id)
            for child in value
        ])
    if isinstance(block, blocks.ListBlock):
        return ListValue(block, bound_blocks=[
            ListValue.ListChild(block.child_block, _rebuilt(block.child_block, item.value, f"{path}.{item.id}",
                                                            inside, leaf), id=item.id)
            for item in value.bound_blocks
        ])
    if isinstance(block, blocks.StructBlock) and isinstance(value, dict):
        return type(value)(block, [
            (name, _rebuilt(block.child_blocks[name], child, f"{path}.{name}", inside, leaf) if name in
             block.child_blocks else child)
            for name, child in value.items()
        ])
    return leaf(block, value, path)


# --- Recording, when a translation is written ----------------------------------------------------------------------
def untranslated_segments_read(instance) -> tuple[str, dict[str, set[int]], bool] | None:
    """(source language, {context path: positions of its untranslated strings}, nothing translated at all) for a
    translation wagtail-localize keeps in sync, from its tables in two queries; None for anything else (an
    original, a translation not made by wagtail-localize or converted to manual editing)."""
    from wagtail_localize.models import StringSegment, StringTranslation, Translation

    if getattr(instance, "translation_key", None) is None or instance.locale_id is None:
        return None
    translation = (
        Translation.objects.filter(
            source__object_id=instance.translation_key, target_locale_id=instance.locale_id, enabled=True
        )
        .select_related("source__locale")
        .first()
    )
    if translation is None:
        return None
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=instance.locale_id,
        has_error=False,
    )
    rows = (
        StringSegment.objects.filter(source_id=translation.source_id)
        .annotate(translated=Exists(translated))
        .order_by("order")
        .values_list("context__path", "translated")
    )
    missing: dict[str, set[int]] = defaultdict(set)
    count: dict[str, int] = defaultdict(int)
    any_translated = False
    for path, is_translated in rows:
        if path in NOT_TEXT:
            continue
        position = count[path]  # the strings of one context are its template's positions, in order
        count[path] += 1
        if is_translated:
            any_translated = True
        else:
            missing[path].add(position)
    return translation.source.locale.language_code, dict(missing), bool(count) and not any_translated


def untranslated_record(instance) -> None:
    """Record on `instance` (about to be saved) what is still untranslated, and mark its rich text (module doc)."""
    found = untranslated_segments_read(instance)
    if found is None or not found[1]:
        setattr(instance, FIELD, {})
        return
    language, missing, everything = found
    direction = get_content_language(language).direction
    for field in instance._meta.concrete_fields:
        if isinstance(field, RichTextField) and field.name in missing:
            setattr(instance, field.name, mark_html(getattr(instance, field.name), missing[field.name], language,
                                                    direction))
        elif isinstance(field, StreamField):
            setattr(instance, field.name,
                    _mark_stream(getattr(instance, field.name), field.name, missing, language, direction))
    setattr(instance, FIELD, Untranslated(language, frozenset(missing), everything).as_json())


def _mark_stream(stream_value, path: str, missing, language: str, direction: str):
    """The stream with its untranslated rich text marked (a new StreamValue: channels read a stream's raw data)."""
    if not stream_value:
        return stream_value

    def mark(block, value, path):
        if isinstance(block, blocks.RichTextBlock):
            return RichText(mark_html(value.source, missing.get(path, set()), language, direction))
        return value

    return _rebuilt(stream_value.stream_block, stream_value, path,
                    lambda inside: any(key == inside or key.startswith(inside + ".") for key in missing), mark)


def mark_html(html: str, positions: set[int], language: str, direction: str) -> str:
    """Stored rich text with the strings at `positions` (wagtail-localize's template positions) marked as being in
    `language`: on their block element when all of its text is untranslated, else in a span of their own.

    wagtail-localize's own extract/restore pair finds the strings exactly as it placed them; marking an element
    that is marked already changes nothing, so publishing a revision again leaves its HTML as it was.
    """
    from wagtail_localize.strings import extract_strings, restore_strings

    if not html or not positions:
        return html
    template, strings = extract_strings(html)
    soup = BeautifulSoup(template, "html.parser")
    marks = {"lang": language, "dir": direction}
    for text in soup.find_all("text"):
        if int(text["position"]) not in positions:
            continue
        parent = text.parent
        whole = parent is not None and parent.name != "[document]" and all(
            int(other["position"]) in positions for other in parent.find_all("text")
        )
        if whole:
            parent.attrs.update(marks)
        else:
            text.wrap(soup.new_tag("span", attrs=marks))
    return restore_strings(str(soup), strings)
