"""Readers' signals counted through the real /graphql/ endpoint, response-cache hits included, in Italian and
Arabic; nothing about the reader in any stored row."""

import json
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from content_models.models import ServiceIndexPage
from insights.buffer import flush
from insights.models import NotFoundDay, PageRequestDay, SearchTermDay
from tests.factories import ServicePageFactory

PAGE = "query ($path: String!, $locale: String) { page(path: $path, locale: $locale) { title isFallback } }"
SEARCH = """query ($q: String!, $locale: String, $after: String) {
  search(query: $q, locale: $locale, first: 2, after: $after) { edges { node { title } } pageInfo { endCursor } }
}"""


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def services(sections, translate):
    index = sections[ServiceIndexPage]
    pages = [
        ServicePageFactory(parent=index, title=f"Permesso di soggiorno {number}", slug=f"permesso-{number}",
                           summary="Come chiedere il permesso di soggiorno.")
        for number in range(3)
    ]
    translate(pages[0], "ar", title="تصريح الإقامة")
    return pages


def get(client, query, variables, **headers):
    response = client.get("/graphql/?" + urlencode({"query": query, "variables": json.dumps(variables)}), **headers)
    assert response.status_code == 200 and "errors" not in response.json(), response.content
    return response


def post(client, query, variables, **headers):
    response = client.post("/graphql/", json.dumps({"query": query, "variables": variables}),
                           content_type="application/json", **headers)
    assert response.status_code == 200 and "errors" not in response.json(), response.content
    return response


@pytest.mark.django_db
@pytest.mark.parametrize("locale", ["it", "ar"])
def test_searches_are_counted_on_misses_and_on_cache_hits(client, services, locale):
    variables = {"q": "Permesso  di SOGGIORNO", "locale": locale}
    first = get(client, SEARCH, variables)
    second = get(client, SEARCH, variables)  # the fast path: served before GraphQL reads it
    third = post(client, SEARCH, variables)  # a POST: the ResponseCache extension's hit
    assert [r["X-GraphQL-Cache"] for r in (first, second, third)] == ["miss", "hit", "hit"]
    get(client, SEARCH, {"q": "xyzzy introvabile", "locale": locale})
    flush()

    counted = {row.term: row for row in SearchTermDay.objects.filter(locale=locale)}
    assert counted["permesso di soggiorno"].searches == 3
    assert counted["permesso di soggiorno"].zero_result_searches == 0
    assert counted["xyzzy introvabile"].zero_result_searches == 1


@pytest.mark.django_db
def test_the_next_pages_of_a_search_are_not_another_search(client, services):
    first = get(client, SEARCH, {"q": "permesso", "locale": "it"}).json()
    get(client, SEARCH, {"q": "permesso", "locale": "it", "after": first["data"]["search"]["pageInfo"]["endCursor"]})
    flush()
    assert SearchTermDay.objects.get().searches == 1


@pytest.mark.django_db
def test_pages_asked_for_in_a_language_without_a_translation_count_as_fallbacks(client, services):
    translated, untranslated = services[0], services[1]
    for _ in range(2):
        get(client, PAGE, {"path": "/servizi/permesso-1/", "locale": "ar"})  # a miss, then a hit
    assert get(client, PAGE, {"path": "/servizi/permesso-1/", "locale": "ar"}).json()["data"]["page"]["isFallback"]
    post(client, PAGE, {"path": "/servizi/permesso-0/", "locale": "ar"})  # translated: served in Arabic
    post(client, PAGE, {"path": "/servizi/permesso-1/", "locale": "it"})
    flush()

    rows = {(row.translation_key, row.locale): (row.requests, row.fallbacks) for row in PageRequestDay.objects.all()}
    assert rows == {
        (untranslated.translation_key, "ar"): (3, 3),
        (translated.translation_key, "ar"): (1, 0),
        (untranslated.translation_key, "it"): (1, 0),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("locale", ["it", "ar"])
def test_paths_not_found_are_counted_even_when_cached(client, services, locale):
    for _ in range(3):
        response = get(client, PAGE, {"path": "/Servizi/Vecchio-Modulo/", "locale": locale})
        assert response.json()["data"]["page"] is None
    flush()
    row = NotFoundDay.objects.get()
    assert (row.locale, row.path, row.requests) == (locale, "/servizi/vecchio-modulo/", 3)


@pytest.mark.django_db
def test_no_stored_row_holds_anything_about_the_reader(client, services):
    secrets = {
        "ip": "203.0.113.77",
        "forwarded": "198.51.100.23",
        "agent": "Mozilla/5.0 (X11; Linux) Segreto/1.0",
        "cookie": "sessionid=s3gr3t0c00k13",
        "email": "anna.bianchi@example.org",
        "phone": "3471234567",
        "fiscal": "BNCNNA80A41D969X",
    }
    headers = {
        "REMOTE_ADDR": secrets["ip"],
        "HTTP_X_FORWARDED_FOR": secrets["forwarded"],
        "HTTP_USER_AGENT": secrets["agent"],
        "HTTP_COOKIE": secrets["cookie"],
        "HTTP_REFERER": "https://portale.example/?utente=anna",
    }
    for query in (f"permesso {secrets['email']}", f"chiamatemi {secrets['phone']}", f"cf {secrets['fiscal']}"):
        get(client, SEARCH, {"q": query, "locale": "ar"}, **headers)
    get(client, PAGE, {"path": f"/servizi/{secrets['email']}/", "locale": "ar"}, **headers)
    get(client, PAGE, {"path": "/servizi/permesso-1/", "locale": "ar"}, **headers)
    flush()

    stored = []
    for model in apps.get_app_config("insights").get_models():
        assert model.objects.exists() or model._meta.model_name == "pagefeedback"
        stored += [json.dumps(row, default=str) for row in model.objects.values()]
    dump = "\n".join(stored).lower()
    for name, secret in secrets.items():
        assert secret.lower() not in dump, name
    assert "anna" not in dump and "example.org" not in dump
    assert {row.term for row in SearchTermDay.objects.all()} == {"permesso [email]", "chiamatemi [number]", "cf [code]"}


@pytest.mark.django_db
def test_recording_switched_off_counts_nothing(client, services, settings):
    settings.INSIGHTS_RECORDING = False
    get(client, SEARCH, {"q": "permesso", "locale": "ar"})
    get(client, SEARCH, {"q": "permesso", "locale": "ar"})
    flush()
    assert not SearchTermDay.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("query, variables", [
    (SEARCH, {"q": "permesso di soggiorno", "locale": "ar"}),
    (PAGE, {"path": "/servizi/permesso-1/", "locale": "ar"}),
    (PAGE, {"path": "/servizi/non-esiste/", "locale": "ar"}),
])
def test_counting_writes_nothing_in_the_request_and_adds_no_sql(client, services, settings, query, variables):
    def statements(recording: bool) -> list[list[str]]:
        settings.INSIGHTS_RECORDING = recording
        cache.clear()
        seen = []
        for send in (get, get, post):  # a miss, a hit on the fast path, a hit in the schema extension
            with CaptureQueriesContext(connection) as captured:
                send(client, query, variables)
            seen.append([entry["sql"] for entry in captured.captured_queries])
        return seen

    statements(False)  # warms what a process loads once (reference data, the schema's caches)
    without, with_recording = statements(False), statements(True)
    assert [len(request) for request in with_recording] == [len(request) for request in without]
    assert not [sql for request in with_recording for sql in request if "insights_" in sql.lower()]
    assert not SearchTermDay.objects.exists() and not PageRequestDay.objects.exists()  # until the flush
    flush()
    assert SearchTermDay.objects.exists() or PageRequestDay.objects.exists() or NotFoundDay.objects.exists()


@pytest.mark.django_db
def test_a_revalidated_response_counts_and_a_head_request_does_not(client, services):
    variables = {"path": "/servizi/permesso-1/", "locale": "ar"}
    etag = get(client, PAGE, variables)["ETag"]
    url = "/graphql/?" + urlencode({"query": PAGE, "variables": json.dumps(variables)})
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304  # a reader's browser revalidating
    assert client.head(url).status_code == 200  # a monitor probing
    flush()
    assert PageRequestDay.objects.get().requests == 2


@pytest.mark.django_db
def test_a_page_asked_by_id_alone_counts_in_its_own_language(client, services):
    arabic = services[0].get_translation(Locale.objects.get(language_code="ar"))
    query = "query ($id: ID!) { page(id: $id) { title } }"
    assert get(client, query, {"id": str(arabic.pk)}).json()["data"]["page"]["title"] == "تصريح الإقامة"
    flush()
    row = PageRequestDay.objects.get()
    assert (row.locale, row.requests, row.fallbacks) == ("ar", 1, 0)
