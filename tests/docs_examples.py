"""The GraphQL examples of the documentation (docs/*.md and the README), as portals would copy them.

An example is a ```graphql block; the fragments it spreads come from the fragment blocks of the same file, and its
variables from a line right after the block that starts with "with `{...}`". Used by the schema check
(tests/graphql_api/test_docs_examples.py), the demo check (tests/content_models/test_seed_demo.py) and the client
suite's graphql-codegen run (tests/clients/).
"""

import dataclasses
import json
import re
from pathlib import Path

from graphql import FragmentDefinitionNode, FragmentSpreadNode, OperationDefinitionNode, parse, visit
from graphql.language import Visitor

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"^[ \t]*```graphql\n(?P<body>.*?)^[ \t]*```\n(?P<after>(?:[ \t]*\n)*[^\n]*)", re.DOTALL | re.M)
VARIABLES = re.compile(r"^\s*with `(?P<json>\{.*?\})`")


@dataclasses.dataclass(frozen=True)
class Example:
    source: str  # the file, relative to the repository
    name: str | None  # the operation's name; None when anonymous
    operation: str  # "query" | "mutation"
    text: str  # the block as written
    document: str  # the block with the fragments it spreads
    variables: dict

    @property
    def id(self) -> str:
        return f"{self.source}:{self.name or 'anonymous'}"


def _spreads(text: str) -> set[str]:
    names = set()

    class Spreads(Visitor):
        def enter_fragment_spread(self, node: FragmentSpreadNode, *_args):
            names.add(node.name.value)

    visit(parse(text), Spreads())
    return names


def examples() -> list[Example]:
    found = []
    for path in SOURCES:
        blocks = [(match["body"], match["after"]) for match in BLOCK.finditer(path.read_text())]
        fragments = {}
        for body, _after in blocks:
            for node in parse(body).definitions:
                if isinstance(node, FragmentDefinitionNode):
                    fragments[node.name.value] = body
        for body, after in blocks:
            operations = [node for node in parse(body).definitions if isinstance(node, OperationDefinitionNode)]
            if not operations:
                continue
            (operation,) = operations
            needed = {fragments[name] for name in _spreads(body)}
            variables = VARIABLES.match(after)
            found.append(Example(
                source=str(path.relative_to(ROOT)),
                name=operation.name.value if operation.name else None,
                operation=operation.operation.value,
                text=body,
                document="\n".join([body, *sorted(needed)]),
                variables=json.loads(variables["json"]) if variables else {},
            ))
    return found


def fragment_texts() -> list[str]:
    """Every fragment block of the documentation, once."""
    texts = []
    for path in SOURCES:
        for match in BLOCK.finditer(path.read_text()):
            if all(isinstance(node, FragmentDefinitionNode) for node in parse(match["body"]).definitions):
                texts.append(match["body"])
    return texts
