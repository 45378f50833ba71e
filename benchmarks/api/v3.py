"""Wagtail's API v3 (`wagtail.api.v3`, django-ninja) as a side: the same questions, in the requests v3 needs.

Mounted by the benchmark's server only (benchmarks.api.settings and urls), reading the same `api_fields` the v2
side declares (benchmarks.api.v2): v3 builds its page schemas from them, and binds a v2 serializer such as
`ImageRenditionField` through its compatibility shim, so both REST sides serve the same fields and renditions.

v3 answers some questions in more than one request, and a client pays for each one, so a workload here is a
sequence of GETs, all of them timed and counted:
- W1: `find/?html_path=` answers 302 to the page's detail URL (v3 has no way to serve it in the same request, as
  the v2 side is allowed to): 2 requests.
- W2: the listing returns only `id`, `title` and `meta` (no `fields=` as in v2): the events' start, venue and card
  rendition need each event's detail: 1 + 50 requests.
- W3: the listing's `title` and `meta` (type, slug, html_url) are what the search asks: 1 request.
The sequences are resolved once (the ids are the seeded data set's, fixed), by `calls()` with any GET function.
"""

import json
from collections.abc import Callable
from urllib.parse import urlencode, urlsplit

from .seed import SEARCH_TERM, SERVICE_SLUG_10_BLOCKS, SERVICE_SLUG_20_BLOCKS
from .workloads import LOCALE, service_path

PREFIX = "/api/v3/pages/"
# fetch(path) -> (status, Location header or "", body): one GET, redirects not followed.
Fetch = Callable[[str], tuple[int, str, bytes]]


def find_path(slug: str = SERVICE_SLUG_20_BLOCKS) -> str:
    return f"{PREFIX}find/?" + urlencode({"html_path": service_path(slug)})


def events_path(limit: int = 50) -> str:
    return PREFIX + "?" + urlencode(
        {"type": "content_models.EventPage", "locale": LOCALE, "order": "start", "limit": limit}
    )


def search_path(limit: int = 20) -> str:
    return PREFIX + "?" + urlencode({"search": SEARCH_TERM, "locale": LOCALE, "limit": limit})


def detail_path(page_id: int) -> str:
    return f"{PREFIX}{page_id}/"


def page_calls(fetch: Fetch, slug: str = SERVICE_SLUG_20_BLOCKS) -> list[str]:
    find = find_path(slug)
    status, location, body = fetch(find)
    if status != 302 or not location:
        raise RuntimeError(f"v3 find answered {status}, not a redirect: {body[:300]!r}")
    target = urlsplit(location)
    return [find, target.path + (f"?{target.query}" if target.query else "")]


def events_calls(fetch: Fetch, limit: int = 50) -> list[str]:
    listing = events_path(limit)
    status, _location, body = fetch(listing)
    if status != 200:
        raise RuntimeError(f"v3 listing answered {status}: {body[:300]!r}")
    return [listing, *(detail_path(item["id"]) for item in json.loads(body)["items"])]


def search_calls(fetch: Fetch, limit: int = 20) -> list[str]:
    return [search_path(limit)]


def scaling_calls(fetch: Fetch) -> dict[str, list[list[str]]]:
    """Each workload's two sequences, at the items and at twice the items (as workloads.SCALING)."""
    return {
        "W1": [page_calls(fetch, SERVICE_SLUG_10_BLOCKS), page_calls(fetch)],
        "W2": [events_calls(fetch, 25), events_calls(fetch, 50)],
        "W3": [search_calls(fetch, 10), search_calls(fetch, 20)],
    }


def uncached_calls(fetch: Fetch) -> dict[str, list[str]]:
    return {"W1": page_calls(fetch), "W2": events_calls(fetch), "W3": search_calls(fetch)}
