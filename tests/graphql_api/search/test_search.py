"""search(query, locale): every public page type, ranked, with the locale fallback of the listings."""

import pytest

from tests.factories import EventPageFactory, NewsPageFactory, ServicePageFactory

SEARCH = """
query ($q: String!, $locale: String, $first: Int) {
  search(query: $q, locale: $locale, first: $first) {
    totalCount
    pageInfo { hasNextPage }
    edges { node { __typename title isFallback locale { code } } }
  }
}
"""


@pytest.mark.django_db
def test_search_finds_every_page_type(graphql, service_index, event_index, news_index):
    ServicePageFactory(parent=service_index, title="Mediazione culturale a Genova")
    EventPageFactory(parent=event_index, title="Festa della mediazione")
    NewsPageFactory(parent=news_index, title="Nuovi mediatori", summary="La mediazione cresce.")
    ServicePageFactory(parent=service_index, title="Corsi di italiano")

    result = graphql.data(SEARCH, {"q": "mediazione"})["search"]

    assert {edge["node"]["__typename"] for edge in result["edges"]} >= {"ServicePage", "EventPage"}
    assert "Corsi di italiano" not in [edge["node"]["title"] for edge in result["edges"]]
    assert result["totalCount"] == len(result["edges"])


@pytest.mark.django_db
def test_search_in_a_locale_falls_back_without_duplicates(graphql, service_index, translate):
    service = ServicePageFactory(parent=service_index, title="Tutela legale")
    translate(service, "en", title="Tutela legale (English)")
    ServicePageFactory(parent=service_index, title="Tutela sanitaria")

    result = graphql.data(SEARCH, {"q": "Tutela", "locale": "en"})["search"]

    nodes = sorted((edge["node"]["title"], edge["node"]["isFallback"]) for edge in result["edges"])
    assert nodes == [("Tutela legale (English)", False), ("Tutela sanitaria", True)]


@pytest.mark.django_db
def test_search_is_paginated(graphql, service_index):
    for number in range(3):
        ServicePageFactory(parent=service_index, title=f"Sportello {number}")

    result = graphql.data(SEARCH, {"q": "Sportello", "first": 2})["search"]

    assert len(result["edges"]) == 2 and result["pageInfo"]["hasNextPage"] and result["totalCount"] == 3
