"""The benchmark's questions asked of wagtail-grapple (benchmarks/grapple): the same fields as workloads.py's.

grapple's own query fields where it has them: `page(urlPath:, inSite: true)` (the site's root is the Italian home,
so the Italian page), `pages(searchQuery:, inSite: true, limit:)` (the Italian tree); renditions by the filter
specs of the project's named renditions (grapple builds `fill-800x450|format-webp` from its arguments, in their
declared order). grapple has no locale argument and no ordering by a model's own field, so the event listing is a
query field of the benchmark's app, as a grapple project would add one (benchmarks/grapple/fields.py).

What differs from ours, as grapple's schema has it: no `seo` object (grapple serves `seoTitle`,
`searchDescription` and the page's `socialImage` as stored, not with the project's fallbacks); a call to action
gives its stored `url` and `page`, not a computed `href`; an image block its stored `altText`, and the rendition
its own `alt`; a document its `file` and `url` without an extension field; `url`s are Wagtail's, not the
portal's; block types are `field` (the block's name). An alert's `text` is aliased `alertText`: grapple types it
RichText where a heading's `text` is a String, and GraphQL refuses one selection of both. The equality check
(benchmarks/api/equality.py) compares what every side has: titles, block texts, counts.
"""

from .seed import SEARCH_TERM, SERVICE_SLUG_10_BLOCKS, SERVICE_SLUG_20_BLOCKS
from .workloads import LOCALE, GraphQLRequest, service_path

BLOCKS_FRAGMENT = """
fragment Blocks on StreamFieldInterface {
  id field
  ... on HeadingBlock { text level }
  ... on RichTextBlock { value }
  ... on ImageBlock { caption altText image { rendition(max: "1200x1200", format: "webp") { url width height alt } } }
  ... on CallToActionBlock { label url description page { title url } }
  ... on StepsBlock { title steps { ... on StepBlock { title description } } }
  ... on FaqBlock { title items { ... on FaqItemBlock { question answer } } }
  ... on ContactBlock { name role phone email url notes }
  ... on KeyFiguresBlock { title figures { ... on KeyFigureBlock { label value unit source } } }
  ... on DocumentDownloadBlock { title description document { url file fileSize } }
  ... on RelatedPagesBlock { title pages { __typename title url } }
  ... on QuoteBlock { quote attribution }
  ... on AlertBlock { level title alertText: text }
}
"""

PAGE_QUERY = (
    """
query BenchServicePage($path: String!) {
  page(urlPath: $path, inSite: true) {
    __typename id title slug url seoTitle searchDescription
    ... on ServicePage {
      socialImage { rendition(fill: "1200x630", format: "jpeg", jpegquality: 85) { url width height } }
      summary audiences audienceDetails whatYouNeed whatYouGet isFree costs deadlines onlineUrl channels
      howToAccess { ... on StepBlock { title description } }
      topics { name slug }
      body { ...Blocks }
    }
  }
}
"""
    + BLOCKS_FRAGMENT
)

EVENTS_QUERY = """
query BenchEvents($locale: String, $limit: PositiveInt) {
  events(locale: $locale, limit: $limit) {
    id title slug url
    ... on EventPage {
      summary start end venueName municipality
      socialImage { rendition(fill: "800x450", format: "webp") { url width height } }
    }
  }
}
"""

SEARCH_QUERY = """
query BenchSearch($q: String, $limit: PositiveInt) {
  pages(searchQuery: $q, inSite: true, limit: $limit) { __typename id title slug url }
}
"""


def page_request(slug: str = SERVICE_SLUG_20_BLOCKS) -> GraphQLRequest:
    return GraphQLRequest(PAGE_QUERY, {"path": service_path(slug)})


def events_request(limit: int = 50) -> GraphQLRequest:
    return GraphQLRequest(EVENTS_QUERY, {"locale": LOCALE, "limit": limit})


def search_request(limit: int = 20) -> GraphQLRequest:
    return GraphQLRequest(SEARCH_QUERY, {"q": SEARCH_TERM, "limit": limit})


SCALING = {
    "W1": [page_request(SERVICE_SLUG_10_BLOCKS), page_request()],
    "W2": [events_request(25), events_request(50)],
    "W3": [search_request(10), search_request(20)],
}
UNCACHED = {"W1": page_request(), "W2": events_request(), "W3": search_request()}
