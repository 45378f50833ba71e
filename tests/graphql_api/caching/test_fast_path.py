"""The view's GET lookup (graphql_api/caching/fast_path.py): a cached GET answered before strawberry reads it.

A hit must be exactly what the normal path would send (bytes, headers, 304), cost one query and never run the
schema; anything the normal path would not have stored, or would answer differently, must fall through to it.
"""

import hashlib
import json

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from graphql_api import views
from graphql_api.caching.persisted import _key as persisted_key
from graphql_api.caching.responses import _schema_fingerprint
from graphql_api.preview.tokens import preview_token_make
from graphql_api.schema import build_schema, schema
from tests.factories import NewsPageFactory, ServicePageFactory

PAGE = "query Page($path: String!, $locale: String) { page(path: $path, locale: $locale) { title url } }"
TWO_OPERATIONS = 'query Corsi { page(path: "/servizi/corsi/") { title } } query Lavoro { page(path: "/servizi/lavoro/") { title } }'
PREVIEW = "query ($token: String!) { previewPage(token: $token) { title } }"
VARIABLES = {"path": "/servizi/corsi/", "locale": "it"}


def _sha256(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


def _get(
    client, *, query=None, variables=None, persisted=False, operation_name=None, raw_variables=None, **headers
):
    params = {}
    if query is not None and not persisted:
        params["query"] = query
    if persisted:
        params["extensions"] = json.dumps(
            {"persistedQuery": {"version": 1, "sha256Hash": _sha256(persisted)}}
        )
        if query is not None:
            params["query"] = query
    if raw_variables is not None:
        params["variables"] = raw_variables
    elif variables is not None:
        params["variables"] = json.dumps(variables)
    if operation_name is not None:
        params["operationName"] = operation_name
    return client.get("/graphql/", params, **headers)


@pytest.fixture
def service(service_index):
    return ServicePageFactory(parent=service_index, title="Corsi di italiano", slug="corsi")


@pytest.fixture
def schema_must_not_run(monkeypatch):
    """Makes any execution by strawberry fail the request: what still succeeds was served by the view's lookup."""

    def refuse(*args, **kwargs):
        raise AssertionError("the schema ran")

    def arm():
        monkeypatch.setattr(schema, "execute_sync", refuse)

    return arm


def _headers(response) -> dict:
    # Every response has its own request id (operations.middleware); the rest must be equal.
    return {name: value for name, value in response.headers.items() if name != "X-Request-ID"}


@pytest.mark.django_db
def test_a_hit_is_the_normal_paths_response_for_one_query_without_strawberry(
    client, service, django_assert_num_queries, schema_must_not_run, monkeypatch
):
    registered = _get(client, query=PAGE, variables=VARIABLES, persisted=PAGE)
    assert registered["X-GraphQL-Cache"] == "miss"
    with monkeypatch.context() as patch:  # the normal path's hit, for comparison
        patch.setattr(views, "cached_get_lookup", lambda request, *, schema: None)
        normal_hit = _get(client, variables=VARIABLES, persisted=PAGE)
    assert normal_hit["X-GraphQL-Cache"] == "hit"

    schema_must_not_run()
    with django_assert_num_queries(1) as captured:
        fast_hit = _get(client, variables=VARIABLES, persisted=PAGE)

    assert "content_models_contentgeneration" in captured.captured_queries[0]["sql"]
    assert fast_hit.status_code == 200
    assert fast_hit.content == normal_hit.content == registered.content
    assert _headers(fast_hit) == _headers(normal_hit)
    assert {**_headers(registered), "X-GraphQL-Cache": "hit"} == _headers(fast_hit)
    assert fast_hit.json()["data"]["page"]["title"] == "Corsi di italiano"


@pytest.mark.django_db
def test_a_full_query_over_get_is_served_too(client, service, django_assert_num_queries, schema_must_not_run):
    first = _get(client, query=PAGE, variables=VARIABLES)

    schema_must_not_run()
    with django_assert_num_queries(1):
        second = _get(client, query=PAGE, variables=VARIABLES)

    assert (
        second["X-GraphQL-Cache"] == "hit"
        and second.content == first.content
        and second["ETag"] == first["ETag"]
    )


@pytest.mark.django_db
def test_a_post_stores_what_a_get_then_serves(graphql, client, service, schema_must_not_run):
    posted = graphql.post(PAGE, VARIABLES)

    schema_must_not_run()
    served = _get(client, query=PAGE, variables=VARIABLES)

    assert served["X-GraphQL-Cache"] == "hit" and served.content == posted.content


@pytest.mark.django_db
def test_if_none_match_is_answered_304_for_one_query(
    client, service, django_assert_num_queries, schema_must_not_run
):
    etag = _get(client, query=PAGE, variables=VARIABLES)["ETag"]

    schema_must_not_run()
    with django_assert_num_queries(1):
        not_modified = _get(client, query=PAGE, variables=VARIABLES, HTTP_IF_NONE_MATCH=f'W/{etag}, "other"')
    other = _get(client, query=PAGE, variables=VARIABLES, HTTP_IF_NONE_MATCH='"other"')

    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified["ETag"] == etag and not_modified["X-GraphQL-Cache"] == "hit"
    assert not_modified["Cache-Control"] == "public, max-age=60, stale-while-revalidate=30"
    assert other.status_code == 200 and other["X-GraphQL-Cache"] == "hit"


@pytest.mark.django_db
def test_a_publish_is_served_at_once_and_the_miss_reads_the_generation_once(client, service):
    assert (
        _get(client, query=PAGE, variables=VARIABLES).json()["data"]["page"]["title"] == "Corsi di italiano"
    )
    service.title = "Corsi di lingua"
    service.save_revision().publish()

    with CaptureQueriesContext(connection) as queries:
        after = _get(client, query=PAGE, variables=VARIABLES)
    generation_reads = [query for query in queries if "content_models_contentgeneration" in query["sql"]]
    again = _get(client, query=PAGE, variables=VARIABLES)

    assert after["X-GraphQL-Cache"] == "miss" and after.json()["data"]["page"]["title"] == "Corsi di lingua"
    assert again["X-GraphQL-Cache"] == "hit" and again.content == after.content
    assert len(generation_reads) == 1, "the normal path reuses the state the lookup read"


@pytest.mark.django_db
def test_variables_are_keyed_by_value_as_on_the_normal_path(
    client, service, schema_must_not_run, monkeypatch
):
    first = _get(client, query=PAGE, raw_variables='{"path":"/servizi/corsi/","locale":"it"}')
    reordered = '{ "locale" : "it",\n  "path": "/servizi/corsi/" }'

    with monkeypatch.context() as patch:  # the normal path alone
        patch.setattr(views, "cached_get_lookup", lambda request, *, schema: None)
        normal = _get(client, query=PAGE, raw_variables=reordered)
    schema_must_not_run()
    fast = _get(client, query=PAGE, raw_variables=reordered)

    assert first["X-GraphQL-Cache"] == "miss"
    assert normal["X-GraphQL-Cache"] == fast["X-GraphQL-Cache"] == "hit"
    assert fast.content == normal.content == first.content


@pytest.mark.django_db
def test_other_variables_or_documents_are_never_served_anothers_response(client, service, service_index):
    ServicePageFactory(parent=service_index, title="Lavoro", slug="lavoro")
    _get(client, query=PAGE, variables=VARIABLES)

    other_variables = _get(client, query=PAGE, variables={**VARIABLES, "path": "/servizi/lavoro/"})
    no_optional = _get(client, query=PAGE, variables={"path": "/servizi/corsi/"})
    other_document = _get(client, query=PAGE.replace("title url", "title"), variables=VARIABLES)
    # Layout is not a new document (caching/documents.py): the same answer, not a second entry.
    same_document = _get(client, query=PAGE.replace(" { ", "\n{\n  ") + "  # again", variables=VARIABLES)

    assert other_variables["X-GraphQL-Cache"] == "miss"
    assert other_variables.json()["data"]["page"]["title"] == "Lavoro"
    assert no_optional["X-GraphQL-Cache"] == other_document["X-GraphQL-Cache"] == "miss"
    assert "url" not in other_document.json()["data"]["page"]
    assert same_document["X-GraphQL-Cache"] == "hit" and "url" in same_document.json()["data"]["page"]


@pytest.mark.django_db
def test_another_operation_of_the_same_document_is_never_served_the_first(client, service, service_index):
    ServicePageFactory(parent=service_index, title="Lavoro", slug="lavoro")
    corsi = _get(client, query=TWO_OPERATIONS, operation_name="Corsi")

    lavoro = _get(client, query=TWO_OPERATIONS, operation_name="Lavoro")
    unnamed = _get(client, query=TWO_OPERATIONS)
    corsi_again = _get(client, query=TWO_OPERATIONS, operation_name="Corsi")

    assert corsi.json()["data"]["page"]["title"] == "Corsi di italiano"
    assert lavoro["X-GraphQL-Cache"] == "miss" and lavoro.json()["data"]["page"]["title"] == "Lavoro"
    # Never the first operation: which one to run is the client's to say (OPERATION_RESOLUTION_FAILURE).
    assert unnamed.json()["errors"][0]["extensions"]["code"] == "OPERATION_RESOLUTION_FAILURE"
    assert unnamed["Cache-Control"] == "no-store" and "data" not in unnamed.json()
    assert corsi_again["X-GraphQL-Cache"] == "hit" and corsi_again.content == corsi.content


@pytest.mark.django_db
def test_a_preview_is_never_served_from_the_cache(client, news_index):
    news = NewsPageFactory(parent=news_index, title="Pubblicata")
    news.title = "Prima bozza"
    news.save_revision()
    variables = {"token": preview_token_make(page=news)}

    first = _get(client, query=PREVIEW, variables=variables)
    news.title = "Seconda bozza"
    news.save_revision()  # a draft: the generation does not move
    second = _get(client, query=PREVIEW, variables=variables)

    assert first["Cache-Control"] == second["Cache-Control"] == "private, no-store"
    assert (
        "X-GraphQL-Cache" not in second and second.json()["data"]["previewPage"]["title"] == "Seconda bozza"
    )


@pytest.mark.django_db
def test_refusals_fall_through_and_cost_no_sql(client, service, django_assert_num_queries):
    _get(client, query=PAGE, variables=VARIABLES, persisted=PAGE)

    with django_assert_num_queries(0):
        mismatch = _get(client, query=PAGE + " ", variables=VARIABLES, persisted=PAGE)
        empty_variables = _get(client, query=PAGE, raw_variables="")
        not_json = _get(client, query=PAGE, raw_variables="{path:")
        unknown = _get(client, variables=VARIABLES, persisted=PAGE + " ")

    assert mismatch.status_code == 400 and empty_variables.status_code == 400 and not_json.status_code == 400
    assert unknown.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


@pytest.mark.django_db
def test_a_hit_registers_a_document_sent_with_its_hash(graphql, client, service, schema_must_not_run):
    graphql.post(PAGE, VARIABLES)  # stored by a plain POST: no persisted document yet
    assert caches["graphql"].get(persisted_key(_sha256(PAGE))) is None

    schema_must_not_run()
    served = _get(client, query=PAGE, variables=VARIABLES, persisted=PAGE)

    assert served["X-GraphQL-Cache"] == "hit"
    assert caches["graphql"].get(persisted_key(_sha256(PAGE))) == PAGE, "as the normal path would have registered it"


@pytest.mark.django_db
def test_tighter_limits_are_never_bypassed_by_a_stored_response(client, service, settings):
    _get(client, query=PAGE, variables=VARIABLES)

    settings.GRAPHQL_API = {**settings.GRAPHQL_API, "MAX_DEPTH": 0}
    refused = _get(client, query=PAGE, variables=VARIABLES)

    assert refused.json()["errors"][0]["extensions"]["code"] == "QUERY_TOO_DEEP"


def test_a_production_schema_never_shares_keys_with_a_development_one():
    assert _schema_fingerprint(build_schema(production=True)) != _schema_fingerprint(schema)


@pytest.mark.django_db
def test_the_lookup_is_off_with_the_server_cache(client, service, no_response_cache):
    _get(client, query=PAGE, variables=VARIABLES)

    assert _get(client, query=PAGE, variables=VARIABLES)["X-GraphQL-Cache"] == "miss"


@pytest.mark.django_db
def test_numbers_are_read_as_strawberry_reads_them(client, service, schema_must_not_run):
    # Undeclared variables are ignored by execution but are part of the key, as on the normal path.
    big = '{"path": "/servizi/corsi/", "locale": "it", "n": 123456789012345678901234567890}'
    as_float = '{"path": "/servizi/corsi/", "locale": "it", "n": 1.2345678901234568e+29}'
    first = _get(client, query=PAGE, raw_variables=big)

    float_response = _get(client, query=PAGE, raw_variables=as_float)
    schema_must_not_run()
    again = _get(client, query=PAGE, raw_variables=big)

    assert first["X-GraphQL-Cache"] == "miss" and float_response["X-GraphQL-Cache"] == "miss"
    assert again["X-GraphQL-Cache"] == "hit" and again.content == first.content
