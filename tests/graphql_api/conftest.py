"""Fixtures for the GraphQL API: a client that posts to /graphql/ as portals do, and translated pages."""

import json

import pytest
from django.core.cache import cache, caches
from wagtail.models import Page


class GraphQLClient:
    def __init__(self, client):
        self.client = client

    def post(self, query: str, variables: dict | None = None, **extra):
        body = {"query": query, "variables": variables or {}}
        return self.client.post("/graphql/", data=json.dumps(body), content_type="application/json", **extra)

    def __call__(self, query: str, variables: dict | None = None) -> dict:
        """The response's JSON; fails on HTTP errors, returns GraphQL errors for the test to check."""
        response = self.post(query, variables)
        assert response.status_code == 200, response.content
        return response.json()

    def data(self, query: str, variables: dict | None = None) -> dict:
        result = self(query, variables)
        assert not result.get("errors"), result["errors"]
        return result["data"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with no cached response and no persisted query.

    The content generation lives in the database and rolls back with each test, while the local-memory cache
    outlives it: without this, a test could be served a response another test stored under the same generation.
    """
    cache.clear()
    caches["graphql"].clear()
    yield
    cache.clear()
    caches["graphql"].clear()


@pytest.fixture
def no_response_cache(settings):
    """Every request executes: for tests that measure or watch execution itself."""
    settings.GRAPHQL_API = {**settings.GRAPHQL_API, "RESPONSE_CACHE_SECONDS": 0}


@pytest.fixture
def graphql(client):
    return GraphQLClient(client)








def reload(page):
    return Page.objects.get(pk=page.pk).specific
