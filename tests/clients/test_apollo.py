"""Apollo Client 4 as portals set it up: automatic persisted queries over GET, HttpLink, InMemoryCache."""

import pytest

pytestmark = pytest.mark.clients


def test_apollo_pages_a_listing_with_persisted_queries_over_get(node, portal_api):
    observed = node("apollo", "paging")

    assert observed["titles"] == portal_api.event_titles, "every event once, in order"
    first, retry, *later = observed["requests"]
    # The hash alone, over GET: unknown the first time, so Apollo sends the document with it once.
    assert (first["method"], first["hash"], first["query"]) == ("GET", True, False)
    assert first["codes"] == ["PERSISTED_QUERY_NOT_FOUND"] and first["status"] == 200
    assert retry["query"] and retry["codes"] == [] and retry["status"] == 200
    # Then every page is a short GET with the hash only, which caches and CDNs can keep.
    assert later and all(
        (request["method"], request["hash"], request["query"], request["codes"]) == ("GET", True, False, [])
        for request in later
    )


def test_apollo_reads_the_stable_error_codes(node):
    assert node("apollo", "errors")["codes"] == {
        "pageSize": ["PAGE_SIZE_TOO_LARGE"], "cursor": ["BAD_USER_INPUT"], "locale": ["UNKNOWN_LOCALE"],
    }
