"""Normalised client caches (Apollo's InMemoryCache, urql's Graphcache) key objects by __typename and id.

The same page fetched in Italian, as a Spanish reader's fallback and in Arabic must not mix in one cache: every id
says what was served (graphql_api/ids.py: page:42:it, page:42:it:for-es, page:43:ar, and each block under its
page's id), so the cache keeps three records, and the Italian query reads back exactly what the server gave it.
"""

import pytest

pytestmark = pytest.mark.clients


@pytest.mark.parametrize("driver", ["apollo", "urql"], ids=["apollo-inmemorycache", "urql-graphcache"])
def test_one_cache_keeps_italian_arabic_and_a_fallback_apart(node, portal_api, driver):
    observed = node(driver, "locales", path=portal_api.service_path)
    served = observed["served"]

    # What the server answered:
    assert (served["it"]["isFallback"], served["it"]["locale"]["code"]) == (False, "it")
    assert (served["es"]["isFallback"], served["es"]["locale"]["code"]) == (True, "it")
    assert (served["ar"]["isFallback"], served["ar"]["locale"]["code"]) == (False, "ar")
    assert served["ar"]["body"][0]["text"] == portal_api.heading_ar
    assert len({served[locale]["id"] for locale in served}) == 3  # three answers, three records
    # What the cache gives back for the Italian query afterwards must be what the server gave for it.
    assert observed["cached"]["it"] == served["it"]
