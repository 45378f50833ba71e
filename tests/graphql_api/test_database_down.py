"""The API while the database is down: 503 SERVICE_UNAVAILABLE in JSON with Retry-After, never the driver's text,
on the executing path and on the cached-GET path; a cached GET served stale only when that is safe."""

import json

import pytest
from django.test import RequestFactory

from graphql_api.caching.outage import outage_forget
from graphql_api.schema import build_schema
from graphql_api.views import ApiView
from tests.factories import ServicePageFactory

PAGE = 'query { page(path: "/servizi/corsi/", locale: "it") { title } }'
DRIVER_TEXT = ("nonexistent", "127.0.0.1", "server running", "unable to open", "connection", "OperationalError")


@pytest.fixture
def service(service_index):
    return ServicePageFactory(parent=service_index, title="Corsi di italiano", slug="corsi")


@pytest.fixture(autouse=True)
def _no_memory_of_earlier_tests():
    outage_forget()
    yield
    outage_forget()


def assert_service_unavailable(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "5" and response["Cache-Control"] == "no-store"
    body = json.loads(response.content)
    assert "data" not in body  # nothing was answered, as with every refusal (GraphQL over HTTP)
    assert [error["extensions"]["code"] for error in body["errors"]] == ["SERVICE_UNAVAILABLE"]
    text = response.content.decode()
    assert not any(leak in text for leak in DRIVER_TEXT), text


def test_a_query_answers_503_in_json(graphql, service, database_down):
    database_down()

    assert_service_unavailable(graphql.post(PAGE))


def test_production_answers_the_same(service, database_down):
    view = ApiView.as_view(schema=build_schema(production=True), graphql_ide=None)
    request = RequestFactory().post("/graphql/", data=json.dumps({"query": PAGE}), content_type="application/json")
    database_down()

    assert_service_unavailable(view(request))


def test_a_cached_get_the_process_has_not_seen_lately_answers_503(client, service, database_down):
    assert client.get("/graphql/", {"query": PAGE})["X-GraphQL-Cache"] == "miss"  # stored
    outage_forget()  # as if this process had not read the content state since
    database_down()

    assert_service_unavailable(client.get("/graphql/", {"query": PAGE}))


def test_a_cached_get_is_served_stale_right_after_the_process_saw_it_current(client, service, database_down):
    stored = client.get("/graphql/", {"query": PAGE})
    assert client.get("/graphql/", {"query": PAGE})["X-GraphQL-Cache"] == "hit"
    database_down()

    stale = client.get("/graphql/", {"query": PAGE})

    assert stale.status_code == 200 and stale.content == stored.content
    assert stale["X-GraphQL-Cache"] == "stale" and stale["Cache-Control"] == "no-store"
    assert_service_unavailable(client.get("/graphql/", {"query": "{ locales { code } }"}))  # nothing cached


def test_stale_answers_can_be_turned_off(client, service, database_down, settings):
    settings.GRAPHQL_API = {**settings.GRAPHQL_API, "STALE_IF_ERROR_SECONDS": 0}
    client.get("/graphql/", {"query": PAGE})
    client.get("/graphql/", {"query": PAGE})
    database_down()

    assert_service_unavailable(client.get("/graphql/", {"query": PAGE}))


def test_other_views_answer_503_with_retry_after(client, database_down):
    database_down()

    response = client.get("/feeds/it/news.rss")

    assert response.status_code == 503 and response["Retry-After"] == "5"
    # In the site's default language (the page is translated: cms/locale).
    assert "temporaneamente non disponibile" in response.content.decode() and b"nonexistent" not in response.content
