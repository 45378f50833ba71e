"""Multilingual texts of the demo content and the catalogue of their translations.

The demo is written in Italian (the source language) with its English, French and Arabic translations next to
it, as `Text` values. The build writes the Italian text into the models; the catalogue maps each Italian
string, in the exact form wagtail-localize extracts it (a plain-text segment, or one block-level element of
rich text), to its translations.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, is_dataclass

from wagtail_localize.strings import StringValue, extract_strings

TARGET_LANGUAGES = ("en", "fr", "ar")


@dataclass(frozen=True)
class Text:
    """An Italian text and its translations. An empty translation falls back to Italian when translated."""

    it: str
    en: str = ""
    fr: str = ""
    ar: str = ""
    rich: bool = False

    def __str__(self) -> str:
        return self.it

    def in_language(self, code: str) -> str:
        return getattr(self, code) if code != "it" else self.it


def t(it: str, en: str = "", fr: str = "", ar: str = "") -> Text:
    """A plain text (CharField, TextField, CharBlock, TextBlock)."""
    return Text(it, en, fr, ar)


def rich(it: str, en: str = "", fr: str = "", ar: str = "") -> Text:
    """Rich text HTML; translations keep the Italian structure (same paragraphs, list items and links)."""
    return Text(it, en, fr, ar, rich=True)


def texts_in(value) -> Iterator[Text]:
    """Every Text inside nested data: dataclasses, dicts, lists and tuples."""
    if isinstance(value, Text):
        yield value
    elif is_dataclass(value) and not isinstance(value, type):
        for field in fields(value):
            yield from texts_in(getattr(value, field.name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from texts_in(item)


class Catalogue:
    """Italian source string -> {language code: translated string}, in wagtail-localize's segment form."""

    def __init__(self) -> None:
        self._entries: dict[str, dict[str, str]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, source: str, language: str) -> str | None:
        return self._entries.get(source, {}).get(language)

    def add_all(self, texts: Iterable[Text]) -> "Catalogue":
        for text in texts:
            self.add(text)
        return self

    def add(self, text: Text) -> None:
        for language in TARGET_LANGUAGES:
            translated = text.in_language(language)
            if not translated:
                continue
            for source, target in self._pairs(text, translated, language):
                self._store(source, language, target)

    def _pairs(self, text: Text, translated: str, language: str) -> list[tuple[str, str]]:
        if not text.rich:
            return [(StringValue.from_plaintext(text.it).data, StringValue.from_plaintext(translated).data)]
        # Rich text is translated one block-level element at a time (a paragraph, a list item): pair them up.
        _template, sources = extract_strings(text.it)
        _template, targets = extract_strings(translated)
        if len(sources) != len(targets):
            raise ValueError(
                f"The {language} translation of {text.it[:60]!r} has {len(targets)} paragraphs or list "
                f"items, the Italian has {len(sources)}: keep the same structure."
            )
        return [(source.data, target.data) for (source, _attrs), (target, _attrs2) in zip(sources, targets)]

    def _store(self, source: str, language: str, target: str) -> None:
        known = self._entries.setdefault(source, {})
        if known.get(language, target) != target:
            raise ValueError(
                f"{source[:60]!r} has two different {language} translations: "
                f"{known[language]!r} and {target!r}"
            )
        known[language] = target
