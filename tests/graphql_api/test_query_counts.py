"""The SQL cost of a request depends on the query's shape, not on how many items or blocks it returns.

Renditions are made on first use (a write per missing rendition), so each measure runs once to warm them and
counts the second, identical request with the response cache off: the cost of executing. With the cache on, a
repeated request costs one query whatever it asks (the last test).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from media.rendition_misses import misses_flush
from tests.factories import (
    AssociationPageFactory,
    EventPageFactory,
    ImageFactory,
    NewsPageFactory,
    ServicePageFactory,
    TopicFactory,
)

EVENTS_WITH_EVERYTHING = """
{
  events(first: 100) {
    totalCount
    edges { node {
      title url path isFallback locale { code direction } untranslated { language { code } fields }
      seo { title image { url alt rendition(filter: "thumbnail") { url width height } srcset(filter: "card", widths: [320, 640]) } }
      topics { name slug untranslated { fields } }
      organizer { title url logo { rendition(filter: "thumbnail") { url } } }
      translations { url locale { code } }
      breadcrumbs { title url }
      body {
        __typename untranslated { fields }
        ... on ImageBlock { alt image { rendition(filter: "content") { url } } }
        ... on RichTextBlock { html }
        ... on RelatedPagesBlock { pages { title url ... on ServicePage { topics { name } } } }
        ... on CallToActionBlock { href page { title } }
      }
    } }
  }
}
"""

PAGE_WITH_BLOCKS = """
query ($path: String!) {
  page(path: $path) {
    ... on NewsPage {
      title
      body {
        __typename
        ... on ImageBlock { alt image { rendition(filter: "content") { url } } }
        ... on RichTextBlock { html }
        ... on RelatedPagesBlock { pages { title url } }
        ... on CallToActionBlock { href page { title } }
        ... on DocumentBlock { document { url } }
      }
    }
  }
}
"""


@pytest.fixture(autouse=True)
def _no_cost_limit(settings):
    """These measures ask for everything of 50 events on purpose (about 800,000 fields by the cost count, far past
    GRAPHQL_MAX_COST): they count SQL, which the cost limit would prevent (test_cost_and_size.py tests the limit)."""
    settings.GRAPHQL_API = {**settings.GRAPHQL_API, "MAX_COST": 10**7}


def _count(graphql, query, variables=None) -> int:
    graphql.data(query, variables)  # finds the renditions missing (a read never makes them)
    misses_flush()  # what the background task does right after: the renditions are made
    graphql.data(query, variables)  # warm: stores the response when the cache is on
    with CaptureQueriesContext(connection) as queries:
        graphql.data(query, variables)
    return len(queries)


def _events(count, event_index, association, service, translate):
    topic = TopicFactory()
    for number in range(count):
        image = ImageFactory()
        event = EventPageFactory(
            parent=event_index, social_image=image, topics=[topic], organizer=association,
            body=[
                ("image", {"image": ImageFactory(), "caption": "", "alt_text": ""}),
                ("paragraph", (f'<p><a linktype="page" id="{service.pk}">corso</a></p>'
                              f'<embed embedtype="image" id="{image.pk}" format="left" alt=""/>')),
                ("related_pages", {"title": "", "pages": [service]}),
                ("call_to_action", {"label": "Vai", "page": service, "url": "", "description": ""}),
            ],
        )
        if number % 2:
            translate(event, "en")


@pytest.fixture
def service(service_index):
    return ServicePageFactory(parent=service_index, topics=[TopicFactory()])


@pytest.fixture
def association(association_index):
    return AssociationPageFactory(parent=association_index, logo=ImageFactory())


@pytest.mark.django_db
@pytest.mark.usefixtures("no_response_cache")
def test_a_listing_of_50_events_costs_the_same_queries_as_5(graphql, event_index, association, service, translate):
    _events(5, event_index, association, service, translate)
    five = _count(graphql, EVENTS_WITH_EVERYTHING)
    _events(45, event_index, association, service, translate)
    fifty = _count(graphql, EVENTS_WITH_EVERYTHING)

    print(f"events listing: {five} queries for 5 events, {fifty} for 50")
    assert fifty == five


def _news_with_blocks(news_index, service_index, slug, groups):
    body = []
    for _ in range(groups):
        target = ServicePageFactory(parent=service_index)
        image = ImageFactory()
        body += [
            ("image", {"image": image, "caption": "", "alt_text": ""}),
            ("paragraph", (f'<p><a linktype="page" id="{target.pk}">x</a></p>'
                          f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt=""/>')),
            ("related_pages", {"title": "", "pages": [target]}),
            ("call_to_action", {"label": "Vai", "page": target, "url": "", "description": ""}),
        ]
    return NewsPageFactory(parent=news_index, slug=slug, body=body)


@pytest.mark.django_db
@pytest.mark.usefixtures("no_response_cache")
def test_a_page_with_40_blocks_costs_the_same_queries_as_with_4(graphql, news_index, service_index):
    _news_with_blocks(news_index, service_index, "quattro", groups=1)
    _news_with_blocks(news_index, service_index, "quaranta", groups=10)

    four = _count(graphql, PAGE_WITH_BLOCKS, {"path": "/notizie/quattro/"})
    forty = _count(graphql, PAGE_WITH_BLOCKS, {"path": "/notizie/quaranta/"})

    print(f"page body: {four} queries for 4 blocks, {forty} for 40")
    assert forty == four


@pytest.mark.django_db
def test_a_cached_listing_of_50_events_costs_one_query(graphql, event_index, association, service, translate):
    _events(50, event_index, association, service, translate)

    cached = _count(graphql, EVENTS_WITH_EVERYTHING)  # the first request stores the response, the second reads it

    print(f"events listing, 50 events: {cached} query when cached")
    assert cached == 1
