"""Every example operation of the documentation is valid against the live schema and named, once, so that client
code generators can combine them (tests/clients/ runs graphql-codegen over them; tests/content_models/
test_seed_demo.py runs the queries on the demo)."""

from collections import Counter

import pytest
from graphql import parse, validate

from graphql_api.schema import schema
from tests.docs_examples import examples

EXAMPLES = examples()


def test_the_documentation_has_examples():
    assert len(EXAMPLES) >= 8
    assert {example.source for example in EXAMPLES} >= {"README.md", "docs/api.md", "docs/distribution.md"}


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example.id)
def test_example_is_valid(example):
    assert validate(schema._schema, parse(example.document)) == []


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example.id)
def test_example_is_named(example):
    assert example.name, f"an anonymous operation in {example.source}: codegen cannot combine it with others"


def test_example_names_are_unique():
    assert [name for name, count in Counter(example.name for example in EXAMPLES).items() if count > 1] == []
