"""The response cache and the HTTP caching headers: what is stored, what it costs, what each response says."""

import datetime
import json

import pytest
from django.core.cache.backends.base import BaseCache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from graphql_api.preview.tokens import preview_token_make
from tests.factories import NewsPageFactory, ServicePageFactory

SERVICE = "query ($path: String!) { page(path: $path) { title url } }"
SERVICES = "{ servicePages { totalCount edges { node { title } } } }"
PREVIEW = "query ($token: String!) { previewPage(token: $token) { title } }"
CONSENT = 'query { newsletterConsent(locale: "it") { version } }'
UNSUBSCRIBE = 'mutation { unsubscribe(input: {token: "unknown"}) { ok } }'


def _get(client, query, variables=None, **headers):
    params = {"query": query}
    if variables:
        params["variables"] = json.dumps(variables)
    return client.get("/graphql/", params, **headers)


@pytest.fixture
def service(service_index):
    return ServicePageFactory(parent=service_index, title="Corsi di italiano", slug="corsi")


@pytest.mark.django_db
def test_a_repeated_query_is_served_from_the_cache_for_one_query(graphql, service):
    first = graphql.post(SERVICE, {"path": "/servizi/corsi/"})
    with CaptureQueriesContext(connection) as queries:
        second = graphql.post(SERVICE, {"path": "/servizi/corsi/"})

    assert (first["X-GraphQL-Cache"], second["X-GraphQL-Cache"]) == ("miss", "hit")
    assert second.content == first.content and second["ETag"] == first["ETag"]
    print(f"a cached response costs {len(queries)} query")
    assert ["content_models_contentgeneration" in query["sql"] for query in queries] == [True]
    # Variables and the document are part of the key.
    assert graphql.post(SERVICE, {"path": "/servizi/altro/"})["X-GraphQL-Cache"] == "miss"


@pytest.mark.django_db
def test_get_responses_carry_an_etag_and_answer_304(client, service):
    response = _get(client, SERVICE, {"path": "/servizi/corsi/"})

    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60, stale-while-revalidate=30"
    etag = response["ETag"]
    with CaptureQueriesContext(connection) as queries:
        not_modified = _get(client, SERVICE, {"path": "/servizi/corsi/"}, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified["ETag"] == etag and len(queries) == 1
    assert _get(client, SERVICE, {"path": "/servizi/corsi/"}, HTTP_IF_NONE_MATCH='"other"').status_code == 200


@pytest.mark.django_db
def test_the_etag_survives_a_publish_that_changes_nothing_it_shows(client, service, service_index):
    etag = _get(client, SERVICE, {"path": "/servizi/corsi/"})["ETag"]
    ServicePageFactory(parent=service_index, title="Un altro servizio")  # a publish: every key changes

    response = _get(client, SERVICE, {"path": "/servizi/corsi/"}, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304 and response["X-GraphQL-Cache"] == "miss"


@pytest.mark.django_db
def test_http_caches_never_keep_a_response_past_the_next_expiry(client, service_index):
    ServicePageFactory(parent=service_index, title="Scade", expire_at=timezone.now() + datetime.timedelta(seconds=20))

    cache_control = _get(client, SERVICES)["Cache-Control"]

    max_age = int(cache_control.split("max-age=")[1].split(",")[0])
    assert 18 <= max_age <= 20 and cache_control.endswith("stale-while-revalidate=0")


@pytest.mark.django_db
def test_mutations_are_private_and_refused_over_get(client, graphql, locales):
    response = graphql.post(UNSUBSCRIBE)

    assert response.status_code == 200 and response.json()["data"]["unsubscribe"]["ok"] is True
    assert response["Cache-Control"] == "private, no-store" and "ETag" not in response
    refused = _get(client, UNSUBSCRIBE)
    assert refused.status_code == 405 and refused["Allow"] == "POST"
    assert refused.json()["errors"][0]["extensions"]["code"] == "METHOD_NOT_ALLOWED"


@pytest.mark.django_db
def test_a_preview_is_never_stored(graphql, news_index):
    news = NewsPageFactory(parent=news_index, title="Pubblicata")
    news.title = "Prima bozza"
    news.save_revision()
    token = preview_token_make(page=news)

    first = graphql.post(PREVIEW, {"token": token})
    news.title = "Seconda bozza"
    news.save_revision()  # a draft: the generation does not move
    second = graphql.post(PREVIEW, {"token": token})

    assert first["Cache-Control"] == second["Cache-Control"] == "private, no-store"
    assert "ETag" not in first and "X-GraphQL-Cache" not in first
    assert second.json()["data"]["previewPage"]["title"] == "Seconda bozza"


@pytest.mark.django_db
def test_errors_are_never_stored(graphql, home):
    query = 'query { page(path: "/", locale: "xx") { title } }'

    first = graphql.post(query)
    second = graphql.post(query)

    assert first.json()["errors"][0]["extensions"]["code"] == "UNKNOWN_LOCALE"
    assert first["Cache-Control"] == second["Cache-Control"] == "no-store"
    assert "X-GraphQL-Cache" not in second


@pytest.mark.django_db
def test_the_server_cache_can_be_switched_off(graphql, service, no_response_cache):
    graphql.post(SERVICE, {"path": "/servizi/corsi/"})
    response = graphql.post(SERVICE, {"path": "/servizi/corsi/"})

    assert response["X-GraphQL-Cache"] == "miss"
    assert response["Cache-Control"].startswith("public, max-age=")


class UnreachableCache(BaseCache):
    """A cache server that is down, as Redis is while it restarts."""

    def __init__(self, location, params):
        super().__init__(params)

    def get(self, key, default=None, version=None):
        raise ConnectionError("cache down")

    def set(self, key, value, timeout=None, version=None):
        raise ConnectionError("cache down")

    def clear(self):
        pass


@pytest.mark.django_db
def test_a_cache_that_is_down_only_costs_speed(graphql, service, settings):
    down = {"BACKEND": f"{__name__}.UnreachableCache"}
    settings.CACHES = {"default": down, "graphql": down}

    response = graphql.post(SERVICE, {"path": "/servizi/corsi/"})

    assert response.json()["data"]["page"]["title"] == "Corsi di italiano"
    assert response["X-GraphQL-Cache"] == "miss"
