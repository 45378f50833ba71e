"""The query budget of the two requests portals make most (issue #8): at most 10 SQL queries each, however many
blocks or items they return.

W1 is a service page by path with a 20-block body (images, renditions, page links, related pages, rich text with
internal links and an embedded image, documents) and what a portal renders around it (SEO, locale, translations,
breadcrumbs, topics, service points). W2 is a listing of 50 events with an image rendition each. Both run in
Italian and in a second locale, where fallbacks come into play. As in test_query_counts, renditions are made after
a first request (by the task its misses enqueue) and the response cache is off: these are the costs of executing.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from media.rendition_misses import misses_flush
from tests.factories import (
    DocumentFactory,
    EventPageFactory,
    ImageFactory,
    ServicePageFactory,
    ServicePointFactory,
    TopicFactory,
)

QUERY_BUDGET = 10

SERVICE_PAGE_QUERY = """
query ServicePage($path: String!, $locale: String) {
  page(path: $path, locale: $locale) {
    __typename id title slug path url isFallback firstPublishedAt lastPublishedAt
    locale { code name direction }
    translations { url locale { code } }
    breadcrumbs { title url }
    seo { title description image { alt rendition(filter: "social") { url width height } } }
    ... on ServicePage {
      summary audiences audienceDetails
      howToAccess { title description }
      whatYouNeed whatYouGet isFree costs deadlines onlineUrl channels lastReviewed
      servicePoints { name address municipality province languagesSpoken openingHours { weekday opens closes } }
      topics { name slug isFallback }
      body { ...Blocks }
    }
  }
}

fragment Blocks on Block {
  id blockType
  ... on HeadingBlock { text level }
  ... on RichTextBlock { html }
  ... on ImageBlock { caption alt image { width height rendition(filter: "content") { url width height } } }
  ... on CallToActionBlock { label href description page { title url } }
  ... on StepsBlock { title steps { title description } }
  ... on FaqBlock { title items { question answer } }
  ... on ContactBlock { name role phone email url notes }
  ... on KeyFiguresBlock { title figures { label value unit source } }
  ... on DocumentBlock { title description document { url fileExtension fileSize } }
  ... on RelatedPagesBlock { title pages { __typename title url ... on TopicPage { summary } } }
  ... on VideoBlock { url title transcript }
  ... on QuoteBlock { quote attribution }
  ... on AlertBlock { level title text }
}
"""

EVENTS_QUERY = """
query Events($locale: String) {
  events(locale: $locale, first: 50) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id title url isFallback locale { code direction }
      start end allDay venueName address municipality
      topics { name slug }
      seo { image { rendition(filter: "card") { url width height alt } } }
    } }
  }
}
"""

BLOCKS_PER_GROUP = 10


def _block_group(*, targets, image, document) -> list:
    """Ten blocks of every kind that reaches beyond the page: images, links, rich text, documents."""
    first, second = targets
    paragraph = (
        f'<p>Leggi <a linktype="page" id="{first.pk}">il servizio</a> e '
        f'<a linktype="document" id="{document.pk}">il modulo</a>.</p>'
        f'<embed embedtype="image" id="{image.pk}" format="left" alt="Sportello"/>'
    )
    return [
        ("heading", {"text": "Come fare", "level": "h2"}),
        ("paragraph", paragraph),
        ("image", {"image": image, "caption": "Lo sportello", "alt_text": ""}),
        ("call_to_action", {"label": "Prenota", "page": first, "url": "", "description": "Online"}),
        ("related_pages", {"title": "Vedi anche", "pages": [first, second]}),
        ("document", {"document": document, "title": "Modulo", "description": "PDF"}),
        ("steps", {"title": "Passi", "steps": [
            {"title": "Prenota", "description": f'<p><a linktype="page" id="{second.pk}">Qui</a></p>'},
            {"title": "Vai", "description": "<p>Allo sportello.</p>"},
        ]}),
        ("faq", {"title": "Domande", "items": [{"question": "Costa?", "answer": "<p>No.</p>"}]}),
        ("key_figures", {"title": "Numeri", "figures": [{"label": "Corsi", "value": "12", "unit": "", "source": ""}]}),
        ("alert", {"level": "info", "title": "Attenzione", "text": "<p>Chiuso ad agosto.</p>"}),
    ]


def _service_page(service_index, *, slug: str, blocks: int, topics, points, translate=None):
    body = []
    for _ in range(blocks // BLOCKS_PER_GROUP):
        targets = [ServicePageFactory(parent=service_index, topics=topics) for _ in range(2)]
        body += _block_group(targets=targets, image=ImageFactory(), document=DocumentFactory())
    page = ServicePageFactory(
        parent=service_index, slug=slug, social_image=ImageFactory(), topics=topics, service_points=points,
        audience_details=f'<p>Per tutti i <a linktype="page" id="{service_index.pk}">residenti</a>.</p>',
        how_to_access=[("step", {"title": "Chiama", "description": "<p>Lo sportello.</p>"})],
        body=body,
    )
    if translate is not None:
        translate(page, "ar", title="خدمة")
    return page


def _events(event_index, count: int, *, topics, translate):
    start = timezone.now() + datetime.timedelta(days=3)
    for number in range(count):
        event = EventPageFactory(
            parent=event_index, social_image=ImageFactory(), topics=topics, address="Piazza Matteotti 9",
            start=start + datetime.timedelta(hours=number), end=start + datetime.timedelta(hours=number + 2),
        )
        if number % 5 == 0:
            translate(event, "ar")


def _queries(graphql, query: str, variables: dict) -> CaptureQueriesContext:
    graphql.data(query, variables)  # finds the renditions missing (a read never makes them)
    misses_flush()  # what the background task does right after: the renditions are made
    with CaptureQueriesContext(connection) as queries:
        graphql.data(query, variables)
    return queries


def _report(name: str, queries: CaptureQueriesContext) -> None:
    print(f"\n{name}: {len(queries)} queries")
    for number, query in enumerate(queries.captured_queries, 1):
        print(f"  {number:2}. {query['sql'][:300]}")


@pytest.fixture
def topics(locales):
    health, work = TopicFactory(name="Salute"), TopicFactory(name="Lavoro")
    return [health, work]


@pytest.fixture
def points(locales):
    return [ServicePointFactory(opening_hours=[("slot", {"weekday": "mon", "opens": "09:00", "closes": "12:00"})])]


@pytest.mark.django_db
@pytest.mark.usefixtures("no_response_cache")
@pytest.mark.parametrize("locale", ["it", "ar"])
def test_a_service_page_with_20_blocks_stays_within_the_budget(
    graphql, service_index, topics, points, translate, locale, django_assert_max_num_queries
):
    _service_page(service_index, slug="venti", blocks=20, topics=topics, points=points, translate=translate)
    _service_page(service_index, slug="quaranta", blocks=40, topics=topics, points=points, translate=translate)

    twenty = _queries(graphql, SERVICE_PAGE_QUERY, {"path": "/servizi/venti/", "locale": locale})
    forty = _queries(graphql, SERVICE_PAGE_QUERY, {"path": "/servizi/quaranta/", "locale": locale})
    _report(f"W1 service page, 20 blocks, {locale}", twenty)

    assert len(forty) == len(twenty)
    with django_assert_max_num_queries(QUERY_BUDGET):
        data = graphql.data(SERVICE_PAGE_QUERY, {"path": "/servizi/venti/", "locale": locale})
    page = data["page"]
    assert len(page["body"]) == 20
    assert page["locale"]["code"] == locale and not page["isFallback"]
    assert all(block["image"]["rendition"]["url"] for block in page["body"] if block["blockType"] == "image")
    assert all(len(block["pages"]) == 2 for block in page["body"] if block["blockType"] == "related_pages")


@pytest.mark.django_db
@pytest.mark.usefixtures("no_response_cache")
@pytest.mark.parametrize("locale", ["it", "ar"])
def test_a_listing_of_50_events_stays_within_the_budget(
    graphql, event_index, topics, translate, locale, django_assert_max_num_queries
):
    _events(event_index, 25, topics=topics, translate=translate)
    half = _queries(graphql, EVENTS_QUERY, {"locale": locale})
    _events(event_index, 25, topics=topics, translate=translate)
    full = _queries(graphql, EVENTS_QUERY, {"locale": locale})
    _report(f"W2 events listing, 50 events, {locale}", full)

    assert len(full) == len(half)
    with django_assert_max_num_queries(QUERY_BUDGET):
        data = graphql.data(EVENTS_QUERY, {"locale": locale})
    nodes = [edge["node"] for edge in data["events"]["edges"]]
    assert len(nodes) == 50
    assert all(node["seo"]["image"]["rendition"]["url"].endswith(".webp") for node in nodes)
    assert all([topic["name"] for topic in node["topics"]] for node in nodes)
