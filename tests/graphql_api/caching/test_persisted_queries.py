"""Automatic persisted queries (Apollo's protocol), over POST and GET."""

import hashlib
import json

import pytest

from tests.factories import ServicePageFactory

SERVICE = "query Service($path: String!) { page(path: $path) { title } }"
UNSUBSCRIBE = 'mutation { unsubscribe(input: {token: "unknown"}) { ok } }'


def _sha256(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


def _extensions(document: str) -> dict:
    return {"persistedQuery": {"version": 1, "sha256Hash": _sha256(document)}}


def _post(client, body):
    return client.post("/graphql/", data=json.dumps(body), content_type="application/json")


def _get(client, document, variables=None, **headers):
    params = {"extensions": json.dumps(_extensions(document))}
    if variables:
        params["variables"] = json.dumps(variables)
    return client.get("/graphql/", params, **headers)


def _code(response) -> str:
    return response.json()["errors"][0]["extensions"]["code"]


@pytest.fixture
def service(service_index):
    return ServicePageFactory(parent=service_index, title="Corsi", slug="corsi")


@pytest.mark.django_db
def test_the_apollo_round_trip(client, service, django_assert_num_queries):
    variables = {"path": "/servizi/corsi/"}

    # A browser's fetch accepts */*: a GET without `query` must still run, not open GraphiQL.
    with django_assert_num_queries(0):
        unknown = _get(client, SERVICE, variables, HTTP_ACCEPT="*/*")
    assert unknown.status_code == 200 and _code(unknown) == "PERSISTED_QUERY_NOT_FOUND"
    assert unknown.json()["errors"][0]["message"] == "PersistedQueryNotFound"
    assert unknown["Cache-Control"] == "no-store"  # a CDN must not remember the refusal

    registered = _post(client, {"query": SERVICE, "variables": variables, "extensions": _extensions(SERVICE)})
    assert registered.json() == {"data": {"page": {"title": "Corsi"}}}

    served = _get(client, SERVICE, variables, HTTP_ACCEPT="*/*")
    assert served.status_code == 200 and served.json() == {"data": {"page": {"title": "Corsi"}}}
    assert served["Cache-Control"].startswith("public, max-age=") and served["ETag"]
    assert served["X-GraphQL-Cache"] == "hit", "the same document and variables: the same cached response"


@pytest.mark.django_db
def test_a_hash_that_does_not_match_its_query_is_refused(client, service):
    response = _post(client, {"query": SERVICE, "variables": {"path": "/servizi/corsi/"},
                               "extensions": _extensions(SERVICE + " ")})

    assert response.status_code == 400 and _code(response) == "BAD_REQUEST"
    assert _code(_get(client, SERVICE + " ")) == "PERSISTED_QUERY_NOT_FOUND"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "extension",
    [{"version": 2, "sha256Hash": "0" * 64}, {"version": 1, "sha256Hash": "nothex"}, "persisted"],
    ids=["version", "hash", "shape"],
)
def test_malformed_extensions_are_refused(client, home, extension):
    response = _post(client, {"extensions": {"persistedQuery": extension}})

    assert response.status_code == 400 and _code(response) == "BAD_REQUEST"


@pytest.mark.django_db
def test_only_valid_documents_are_stored(client, home):
    invalid = "{ nope }"

    response = _post(client, {"query": invalid, "extensions": _extensions(invalid)})

    assert _code(response) == "GRAPHQL_VALIDATION_FAILED"
    assert _code(_post(client, {"extensions": _extensions(invalid)})) == "PERSISTED_QUERY_NOT_FOUND"


@pytest.mark.django_db
def test_a_persisted_mutation_runs_over_post_only(client, locales):
    registered = _post(client, {"query": UNSUBSCRIBE, "extensions": _extensions(UNSUBSCRIBE)})
    assert registered.json() == {"data": {"unsubscribe": {"ok": True}}}

    assert _post(client, {"extensions": _extensions(UNSUBSCRIBE)}).json() == {"data": {"unsubscribe": {"ok": True}}}
    refused = _get(client, UNSUBSCRIBE)
    assert refused.status_code == 405 and _code(refused) == "METHOD_NOT_ALLOWED"
