"""Server cache and conditional GET for feeds, keyed on the content kernel's one content generation.

Every change to what a feed can show (publish, unpublish, move and delete of pages; topics, service points,
images, documents, collections, privacy restrictions, locales) bumps the generation in the writer's transaction
(content_models/kernel/invalidation.py), so a feed cached under an older content state is never read again, in any
process, and expires on its own. A lookup costs one primary-key read (the content state, as for the API); the
state also carries the next instant a page goes live or expires by time alone (`valid_until`): it is part of the
key, so the first request after it rebuilds.

HTTP: `ETag` (hash of the body) and `Last-Modified` (newest item), answered with 304 by Django's
`get_conditional_response`; `Cache-Control: public, max-age` no longer than `valid_until`.
"""

import dataclasses
import hashlib
from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from content_models.kernel.generation import ContentState, content_state_read
from media.renditions import renditions_missed_here

from .conf import feeds_setting

CACHE_HEADER = "X-Feed-Cache"


@dataclasses.dataclass(frozen=True)
class BuiltFeed:
    body: bytes
    content_type: str
    last_modified: float | None  # a timestamp

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:32] + '"'


def feed_response(request, *, key: str, build: Callable[[ContentState], BuiltFeed]) -> HttpResponse:
    """The feed for `key` (the request path plus anything else it depends on), from the cache when fresh.

    `build(state)` makes it as of the content state read here (before any content is read: generation.py).
    """
    seconds = feeds_setting("CACHE_SECONDS")
    state = content_state_read()
    cache_key = f"distribution:feed:{state.key}:{hashlib.sha256(key.encode()).hexdigest()}"
    built = cache.get(cache_key) if seconds else None
    hit = built is not None
    if not hit:
        built = build(state)
        if seconds and not renditions_missed_here():  # fallbacks for renditions being made: not kept
            cache.set(cache_key, built, timeout=seconds)
    response = HttpResponse(built.body, content_type=built.content_type)
    response[CACHE_HEADER] = "hit" if hit else "miss"
    response["ETag"] = built.etag
    if built.last_modified:
        response["Last-Modified"] = http_date(built.last_modified)
    max_age = feeds_setting("MAX_AGE")
    if state.valid_until is not None:
        max_age = max(0, min(max_age, int((state.valid_until - state.now).total_seconds())))
    response["Cache-Control"] = f"public, max-age={max_age}"
    # Public content for any site to read: portals and partner sites fetch JSON feeds from browsers.
    response["Access-Control-Allow-Origin"] = "*"
    return get_conditional_response(
        request, etag=built.etag, last_modified=int(built.last_modified) if built.last_modified else None,
        response=response,
    )

