"""The API's recording functions: what a request asked for, as anonymous signals counted per day.

A signal is a plain tuple `(kind, locale, subject, flag, value)`, cheap to make, to keep with a cached response
and to count again when that response is served from the cache (so the cache hides no demand):

- ("search", locale, normalised term, 1 if it found nothing, number of results)
- ("page", locale, translation key, 1 if served in Italian instead of the asked locale, 0)
- ("not_found", locale, normalised path, 0, 0)

Nothing about the reader is in a signal. `signals_record` only adds to the process's buffer (buffer.py): no
database write, no network call, inside the request.
"""

from collections.abc import Iterable

from django.conf import settings

from .buffer import process_buffer
from .normalise import path_normalise, search_term_normalise

SEARCH, PAGE, NOT_FOUND = "search", "page", "not_found"

Signal = tuple[str, str, str, int, int]


def search_signal(query: str, locale: str, result_count: int) -> Signal | None:
    """A search in `locale` (the asked language code) and how many results it found; None when nothing
    countable is left of the query once normalised (punctuation only)."""
    term = search_term_normalise(query)
    if not term:
        return None
    return (SEARCH, locale, term, int(result_count == 0), result_count)


def page_signal(translation_key, locale: str, *, is_fallback: bool) -> Signal:
    """A page asked for by itself (by path or id) in `locale`, and whether it was served in Italian instead."""
    return (PAGE, locale, str(translation_key), int(is_fallback), 0)


def not_found_signal(path: str, locale: str) -> Signal | None:
    """A path asked for in `locale` that matched no public page."""
    normalised = path_normalise(path)
    return (NOT_FOUND, locale, normalised, 0, 0) if normalised else None


def signals_record(signals: Iterable[Signal | None]) -> None:
    """Count `signals` (None entries are skipped). Cheap and safe to call from any request: it never raises."""
    if not settings.INSIGHTS_RECORDING:
        return
    try:
        process_buffer().add(signals)
    except Exception:  # noqa: BLE001  (counting must never fail a reader's request)
        process_buffer().note_failure()
