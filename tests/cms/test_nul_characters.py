"""A NUL character in any public input is a typed 400 (BAD_USER_INPUT), never a server error, and nothing is kept.

PostgreSQL refuses NULs in text with an error Django turns into a 500; SQLite keeps them. Every way in is tried:
the GraphQL API (mutations and queries, POST and GET, in variables, in the document as JSON and GraphQL escapes),
the newsletter's endpoints, the feeds, document downloads, the admin's forms and wagtail-localize's string editor.
"""

import json

import pytest
from django.test import Client

from associations.models import AssociationAccountRequest
from newsletter.models import Subscriber
from tests.attempts import tried

REQUEST_ACCOUNT = """mutation ($input: RequestAssociationAccountInput!) {
  requestAssociationAccount(input: $input) { ok } }"""
SUBSCRIBE = "mutation ($input: SubscribeNewsletterInput!) { subscribeNewsletter(input: $input) { ok } }"
SEARCH = "query ($q: String!) { search(query: $q) { totalCount } }"


def _graphql_post(client, query, variables=None, raw=None):
    body = raw if raw is not None else json.dumps({"query": query, "variables": variables})
    return client.post("/graphql/", body, content_type="application/json")


ATTEMPTS = {
    "mutation variable (association request)": lambda c: _graphql_post(c, REQUEST_ACCOUNT, {"input": {
        "associationName": "Alfa\u0000", "municipality": "Genova", "contactName": "Awa", "email": "a@example.org"}}),
    "mutation variable (newsletter)": lambda c: _graphql_post(c, SUBSCRIBE, {"input": {
        "email": "a\u0000@example.org", "language": "it"}}),
    "query variable": lambda c: _graphql_post(c, SEARCH, {"q": "corsi\u0000"}),
    "JSON escape in the document": lambda c: _graphql_post(
        c, None, raw='{"query": "{ search(query: \\"x\\u0000\\") { totalCount } }"}'),
    "GraphQL escape in the document": lambda c: _graphql_post(c, '{ search(query: "x\\u0000") { totalCount } }'),
    "GraphQL braced escape": lambda c: _graphql_post(c, '{ search(query: "x\\u{0}") { totalCount } }'),
    "GET variables": lambda c: c.get("/graphql/", {"query": SEARCH, "variables": json.dumps({"q": "a\u0000"})}),
    "GET %00 in the query string": lambda c: c.get("/graphql/?query=%7B+locales+%7B+code%00+%7D+%7D"),
    "newsletter unsubscribe path": lambda c: c.get("/newsletter/unsubscribe/abc%00def/"),
    "newsletter unsubscribe POST": lambda c: c.post("/newsletter/unsubscribe/abc%00def/"),
    "newsletter webhook body": lambda c: c.post("/newsletter/webhooks/feedback/", '{"email": "a\\u0000@x.org"}',
                                                content_type="application/json"),
    "feed query string": lambda c: c.get("/feeds/it/news.rss?topic=%00"),
    "document path": lambda c: c.get("/documents/1/modulo%00.pdf"),
    "admin login form": lambda c: c.post("/admin/login/", "username=a%00b&password=x",
                                         content_type="application/x-www-form-urlencoded"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("way", ATTEMPTS)
def test_a_nul_is_a_typed_bad_request(way):
    client = Client(raise_request_exception=False)
    response = ATTEMPTS[way](client)
    tried("NUL characters in public inputs")
    assert response.status_code == 400, (response.status_code, response.content[:300])
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert not AssociationAccountRequest.objects.exists() and not Subscriber.objects.exists()


@pytest.mark.django_db
def test_text_without_nul_goes_through(client):
    response = _graphql_post(client, SEARCH, {"q": "corsi di italiano \\u00e8"})
    assert response.status_code == 200 and "errors" not in response.json()
