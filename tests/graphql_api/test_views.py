"""/graphql/ needs no CSRF token because no cookie or session authorises anything there."""

import ast
import json
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.factories import ServicePageFactory

GRAPHQL_API = Path(__file__).resolve().parents[2] / "graphql_api"
# The admin's "Preview on the portal" menu item and redirect: admin URLs (login and CSRF as every admin view).
ADMIN_MODULES = {GRAPHQL_API / "preview" / "views.py", GRAPHQL_API / "wagtail_hooks.py"}

DRAFT_BY_ID = "query ($id: ID!) { page(id: $id) { title } }"
PREVIEW = 'query { previewPage(token: "") { title } }'
UNSUBSCRIBE = 'mutation { unsubscribe(input: {token: "unknown"}) { ok } }'
REQUEST_ACCOUNT = """
mutation ($input: RequestAssociationAccountInput!) { requestAssociationAccount(input: $input) { ok errors { code } } }
"""


def _post(client, query, variables=None) -> dict:
    response = client.post("/graphql/", data=json.dumps({"query": query, "variables": variables or {}}),
                           content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()


@pytest.mark.django_db
def test_a_logged_in_editor_gets_what_anyone_gets_and_needs_no_csrf_token(service_index):
    draft = ServicePageFactory(parent=service_index, title="Bozza", live=False)
    editor = Client(enforce_csrf_checks=True)
    editor.force_login(get_user_model().objects.create_superuser("redazione", "r@example.org", "x"))
    anyone = Client(enforce_csrf_checks=True)

    for client in (editor, anyone):
        assert _post(client, DRAFT_BY_ID, {"id": draft.pk}) == {"data": {"page": None}}
        assert _post(client, PREVIEW)["errors"][0]["extensions"]["code"] == "INVALID_PREVIEW_TOKEN"
        assert _post(client, UNSUBSCRIBE) == {"data": {"unsubscribe": {"ok": True}}}


@pytest.mark.django_db
def test_the_composed_mutations_run_through_the_endpoint(client, locales):
    account = {"associationName": "Comunità di Savona", "municipality": "Savona", "contactName": "Olena",
               "email": "olena@example.org"}

    assert _post(client, REQUEST_ACCOUNT, {"input": account}) == {
        "data": {"requestAssociationAccount": {"ok": True, "errors": []}}
    }
    assert _post(client, UNSUBSCRIBE) == {"data": {"unsubscribe": {"ok": True}}}


def _reads_user_or_session(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Attribute) and node.attr in {"user", "session", "auser"}:
            return True
        if isinstance(node, (ast.Name, ast.Attribute)) and getattr(node, "id", getattr(node, "attr", "")) in {
            "get_user", "aget_user"
        }:
            return True
    return False


def test_no_api_code_reads_the_user_or_the_session():
    readers = [
        path.relative_to(GRAPHQL_API.parent)
        for path in GRAPHQL_API.rglob("*.py")
        if path not in ADMIN_MODULES and _reads_user_or_session(path)
    ]

    assert readers == []
    assert _reads_user_or_session(GRAPHQL_API / "preview" / "views.py"), "the check finds what it looks for"
