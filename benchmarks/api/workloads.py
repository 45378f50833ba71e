"""The requests the benchmark compares: each workload is the same question asked of GraphQL and of the v2 API.

Module constants, so the in-process step (query counts, latency) and the HTTP step (wrk) send exactly the same
bytes. The v2 side asks for the same fields; where the two APIs cannot give the same thing, it is said here.
"""

import hashlib
import json
from dataclasses import dataclass
from urllib.parse import urlencode

from .seed import SEARCH_TERM, SERVICE_SLUG_10_BLOCKS, SERVICE_SLUG_20_BLOCKS

BLOCKS_FRAGMENT = """
fragment Blocks on Block {
  id blockType
  ... on HeadingBlock { text level }
  ... on RichTextBlock { html }
  ... on ImageBlock { caption alt image { rendition(filter: "content") { url width height } } }
  ... on CallToActionBlock { label href description page { title url } }
  ... on StepsBlock { title steps { title description } }
  ... on FaqBlock { title items { question answer } }
  ... on ContactBlock { name role phone email url notes }
  ... on KeyFiguresBlock { title figures { label value unit source } }
  ... on DocumentBlock { title description document { url fileExtension fileSize } }
  ... on RelatedPagesBlock { title pages { __typename title url } }
  ... on QuoteBlock { quote attribution }
  ... on AlertBlock { level title text }
}
"""

# W1: a 20-block service page by its path, with everything a portal's service page shows.
PAGE_QUERY = (
    """
query BenchServicePage($path: String!, $locale: String) {
  page(path: $path, locale: $locale) {
    __typename id title slug url
    seo { title description image { rendition(filter: "social") { url width height } } }
    ... on ServicePage {
      summary audiences audienceDetails whatYouNeed whatYouGet isFree costs deadlines onlineUrl channels
      howToAccess { title description }
      topics { name slug }
      body { ...Blocks }
    }
  }
}
"""
    + BLOCKS_FRAGMENT
)

# W2: the next events, each with its card image.
EVENTS_QUERY = """
query BenchEvents($locale: String, $first: Int!) {
  events(locale: $locale, first: $first) {
    edges { node {
      id title slug url summary start end venueName municipality
      seo { image { rendition(filter: "card") { url width height } } }
    } }
  }
}
"""

# W3: 20 search hits. Only fields every page type has: the v2 API can serve no others without a `type`.
SEARCH_QUERY = """
query BenchSearch($q: String!, $locale: String, $first: Int!) {
  search(query: $q, locale: $locale, first: $first) {
    edges { node { __typename id title slug url } }
  }
}
"""

LOCALE = "it"  # v2's find resolves paths from the Site's root page, the Italian home: both sides serve Italian


@dataclass(frozen=True)
class GraphQLRequest:
    query: str
    variables: dict

    @property
    def body(self) -> bytes:
        return json.dumps({"query": self.query, "variables": self.variables}).encode()

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.query.encode()).hexdigest()

    def persisted_path(self, *, with_query: bool = False) -> str:
        """GET /graphql/ with the document's hash (Apollo's automatic persisted queries); with the document to
        register it."""
        params = {
            "extensions": json.dumps({"persistedQuery": {"version": 1, "sha256Hash": self.sha256}}),
            "variables": json.dumps(self.variables),
        }
        if with_query:
            params["query"] = self.query
        return "/graphql/?" + urlencode(params)


def service_path(slug: str) -> str:
    return f"/servizi/{slug}/"


def page_request(slug: str = SERVICE_SLUG_20_BLOCKS) -> GraphQLRequest:
    return GraphQLRequest(PAGE_QUERY, {"path": service_path(slug), "locale": LOCALE})


def events_request(first: int = 50) -> GraphQLRequest:
    return GraphQLRequest(EVENTS_QUERY, {"locale": LOCALE, "first": first})


def search_request(first: int = 20) -> GraphQLRequest:
    return GraphQLRequest(SEARCH_QUERY, {"q": SEARCH_TERM, "locale": LOCALE, "first": first})


# The v2 side. `find` is served without its redirect (benchmarks.api.v2.BenchPagesAPIViewSet): one request, as
# GraphQL needs one; Wagtail's own find answers 302 and the client pays a second request.
def v2_page_path(slug: str = SERVICE_SLUG_20_BLOCKS) -> str:
    return "/api/v2/pages/find/?" + urlencode({"html_path": service_path(slug)})


V2_EVENT_FIELDS = "summary,start,end,venue_name,municipality,card_image"


def v2_events_path(limit: int = 50) -> str:
    return "/api/v2/pages/?" + urlencode(
        {
            "type": "content_models.EventPage",
            "locale": LOCALE,
            "order": "start",
            "limit": limit,
            "fields": V2_EVENT_FIELDS,
        }
    )


def v2_search_path(limit: int = 20) -> str:
    return "/api/v2/pages/?" + urlencode({"search": SEARCH_TERM, "locale": LOCALE, "limit": limit})


# Item counts the query-count proof doubles: (half, full).
SCALING = {
    "W1": {"blocks": (10, 20), "graphql": [page_request(SERVICE_SLUG_10_BLOCKS), page_request()],
           "v2": [v2_page_path(SERVICE_SLUG_10_BLOCKS), v2_page_path()]},
    "W2": {"events": (25, 50), "graphql": [events_request(25), events_request(50)],
           "v2": [v2_events_path(25), v2_events_path(50)]},
    "W3": {"hits": (10, 20), "graphql": [search_request(10), search_request(20)],
           "v2": [v2_search_path(10), v2_search_path(20)]},
}

# Workloads measured over HTTP; W4's floor bodies are the GraphQL responses of W1 and W2, byte for byte.
UNCACHED = {
    "W1": ("page by path (20-block service page)", page_request(), v2_page_path()),
    "W2": ("listing of 50 events with a card rendition each", events_request(), v2_events_path()),
    "W3": ("search, 20 hits", search_request(), v2_search_path()),
}
CACHED = {
    "W4-page": ("W1 as a persisted query, response cache warm", page_request()),
    "W4-events": ("W2 as a persisted query, response cache warm", events_request()),
}
