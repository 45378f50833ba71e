"""Hostile input gets a clear GraphQL error with a stable code, before any SQL runs."""

import json

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from graphql_api.schema import build_schema
from graphql_api.views import ApiView
from tests.factories import ImageFactory, NewsPageFactory

DEEP = "{ page(id: 1) { " + "translations { " * 12 + "title" + " }" * 12 + " } }"
ALIASES = "{ " + " ".join(f"a{number}: locales {{ code }}" for number in range(31)) + " }"
MANY_TOKENS = "{ locales { " + "code " * 3001 + "} }"
EVENTS_FIRST = "query ($first: Int, $after: String) { events(first: $first, after: $after) { totalCount } }"
SEARCH = "query ($q: String!) { search(query: $q) { totalCount } }"
RENDITION = """
query ($path: String!, $filter: String!) { page(path: $path) { ... on NewsPage { mainImage { rendition(filter: $filter) { url } } } } }
"""
INTROSPECTION = "{ __schema { types { name } } }"


def _code(result) -> str:
    return result["errors"][0]["extensions"]["code"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "code"),
    [
        (DEEP, "QUERY_TOO_DEEP"),
        (ALIASES, "TOO_MANY_ALIASES"),
        (MANY_TOKENS, "TOO_MANY_TOKENS"),
        ("{ locales { code }", "GRAPHQL_PARSE_FAILED"),
        ("{ nope }", "GRAPHQL_VALIDATION_FAILED"),
    ],
    ids=["depth", "aliases", "tokens", "syntax", "unknown-field"],
)
def test_a_bad_document_is_refused_with_a_code_and_no_sql(graphql, django_assert_num_queries, query, code):
    with django_assert_num_queries(0):
        result = graphql(query)

    assert "data" not in result, "a request error has no data entry (GraphQL over HTTP)"
    assert _code(result) == code


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "variables", "code"),
    [
        (EVENTS_FIRST, {"first": 101}, "PAGE_SIZE_TOO_LARGE"),
        (EVENTS_FIRST, {"after": "forged"}, "BAD_USER_INPUT"),
        (SEARCH, {"q": "x" * 201}, "SEARCH_QUERY_TOO_LONG"),
        (SEARCH, {"q": "   "}, "BAD_USER_INPUT"),
    ],
    ids=["page-size", "cursor", "search-length", "empty-search"],
)
def test_bad_arguments_are_refused_before_any_content_query(graphql, query, variables, code):
    """A valid document executes, so the response cache reads the content generation first: nothing else runs."""
    with CaptureQueriesContext(connection) as queries:
        result = graphql(query, variables)

    assert result["data"] is None or all(value is None for value in result["data"].values())
    assert _code(result) == code
    assert [query["sql"] for query in queries if "content_models_contentgeneration" not in query["sql"]] == []
    assert len(queries) == 1


@pytest.mark.django_db
def test_a_request_too_large_is_refused(graphql, django_assert_num_queries):
    query = "{ locales { code } }" + " " * 40_000

    with django_assert_num_queries(0):
        response = graphql.post(query)

    assert response.status_code == 413
    assert _code(response.json()) == "REQUEST_TOO_LARGE"


@pytest.mark.django_db
def test_batching_is_off(client, django_assert_num_queries):
    batch = json.dumps([{"query": "{ locales { code } }"}, {"query": "{ locales { code } }"}])

    with django_assert_num_queries(0):
        response = client.post("/graphql/", data=batch, content_type="application/json")

    assert response.status_code == 400
    assert _code(response.json()) == "BATCHING_DISABLED"


@pytest.mark.django_db
def test_not_json_is_a_coded_error(client):
    response = client.post("/graphql/", data="query=x", content_type="text/plain")

    assert response.status_code == 400 and _code(response.json()) == "BAD_REQUEST"


@pytest.mark.django_db
def test_get_requests_are_served(client):
    response = client.get("/graphql/", {"query": "{ locales { code isDefault } }"})

    assert response.status_code == 200
    assert response.json()["data"]["locales"][0] == {"code": "it", "isDefault": True}


@pytest.mark.django_db
def test_an_unknown_rendition_filter_is_an_error_and_creates_nothing(graphql, news_index):
    image = ImageFactory()
    NewsPageFactory(parent=news_index, slug="foto", main_image=image)

    result = graphql(RENDITION, {"path": "/notizie/foto/", "filter": "fill-9999x9999"})

    assert _code(result) == "RENDITION_FILTER_NOT_ALLOWED"
    assert image.renditions.count() == 0
    assert graphql.data(RENDITION, {"path": "/notizie/foto/", "filter": "thumbnail"})["page"]["mainImage"]


# --- Production mode ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def production_schema():
    return build_schema(production=True)


def _production_request(schema, query, method="post"):
    factory = RequestFactory()
    view = ApiView.as_view(schema=schema, graphql_ide=None)
    if method == "get":
        request = factory.get("/graphql/", {"query": query} if query else {}, HTTP_ACCEPT="text/html")
    else:
        request = factory.post("/graphql/", data=json.dumps({"query": query}), content_type="application/json")
    return view(request)


@pytest.mark.django_db
def test_production_refuses_introspection(production_schema, django_assert_num_queries):
    with django_assert_num_queries(0):
        result = json.loads(_production_request(production_schema, INTROSPECTION).content)

    assert _code(result) == "INTROSPECTION_DISABLED"


@pytest.mark.django_db
def test_production_gives_no_field_suggestions(production_schema, graphql):
    result = json.loads(_production_request(production_schema, "{ locale { code } }").content)

    assert _code(result) == "GRAPHQL_VALIDATION_FAILED"
    assert "Did you mean" not in result["errors"][0]["message"]
    assert "Did you mean" in graphql("{ locale { code } }")["errors"][0]["message"], "development still helps"


@pytest.mark.django_db
def test_production_masks_unexpected_errors(production_schema, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError('SELECT "secret" FROM auth_user')

    monkeypatch.setattr("graphql_api.locales.types.LocaleType.from_code", broken)

    result = json.loads(_production_request(production_schema, "{ locales { code } }").content)

    assert result["errors"] == [
        {"message": "Internal server error.", "locations": [{"line": 1, "column": 3}], "path": ["locales"],
         "extensions": {"code": "INTERNAL_SERVER_ERROR"}}
    ]


@pytest.mark.django_db
def test_production_keeps_client_errors_readable(production_schema):
    result = json.loads(_production_request(production_schema, '{ page(path: "/", locale: "xx") { id } }').content)

    assert _code(result) == "UNKNOWN_LOCALE" and "xx" in result["errors"][0]["message"]


@pytest.mark.django_db
def test_production_serves_no_graphiql(production_schema):
    response = _production_request(production_schema, None, method="get")

    assert response.status_code == 404 and "graphiql" not in response.content.decode().lower()


@pytest.mark.django_db
def test_development_serves_graphiql(client):
    response = client.get("/graphql/", HTTP_ACCEPT="text/html")

    assert response.status_code == 200 and "graphiql" in response.content.decode().lower()
