"""Expensive queries are refused before they run; huge answers are not sent; the caches stay bounded.

- A query whose fields, lists multiplied through (`first`, or the most a connection returns, and each list's
  bound), exceed MAX_COST is refused with QUERY_TOO_COMPLEX and costs no SQL: through `first` as a literal, as a
  variable, by leaving `first` out, by aliases, by fragments.
- What portals ask for (every example in docs/api.md, the benchmark's workloads) is well under the limit.
- An answer past MAX_RESPONSE_BYTES is replaced by RESPONSE_TOO_LARGE, and not stored.
- The response cache keeps no answer past RESPONSE_CACHE_MAX_BYTES; a client network registers at most
  PERSISTED_QUERY_RATE persisted queries.
"""

import hashlib
import json
import re
from pathlib import Path

import pytest
from django.core.cache import caches
from graphql import parse

from graphql_api.caching.persisted import _key as persisted_key
from graphql_api.conf import api_setting
from graphql_api.cost import operation_cost
from graphql_api.schema import schema
from tests.attempts import tried

DOCS = Path(__file__).resolve().parents[2] / "docs" / "api.md"
BLOCKS = re.search(r"```graphql\n(fragment Blocks.*?)```", DOCS.read_text(), flags=re.DOTALL).group(1)
EVENT_BODIES = "edges { node { title ... on EventPage { body { ...Blocks } } } }"

EXPENSIVE = {
    "first as a literal": ("{ events(first: 100) { " + EVENT_BODIES + " } }\n" + BLOCKS, None),
    "first in a variable": (
        "query ($n: Int) { events(first: $n) { " + EVENT_BODIES + " } }\n" + BLOCKS, {"n": 100}
    ),
    "first left out": ("{ events { " + EVENT_BODIES + " } }\n" + BLOCKS, None),
    "aliases": ("{ " + " ".join(f"a{n}: events(first: 10) {{ {EVENT_BODIES} }}" for n in range(20)) + " }\n" + BLOCKS,
                None),
    "nested lists": (
        "{ servicePages(first: 100) { edges { node { translations { translations { translations { title "
        "breadcrumbs { title } } } } } } } }", None,
    ),
    "search": ("{ search(query: \"corsi\", first: 100) { " + EVENT_BODIES + " } }\n" + BLOCKS, None),
}


def _post(client, query, variables=None):
    return client.post("/graphql/", {"query": query, "variables": variables}, content_type="application/json")


@pytest.mark.django_db
@pytest.mark.parametrize("case", EXPENSIVE)
def test_an_expensive_query_is_refused_before_any_sql(client, case, django_assert_num_queries):
    query, variables = EXPENSIVE[case]
    with django_assert_num_queries(0):
        response = _post(client, query, variables)
    tried("GraphQL queries over the cost limit")
    body = response.json()
    assert "data" not in body, body  # refused before execution: a request error has no data (docs/api.md)
    assert [error["extensions"]["code"] for error in body["errors"]] == ["QUERY_TOO_COMPLEX"]
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_a_small_first_is_fine(client):
    response = _post(client, "query ($n: Int) { events(first: $n) { " + EVENT_BODIES + " } }\n" + BLOCKS, {"n": 2})
    assert "errors" not in response.json(), response.json()


def _docs_examples():
    examples = re.findall(r"```graphql\n(.*?)```", DOCS.read_text(), flags=re.DOTALL)
    fragments = "\n".join(example for example in examples if example.lstrip().startswith("fragment"))
    return [e + ("\n" + fragments if "...Blocks" in e else "") for e in examples if not e.lstrip().startswith("fragment")]


@pytest.mark.parametrize("document", _docs_examples())
def test_what_portals_ask_costs_well_under_the_limit(document):
    cost = operation_cost(schema._schema, parse(document), variables={}, operation_name=None,
                          page_size=api_setting("MAX_PAGE_SIZE"))
    assert cost * 4 < api_setting("MAX_COST"), cost


def test_fragments_on_a_union_count_the_costliest_type_not_their_sum():
    one = operation_cost(schema._schema, parse('{ page(path: "/") { ... on ServicePage { body { ...Blocks } } } }\n'
                                               + BLOCKS), variables={}, operation_name=None, page_size=100)
    twice = operation_cost(schema._schema, parse(
        '{ page(path: "/") { ... on ServicePage { body { ...Blocks } } ... on EventPage { body { ...Blocks } } } }\n'
        + BLOCKS), variables={}, operation_name=None, page_size=100)
    assert twice == one


@pytest.mark.django_db
def test_an_answer_over_the_size_limit_is_not_sent_nor_stored(client, settings, service_index):
    from tests.factories import ServicePageFactory

    for n in range(8):
        ServicePageFactory(parent=service_index, title=f"{n} " + "x" * 200)
    settings.GRAPHQL_API = {**settings.GRAPHQL_API, "MAX_RESPONSE_BYTES": 1000}
    response = client.get("/graphql/", {"query": "{ servicePages { edges { node { title summary } } } }"})
    tried("GraphQL answers over the size limit")
    body = response.json()
    assert [error["extensions"]["code"] for error in body["errors"]] == ["RESPONSE_TOO_LARGE"]
    assert len(response.content) < 1000 and response["Cache-Control"] == "no-store"
    settings.GRAPHQL_API = {**settings.GRAPHQL_API, "MAX_RESPONSE_BYTES": 4 * 1024 * 1024}
    again = client.get("/graphql/", {"query": "{ servicePages { edges { node { title summary } } } }"})
    assert again["X-GraphQL-Cache"] == "miss"


@pytest.mark.django_db
def test_large_answers_are_sent_but_not_kept(client, settings, service_index):
    from tests.factories import ServicePageFactory

    for n in range(8):
        ServicePageFactory(parent=service_index, title=f"{n} " + "y" * 200)
    settings.GRAPHQL_API = {**settings.GRAPHQL_API, "RESPONSE_CACHE_MAX_BYTES": 1000}
    query = {"query": "{ servicePages { edges { node { title } } } }"}
    first, second = client.get("/graphql/", query), client.get("/graphql/", query)
    assert first.status_code == second.status_code == 200 and "errors" not in second.json()
    assert second["X-GraphQL-Cache"] == "miss"


@pytest.mark.django_db
def test_a_client_network_registers_a_bounded_number_of_persisted_queries(client, settings):
    settings.GRAPHQL_API = {**settings.GRAPHQL_API, "PERSISTED_QUERY_RATE": "5/h"}
    stored = 0
    for n in range(12):
        document = f"{{ locales {{ code }} n{n}: locales {{ name }} }}"
        sha = hashlib.sha256(document.encode()).hexdigest()
        extensions = json.dumps({"persistedQuery": {"version": 1, "sha256Hash": sha}})
        response = client.get("/graphql/", {"query": document, "extensions": extensions}, REMOTE_ADDR="203.0.113.5")
        assert "errors" not in response.json()
        stored += caches["graphql"].get(persisted_key(sha)) is not None
    tried("persisted query registrations", 12)
    assert stored == 5
