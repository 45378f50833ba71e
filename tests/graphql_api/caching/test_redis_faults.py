"""The API with Redis refused or hung (the production cache backend, cms/redis_cache.py): every answer is right,
only slower; persisted queries fall back to the protocol's retry; a hung Redis is asked a few times, not per call."""

import hashlib
import json

import pytest

from tests.factories import ServicePageFactory

PAGE = 'query { page(path: "/servizi/corsi/", locale: "it") { title } }'
pytestmark = pytest.mark.django_db


@pytest.fixture
def service(service_index):
    return ServicePageFactory(parent=service_index, title="Corsi di italiano", slug="corsi")


def persisted_get(client, *, with_query: bool):
    params = {"extensions": json.dumps({"persistedQuery": {"version": 1,
                                                           "sha256Hash": hashlib.sha256(PAGE.encode()).hexdigest()}})}
    if with_query:
        params["query"] = PAGE
    return client.get("/graphql/", params)


@pytest.mark.parametrize("fault", ["redis_refused", "redis_hung"])
def test_queries_execute_when_redis_is_down(fault, request, graphql, service):
    request.getfixturevalue(fault)

    for _ in range(3):
        response = graphql.post(PAGE)
        assert response.status_code == 200 and response.json()["data"]["page"]["title"] == "Corsi di italiano"
        assert response["X-GraphQL-Cache"] == "miss"


@pytest.mark.parametrize("fault", ["redis_refused", "redis_hung"])
def test_persisted_queries_fall_back_to_sending_the_document(fault, request, client, service):
    request.getfixturevalue(fault)

    unknown = persisted_get(client, with_query=False)
    assert unknown.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
    answered = persisted_get(client, with_query=True)
    assert answered.json()["data"]["page"]["title"] == "Corsi di italiano"


def test_a_hung_redis_is_not_asked_on_every_request(redis_hung, graphql, client, service):
    for _ in range(10):
        graphql.post(PAGE)
        persisted_get(client, with_query=True)

    assert len(redis_hung.connections) == 1  # the fixture's circuit opens at the first failure
