"""Every example query in docs/api.md is valid against the live schema."""

import re
from pathlib import Path

import pytest
from graphql import parse, validate

from graphql_api.schema import schema

DOCS = Path(__file__).resolve().parents[2] / "docs" / "api.md"
EXAMPLES = re.findall(r"```graphql\n(.*?)```", DOCS.read_text(), flags=re.DOTALL)
FRAGMENTS = "\n".join(example for example in EXAMPLES if example.lstrip().startswith("fragment"))


@pytest.mark.parametrize("example", [e for e in EXAMPLES if not e.lstrip().startswith("fragment")])
def test_example_is_valid(example):
    document = example + ("\n" + FRAGMENTS if "...Blocks" in example else "")

    assert validate(schema._schema, parse(document)) == []
