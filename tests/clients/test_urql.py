"""urql (@urql/core) as portals set it up: GET for queries, the document cache."""

import pytest

pytestmark = pytest.mark.clients


def test_urql_pages_a_listing_over_get_and_caches_documents(node, portal_api):
    observed = node("urql", "paging")

    assert observed["titles"] == portal_api.event_titles
    assert {request["method"] for request in observed["requests"]} == {"GET"}
    assert all(request["status"] == 200 and request["codes"] == [] for request in observed["requests"])
    assert observed["servedFromCache"], "the same query again is answered by urql's cache, without a request"


def test_urql_sees_codes_and_no_data_on_request_errors(node):
    observed = node("urql", "errors")

    assert observed["pageSize"] == {"codes": ["PAGE_SIZE_TOO_LARGE"], "network": False, "data": None}
    assert observed["locale"]["codes"] == ["UNKNOWN_LOCALE"] and not observed["locale"]["network"]
    # A request error (the document does not validate) has no data at all: urql reads it as a GraphQL error.
    assert observed["unknownField"] == {"codes": ["GRAPHQL_VALIDATION_FAILED"], "network": False, "data": None}
