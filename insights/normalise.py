"""Search terms and paths as they are counted: spellings of one need counted together, cut to a fixed length, and
scrubbed of what would identify a person (an email address, a phone or document number, a tax code, a token).

Names cannot be recognised reliably; that is what the reports' threshold is for (a term seen by fewer than
INSIGHTS_MIN_COUNT searches is never shown).
"""

import re
import unicodedata

from .models import PATH_MAX_LENGTH, TERM_MAX_LENGTH

# Order matters: an address or a URL may hold digits, a tax code and an IBAN hold letters and digits.
REDACTIONS = [
    (re.compile(r"[^\s@]+@[^\s@]+", re.I), "[email]"),
    (re.compile(r"(?:https?://|www\.)\S+", re.I), "[url]"),
    # Italian codice fiscale (16 characters), and the IBAN of any country.
    (re.compile(r"\b[a-z]{6}\d{2}[a-z]\d{2}[a-z]\d{3}[a-z]\b", re.I), "[code]"),
    (re.compile(r"\b[a-z]{2}\d{2}(?:\s?[a-z0-9]{4}){2,7}(?:\s?[a-z0-9]{1,4})?\b", re.I), "[code]"),
    # A run of eight or more mixing letters and digits: passport and permit numbers, tokens, identifiers.
    (re.compile(r"\b(?=[a-z0-9_-]*\d)(?=[a-z0-9_-]*[a-z])[a-z0-9_-]{8,}\b", re.I), "[code]"),
    # Six digits or more, spaced or not: phone numbers, document numbers, dates of birth. Five stay (Italian
    # postcodes), four stay (years).
    (re.compile(r"\+?\d(?:[\s./-]?\d){5,}"), "[number]"),
]
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")  # harakat, superscript alef, tatweel
ARABIC_ALEFS = str.maketrans({"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627"})
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
KEPT_PUNCTUATION = {"'", "-"}  # inside words: dell'asilo, rifugiato-a


def _without_latin_accents(text: str) -> str:
    """è -> e, ç -> c; other scripts keep their letters (Cyrillic й stays й)."""
    kept = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char) and kept and kept[-1].isascii():
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def redact(text: str) -> str:
    """`text` with email addresses, URLs, tax codes, IBANs, long numbers and identifiers replaced by placeholders."""
    for pattern, placeholder in REDACTIONS:
        text = pattern.sub(placeholder, text)
    return text


def _words(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(APOSTROPHES).casefold()
    text = _without_latin_accents(text)
    text = redact(ARABIC_MARKS.sub("", text).translate(ARABIC_ALEFS))
    spaced = "".join(
        " " if unicodedata.category(char)[0] in "PSC" and char not in KEPT_PUNCTUATION and char not in "[]" else char
        for char in text
    )
    return " ".join(word.strip("'-") for word in spaced.split() if word.strip("'-"))


def _cut(text: str, length: int) -> str:
    if len(text) <= length:
        return text
    cut = text[:length]
    return cut.rsplit(" ", 1)[0] if " " in cut else cut


def search_term_normalise(query: str) -> str:
    """The term a search is counted under; empty when nothing countable is left."""
    return _cut(_words(query[: TERM_MAX_LENGTH * 4]), TERM_MAX_LENGTH)


def path_normalise(path: str) -> str:
    """A not-found path as counted: /segment/segment/, lower case, each segment scrubbed like a search term."""
    segments = []
    for segment in path[: PATH_MAX_LENGTH * 4].split("?")[0].split("#")[0].split("/"):
        words = _words(segment.replace("-", " ").replace("_", " "))
        if words:
            segments.append(words.replace(" ", "-"))
    return _cut("/" + "".join(f"{segment}/" for segment in segments), PATH_MAX_LENGTH)


def comment_scrub(comment: str) -> str:
    """A reader's comment as stored: control characters dropped, personal details replaced (redact)."""
    return redact(CONTROL.sub("", unicodedata.normalize("NFC", comment))).strip()
