"""A cached GET while the database is down: served stale when that is safe, else the view answers 503.

An entry is normally served only to a reader whose fresh read of the content state gives the entry's stamp. With
the database down there is no fresh read, but content cannot change either: every write goes through the
database. So an entry stamped with the last state this process read is exactly what the process would have
served just before the outage, and still is, provided that:

- the process read that state moments before reads began to fail (LAST_READ_BEFORE_OUTAGE_SECONDS): what another
  process wrote in between is unknown, and a long quiet gap could hide an unpublish;
- the state's `valid_until` has not passed (a page expiring by time would reappear);
- the outage is younger than GRAPHQL_STALE_IF_ERROR_SECONDS (0 turns stale answers off): past that, an error
  tells the portal more than ever-older content.

Such a response carries `X-GraphQL-Cache: stale` and `Cache-Control: no-store` (no HTTP cache may keep it); any
other request during the outage gets 503 SERVICE_UNAVAILABLE with Retry-After. POST requests never get stale
answers: portals read through persisted GETs, and the rule is easier to trust on one path.
"""

import threading
import time
from typing import TYPE_CHECKING

from django.utils import timezone

from cms.unavailable import DATABASE_UNAVAILABLE_ERRORS
from graphql_api.conf import api_setting

from content_models.kernel.generation import ContentState, content_state_read

if TYPE_CHECKING:
    from .responses import CachedResponse

LAST_READ_BEFORE_OUTAGE_SECONDS = 5.0

_lock = threading.Lock()
_last_read: tuple[ContentState, float] | None = None  # the last state read, and when (monotonic)
_first_failure: float | None = None  # when reads began to fail since that read (monotonic)


def content_state_read_remembered() -> ContentState:
    """content_state_read(), remembering its outcome for `stale_servable`."""
    global _last_read, _first_failure
    try:
        state = content_state_read()
    except DATABASE_UNAVAILABLE_ERRORS:
        with _lock:
            if _first_failure is None:
                _first_failure = time.monotonic()
        raise
    with _lock:
        _last_read, _first_failure = (state, time.monotonic()), None
    return state


def stale_servable(entry: "CachedResponse") -> bool:
    """Whether `entry` may be served while the state cannot be read (see the module's rules)."""
    limit = api_setting("STALE_IF_ERROR_SECONDS")
    with _lock:
        last_read, first_failure = _last_read, _first_failure
    if limit <= 0 or last_read is None or first_failure is None:
        return False
    state, read_at = last_read
    now = time.monotonic()
    return (
        entry.state_key == state.key
        and first_failure - read_at <= LAST_READ_BEFORE_OUTAGE_SECONDS
        and now - first_failure <= limit
        and (state.valid_until is None or timezone.now() < state.valid_until)
    )


def outage_forget() -> None:
    """Forget what this process read (tests; a state read in one test means nothing in the next)."""
    global _last_read, _first_failure
    with _lock:
        _last_read, _first_failure = None, None
