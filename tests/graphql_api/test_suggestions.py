"""Production names nothing the client did not: no "Did you mean" for fields, arguments, input fields, enum values
(literal or in variables), types or directives. Development keeps them, to help whoever writes a query."""

import json

import pytest

TYPOS = {
    "field": "{ locale { code } }",
    "argument": "{ events(frist: 2) { totalCount } }",
    "input field": "{ events(filters: {provnice: GE}) { totalCount } }",
    "enum literal": "{ events(filters: {province: GEE}) { totalCount } }",
    "enum in a variable": ("query ($p: Province) { events(filters: {province: $p}) { totalCount } }", {"p": "GEE"}),
    "input field in a variable": (
        "query ($f: EventPageFilter) { events(filters: $f) { totalCount } }", {"f": {"provnice": "GE"}}
    ),
    "type in a fragment": '{ page(path: "/") { ... on EventPag { title } } }',
    "variable type": "query ($p: Provinc) { events { totalCount } }",
    "directive": "{ locales @skp(if: true) { code } }",
}


def _ask(schema, case):
    query, variables = case if isinstance(case, tuple) else (case, None)
    body = {"query": query, "variables": variables}
    from django.test import RequestFactory

    from graphql_api.views import ApiView

    request = RequestFactory().post("/graphql/", data=json.dumps(body), content_type="application/json")
    return json.loads(ApiView.as_view(schema=schema, graphql_ide=None)(request).content)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", TYPOS)
def test_production_suggests_nothing(production_schema, kind):
    result = _ask(production_schema, TYPOS[kind])
    assert result.get("errors"), result
    assert all("Did you mean" not in error["message"] for error in result["errors"]), result["errors"]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["field", "argument", "enum literal", "enum in a variable"])
def test_development_still_suggests(kind):
    from graphql_api.schema import schema

    result = _ask(schema, TYPOS[kind])
    assert any("Did you mean" in error["message"] for error in result["errors"]), result["errors"]


@pytest.fixture(scope="module")
def production_schema():
    from graphql_api.schema import build_schema

    return build_schema(production=True)
