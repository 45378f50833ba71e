"""One operation, one cache entry: comments and layout make no new key, and what remembers keys stays bounded.

A client (or an attacker) that adds a comment, a space or a newline to a query used to get a miss, and a new entry:
a way past the cache that also filled it. Keys are made from the normalised document (caching/documents.py), on
the normal path and on the GET fast path alike, persisted queries included; the API's cache is its own, bounded,
so filling it evicts nothing of the rate limits' cache.
"""

import hashlib
import json

import pytest
from django.core.cache import cache, caches

from graphql_api.caching import documents
from tests.attempts import tried
from tests.factories import ServicePageFactory

QUERY = 'query ($path: String!) { page(path: $path) { title } }'
SPELLINGS = [
    QUERY,
    "# a comment\n" + QUERY,
    'query ($path: String!)   {\n  page(path: $path) {\n    title # the title\n  }\n}\n',
    'query($path:String!){page(path:$path){title}}',
    "\ufeff" + QUERY,
]
VARIABLES = {"path": "/servizi/corsi/"}


@pytest.fixture
def service(service_index):
    return ServicePageFactory(parent=service_index, title="Corsi", slug="corsi")


def _get(client, query, **extra):
    return client.get("/graphql/", {"query": query, "variables": json.dumps(VARIABLES), **extra})


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_spellings_of_one_query_share_one_entry(client, service, method):
    sources = []
    for spelling in SPELLINGS:
        if method == "GET":
            response = _get(client, spelling)
        else:
            response = client.post("/graphql/", {"query": spelling, "variables": VARIABLES},
                                   content_type="application/json")
        assert response.json()["data"]["page"]["title"] == "Corsi"
        sources.append(response["X-GraphQL-Cache"])
    tried("cache-busting spellings of a query", len(SPELLINGS) - 1)
    assert sources == ["miss"] + ["hit"] * (len(SPELLINGS) - 1)


@pytest.mark.django_db
def test_a_persisted_query_hits_on_the_fast_path_once_seen(client, service, django_assert_num_queries):
    spelling = "# registered by the portal\n" + QUERY
    sha = hashlib.sha256(spelling.encode()).hexdigest()
    extensions = json.dumps({"persistedQuery": {"version": 1, "sha256Hash": sha}})
    registered = _get(client, spelling, extensions=extensions)
    assert registered["X-GraphQL-Cache"] == "miss"
    with django_assert_num_queries(1):  # the content generation only: served before strawberry reads it
        hit = client.get("/graphql/", {"extensions": extensions, "variables": json.dumps(VARIABLES)})
    assert hit["X-GraphQL-Cache"] == "hit" and hit.content == registered.content
    # The plain spelling of the same query is the same entry.
    assert _get(client, QUERY)["X-GraphQL-Cache"] == "hit"


@pytest.mark.django_db
def test_a_persisted_hash_this_process_has_not_seen_takes_the_normal_path(client, service):
    spelling = "{ locales { code } }"
    sha = hashlib.sha256(spelling.encode()).hexdigest()
    caches["graphql"].set(f"graphql_api:persisted:{sha}", spelling)  # registered by another process
    documents._by_raw_hash.pop(sha, None)
    extensions = json.dumps({"persistedQuery": {"version": 1, "sha256Hash": sha}})
    first = client.get("/graphql/", {"extensions": extensions})
    second = client.get("/graphql/", {"extensions": extensions})
    assert first["X-GraphQL-Cache"] == "miss" and second["X-GraphQL-Cache"] == "hit"


def test_the_hash_memory_is_bounded(monkeypatch):
    monkeypatch.setattr(documents, "RAW_HASHES", 10)
    for n in range(50):
        documents.normalised_sha256(f"{{ n{n}: locales {{ code }} }}")
    assert len(documents._by_raw_hash) <= 10
    assert documents._normalised.cache_info().maxsize == documents.NORMALISED_TEXTS


@pytest.mark.django_db
def test_filling_the_api_cache_evicts_nothing_else(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "graphql": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "bounded-test",
                    "OPTIONS": {"MAX_ENTRIES": 10}},
    }
    cache.set("a-rate-limit-counter", 3, timeout=60)
    for n in range(40):
        client.get("/graphql/", {"query": f"{{ n{n}: locales {{ code }} }}"})
    tried("distinct queries filling the response cache", 40)
    assert len(caches["graphql"]._cache) <= 10
    assert cache.get("a-rate-limit-counter") == 3
