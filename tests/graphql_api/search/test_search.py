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


# --- What people type: plain words, on SQLite's FTS5 and PostgreSQL's tsquery alike --------------------------

TITLES = """
query ($q: String!) { search(query: $q, first: 100) { totalCount edges { node { title } } } }
"""
TYPED = [
    'corsi "A1',  # an unbalanced double quote: an FTS5 syntax error before
    '"corsi"',
    "corsi*",
    "(corsi",
    "corsi)",
    "corsi AND",
    "AND corsi",
    "corsi OR",
    "NOT corsi",
    "corsi NEAR",
    "-corsi",
    "+corsi",
    "~corsi",
    "^corsi",
    "corsi:",
    "title:corsi",  # Wagtail's query-string filters are not applied either
    "'corsi",
    "corsi\\",
    "{corsi}",
    "corsi \ud800",  # a lone UTF-16 surrogate, as JSON can carry it (\\ud800): not encodable in UTF-8
]


@pytest.fixture
def corsi(service_index, event_index):
    ServicePageFactory(parent=service_index, title="Corsi di italiano per adulti")
    EventPageFactory(parent=event_index, title="Iscrizioni ai corsi serali", summary="Tutte le date.")
    ServicePageFactory(parent=service_index, title="Sportello casa", summary="Affitti e contratti.")


def _titles(graphql, text: str) -> list[str]:
    return sorted(edge["node"]["title"] for edge in graphql.data(TITLES, {"q": text})["search"]["edges"])


@pytest.mark.django_db
@pytest.mark.parametrize("text", TYPED)
def test_what_people_type_is_plain_words_never_an_error_nor_an_operator(graphql, corsi, text):
    # "corsi AND" finds what "corsi" finds, give or take pages with the word "and" (none here): no operator, and
    # no word the pages would all have to contain.
    plain = _titles(graphql, "corsi")

    assert _titles(graphql, text) == plain
    assert {"Corsi di italiano per adulti", "Iscrizioni ai corsi serali"} <= set(plain)
    assert "Sportello casa" not in plain


@pytest.mark.django_db
@pytest.mark.parametrize("text", ['"', "***", "( )", "\ud800", "-"])
def test_input_without_a_word_finds_nothing_without_an_error(graphql, corsi, text):
    assert graphql.data(TITLES, {"q": text})["search"] == {"totalCount": 0, "edges": []}


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["corsi\x00", "\x00"])
def test_a_nul_character_is_a_typed_error(graphql, corsi, text):
    # Refused before any view for every public input (cms/middleware.py, docs/security.md): PostgreSQL refuses a
    # NUL in any text, and nobody types one.
    response = graphql.post(TITLES, {"q": text})
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


@pytest.mark.django_db
def test_any_word_matches_and_pages_with_more_of_them_come_first(graphql, corsi, service_index):
    ServicePageFactory(parent=service_index, title="Casa e corsi", summary="Corsi per trovare casa.")

    titles = [edge["node"]["title"] for edge in graphql.data(TITLES, {"q": "corsi casa"})["search"]["edges"]]

    assert titles[0] == "Casa e corsi"
    assert {"Corsi di italiano per adulti", "Iscrizioni ai corsi serali", "Sportello casa"} <= set(titles)


@pytest.mark.django_db
def test_arabic_words_keep_their_vowel_marks(graphql, service_index, translate):
    service = ServicePageFactory(parent=service_index, title="Corsi di lingua")
    translate(service, "ar", title="دُرُوس اللغة الإيطالية")

    result = graphql.data(SEARCH, {"q": "دُرُوس", "locale": "ar"})["search"]

    assert [edge["node"]["title"] for edge in result["edges"]] == ["دُرُوس اللغة الإيطالية"]


def test_words_are_runs_of_letters_marks_and_digits():
    from graphql_api.search.words import search_words

    assert search_words('corso "A1" (livello-base) AND*') == ["corso", "A1", "livello", "base", "AND"]
    assert search_words("dell'anno l’Italia") == ["dell", "anno", "l", "Italia"]
    assert search_words("دُرُوس\x00\ud800 中文课程") == ["دُرُوس", "中文课程"]
