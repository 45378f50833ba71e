"""printEditions: the current editions of the page as served, one query for a whole listing, never a stale file."""

import pytest
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from tests.factories import ServicePageFactory
from tests.factories.printing import print_edition_create

pytestmark = pytest.mark.django_db

EDITIONS = """
query ($path: String!, $locale: String) {
  page(path: $path, locale: $locale) {
    isFallback locale { code }
    ... on TopicPage { printEditions { language format bilingual url pages bytes generatedAt } }
  }
}
"""
LISTING = 'query { servicePages(locale: "ar") { edges { node { title printEditions { format url } } } } }'


@pytest.fixture
def service(service_index, translate):
    italian = ServicePageFactory(parent=service_index, slug="corsi", title="Corsi")
    arabic = translate(italian, "ar", title="دورات")
    return italian, arabic


def test_the_current_editions_of_the_page_in_its_language(graphql, service):
    italian, arabic = service
    print_edition_create(arabic, "a5")
    print_edition_create(arabic, "a4", bilingual=True, source=italian)
    print_edition_create(arabic, "a4")
    print_edition_create(italian, "a4")

    page = graphql.data(EDITIONS, {"path": "/servizi/corsi/", "locale": "ar"})["page"]

    base = "http://testserver"  # GRAPHQL_MEDIA_BASE_URL unset: the host the request came in on
    assert [(edition["format"], edition["bilingual"]) for edition in page["printEditions"]] == [
        ("A4_LEAFLET", False),
        ("A5_LEAFLET", False),
        ("A4_LEAFLET", True),
    ]
    first = page["printEditions"][0]
    assert first["language"] == "ar" and first["pages"] == 2 and first["bytes"] == 123456
    assert first["url"] == f"{base}/media/print/page-{arabic.pk}/corsi-ar-a4.pdf"
    assert first["generatedAt"]


def test_an_edition_of_an_older_revision_is_never_listed(graphql, service):
    italian, arabic = service
    print_edition_create(arabic, "a4")
    print_edition_create(arabic, "a4", bilingual=True, source=italian)
    with TestCase.captureOnCommitCallbacks(execute=True):
        italian.save_revision().publish()  # the bilingual edition prints the previous Italian revision
    assert [
        e["bilingual"]
        for e in graphql.data(EDITIONS, {"path": "/servizi/corsi/", "locale": "ar"})["page"]["printEditions"]
    ] == [False]
    with TestCase.captureOnCommitCallbacks(execute=True):
        arabic.save_revision().publish()  # and now the Arabic one is older too, until the task catches up
    assert graphql.data(EDITIONS, {"path": "/servizi/corsi/", "locale": "ar"})["page"]["printEditions"] == []


def test_a_language_without_a_translation_lists_only_italian_editions(graphql, service):
    italian, _arabic = service
    print_edition_create(italian, "a4")

    page = graphql.data(EDITIONS, {"path": "/servizi/corsi/", "locale": "uk"})["page"]

    assert page["isFallback"] and page["locale"]["code"] == "it"
    assert [edition["language"] for edition in page["printEditions"]] == ["it"]


def test_a_new_edition_reaches_a_cached_response(graphql, service):
    _italian, arabic = service
    assert graphql.data(EDITIONS, {"path": "/servizi/corsi/", "locale": "ar"})["page"]["printEditions"] == []
    print_edition_create(arabic, "a4")  # the background task finished
    assert (
        len(graphql.data(EDITIONS, {"path": "/servizi/corsi/", "locale": "ar"})["page"]["printEditions"]) == 1
    )


def test_a_listing_reads_every_page_s_editions_in_one_query(
    graphql, service_index, translate, no_response_cache
):
    def add(n):
        for index in range(n):
            italian = ServicePageFactory(parent=service_index, slug=f"servizio-{n}-{index}")
            print_edition_create(translate(italian, "ar"), "a4")

    add(2)
    with CaptureQueriesContext(connection) as two:
        result = graphql.data(LISTING)
    add(4)
    with CaptureQueriesContext(connection) as six:
        more = graphql.data(LISTING)

    assert all(len(edge["node"]["printEditions"]) == 1 for edge in more["servicePages"]["edges"])
    assert len(result["servicePages"]["edges"]) == 2 and len(more["servicePages"]["edges"]) == 6
    assert len(six.captured_queries) == len(two.captured_queries)
