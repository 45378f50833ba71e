"""The untranslated-string check of the browser suite: the project's own English msgids, read from its gettext
catalogues (the root one and one per app: cms.catalogues), seen as text on a screen that should speak another language.

A visible text node whose text is a msgid of the project fails the check unless that language's catalogue
translates the msgid to the very same text ("Email" is "Email" in Italian). Wagtail's and Django's own strings
are not the project's: their catalogues are theirs, and their English never matches a msgid here unless the
project wrote the same words, in which case the project's translation must show.
"""

import functools
import re
from dataclasses import dataclass

import polib

from cms.catalogues import LANGUAGES, catalogues

# Text nodes shorter than this are icons, initials and punctuation, never a label worth a failure.
MIN_LENGTH = 2
_PLACEHOLDER = re.compile(r"%\((?P<name>\w+)\)[sdif]|%[sdif]|\{\w*\}")
_WHITESPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Whitespace folded, and the first letter's case ignored (Wagtail capitalises verbose names)."""
    text = _WHITESPACE.sub(" ", text).strip()
    return text[:1].lower() + text[1:]


@dataclass(frozen=True)
class Catalogue:
    language: str
    exact: frozenset[str]  # normalised msgids that must not show in this language
    patterns: tuple[re.Pattern, ...]  # msgids with placeholders, as patterns of the whole text

    def untranslated(self, texts) -> list[str]:
        found = []
        for text in texts:
            key = normalise(text)
            if len(key) < MIN_LENGTH:
                continue
            if key in self.exact or any(pattern.fullmatch(key) for pattern in self.patterns):
                found.append(_WHITESPACE.sub(" ", text).strip())
        return sorted(set(found))


def _po_files(language: str | None = None):
    return catalogues([language] if language else LANGUAGES)


def _gettext_dir(language: str) -> str:
    """Django's language code to the catalogue folder name (zh-hans -> zh_Hans)."""
    from django.utils.translation import to_locale

    return to_locale(language)


@functools.cache
def project_msgids() -> frozenset[str]:
    """Every msgid of the project, whichever catalogue holds it (all languages share the same msgids)."""
    msgids = set()
    for path in _po_files():
        for entry in polib.pofile(str(path)):
            if entry.obsolete:
                continue
            msgids.add(entry.msgid)
            if entry.msgid_plural:
                msgids.add(entry.msgid_plural)
    return frozenset(msgids)


@functools.cache
def catalogue_for(language: str) -> Catalogue:
    """What must not be seen in `language`: every project msgid the language does not translate to itself, and
    that is not itself a word of the language's translations (Wagtail's Italian for "Date" is "Data", which is
    also an English msgid of the project)."""
    same = set()
    for path in _po_files(_gettext_dir(language)):
        for entry in polib.pofile(str(path)):
            if entry.translated() and entry.msgstr == entry.msgid:
                same.add(entry.msgid)
    exact, patterns = set(), []
    words = _translated_texts(language)
    for msgid in project_msgids() - same:
        key = normalise(msgid)
        if len(key) < MIN_LENGTH or key in words:
            continue
        if _PLACEHOLDER.search(key):
            # split() interleaves the placeholders' group (the name, or None): keep only the literal parts.
            literal = _PLACEHOLDER.split(key)[::2]
            patterns.append(re.compile(".+?".join(re.escape(part) for part in literal), re.DOTALL))
        else:
            exact.add(key)
    return Catalogue(language=language, exact=frozenset(exact), patterns=tuple(patterns))


def _translated_texts(language: str) -> frozenset[str]:
    """Every translation the admin can show in `language` (Django's, Wagtail's, the project's), normalised."""
    from django.utils.translation import trans_real

    return frozenset(normalise(text) for _, text in trans_real.translation(language)._catalog.items())


# Visible text nodes of a document (and of an <option> list when its <select> shows), as the reader sees them.
VISIBLE_TEXT_JS = """() => {
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue.trim();
    if (!text) continue;
    let element = node.parentElement;
    if (!element || element.closest('script, style, template, noscript, [hidden], [aria-hidden="true"]')) continue;
    if (element.tagName === 'OPTION' || element.tagName === 'OPTGROUP') element = element.closest('select');
    if (!element || !element.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
    texts.push(text);
  }
  return texts;
}"""
