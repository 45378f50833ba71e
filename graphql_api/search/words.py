"""What a reader types into a search box, as the search backend's query: plain words, whatever else it contains.

Wagtail's database backends turn a raw string into `PlainText` and quote each term in the database's own query
language (FTS5 MATCH on SQLite, tsquery on PostgreSQL), but the quoting is not complete: on SQLite a double quote
inside a term ends the quoted string early (`corso "A1` is a syntax error), and neither database accepts a NUL or a
lone UTF-16 surrogate. Rather than escaping each language by hand, the input is reduced to what both tokenizers
index anyway, runs of letters, marks and digits, and handed to the backend as `PlainText`, its supported path.
Quotes, `*`, parentheses, `-`, `+`, `~` and `:` become word breaks, as they are in the indexed text; `AND`, `OR`,
`NOT` and `NEAR` stay words (each quoted by the backend), never operators.

A page matches when it contains any of the words (operator "or"), ranked by relevance (pages with more of the words,
and rarer ones, first): "corsi AND" finds what "corsi" finds, plus pages containing the word "and", instead of
requiring a word that Italian pages never contain.
"""

import unicodedata

from wagtail.search.query import PlainText

# Unicode general categories that make up words: letters (L), combining marks (M: Arabic vowel signs, accents
# written apart) and digits (N). Everything else (punctuation, symbols, spaces, controls, surrogates) separates.
WORD_CATEGORIES = frozenset("LMN")


def search_words(text: str) -> list[str]:
    return "".join(ch if unicodedata.category(ch)[0] in WORD_CATEGORIES else " " for ch in text).split()


def search_query(text: str) -> PlainText | None:
    """The backend query for a reader's input; None when it holds no word (nothing can match)."""
    words = search_words(text)
    if not words:
        return None
    return PlainText(" ".join(words), operator="or")
