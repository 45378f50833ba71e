"""Server cache and conditional GET for feeds, keyed on a feeds *generation* that every content change bumps.

The generation is a random token in the default cache (Redis in production, shared by every process). Signal
handlers (invalidation.py) replace it on publish, unpublish, move and delete of pages and on changes to topics,
service points, images, documents, collections, privacy restrictions and locales: old entries are never read
again and expire on their own. With the local-memory cache (development) each process has its own generation,
so another process may serve a feed up to CACHE_SECONDS old.

A built feed also records the next instant a page goes live or expires by time alone (`valid_until`): the first
request after it rebuilds. HTTP: `ETag` (hash of the body) and `Last-Modified` (newest item), answered with 304
by Django's `get_conditional_response`; `Cache-Control: public, max-age` no longer than `valid_until`.
"""

import dataclasses
import hashlib
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from .conf import feeds_setting

GENERATION_KEY = "distribution:feeds:generation"
CACHE_HEADER = "X-Feed-Cache"


@dataclasses.dataclass(frozen=True)
class BuiltFeed:
    body: bytes
    content_type: str
    last_modified: float | None  # a timestamp
    valid_until: float | None  # a timestamp: rebuild after it

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:32] + '"'


def feeds_generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def feeds_generation_bump() -> None:
    """Now, and again when the transaction commits.

    Now, so that nothing built from the old content is stored under a later generation by this process; again at
    commit, so that a reader that read the new generation before the commit (and the old content) is superseded.
    """
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None))


def feed_response(request, *, key: str, build: Callable[[], BuiltFeed]) -> HttpResponse:
    """The feed for `key` (the request path plus anything else it depends on), from the cache when fresh."""
    seconds = feeds_setting("CACHE_SECONDS")
    now = timezone.now().timestamp()
    cache_key = f"distribution:feed:{feeds_generation()}:{hashlib.sha256(key.encode()).hexdigest()}"
    built = cache.get(cache_key) if seconds else None
    hit = built is not None and (built.valid_until is None or built.valid_until > now)
    if not hit:
        built = build()
        if seconds:
            cache.set(cache_key, built, timeout=seconds)
    response = HttpResponse(built.body, content_type=built.content_type)
    response[CACHE_HEADER] = "hit" if hit else "miss"
    response["ETag"] = built.etag
    if built.last_modified:
        response["Last-Modified"] = http_date(built.last_modified)
    max_age = feeds_setting("MAX_AGE")
    if built.valid_until is not None:
        max_age = max(0, min(max_age, int(built.valid_until - now)))
    response["Cache-Control"] = f"public, max-age={max_age}"
    # Public content for any site to read: portals and partner sites fetch JSON feeds from browsers.
    response["Access-Control-Allow-Origin"] = "*"
    return get_conditional_response(
        request, etag=built.etag, last_modified=int(built.last_modified) if built.last_modified else None,
        response=response,
    )
