"""graphql-codegen (CLI, TypeScript types) over every example operation of the documentation, against the
committed schema, all at once as a portal's codegen would take them: an example that drifts from the schema, or
that cannot be combined with the others (anonymous, or a name used twice), fails."""

import json
import subprocess

import pytest

from tests.clients.conftest import CLIENTS, ROOT
from tests.docs_examples import examples, fragment_texts

pytestmark = pytest.mark.clients
SCHEMA = ROOT / "graphql_api" / "schema.graphql"


def _codegen(tmp_path, documents: dict[str, str]) -> subprocess.CompletedProcess:
    folder = tmp_path / "documents"
    folder.mkdir()
    for name, text in documents.items():
        (folder / f"{name}.graphql").write_text(text)
    config = tmp_path / "codegen.json"
    config.write_text(json.dumps({
        "schema": str(SCHEMA),
        "documents": str(folder / "*.graphql"),
        "generates": {str(tmp_path / "operations.ts"): {"plugins": ["typescript", "typescript-operations"]}},
        "errorsOnly": True,
    }))
    return subprocess.run(
        [CLIENTS / "node_modules" / ".bin" / "graphql-codegen", "--config", str(config)],
        cwd=CLIENTS, capture_output=True, text=True, timeout=120,
    )


def _documented() -> dict[str, str]:
    documents = {f"{index:02d}-{example.name or 'anonymous'}": example.text for index, example in enumerate(examples())}
    documents.update({f"fragment-{index}": text for index, text in enumerate(fragment_texts())})
    return documents


def test_codegen_types_every_documented_operation(node_packages, tmp_path):
    done = _codegen(tmp_path, _documented())

    assert done.returncode == 0, done.stdout + done.stderr
    generated = (tmp_path / "operations.ts").read_text()
    for example in examples():
        kind = "Query" if example.operation == "query" else "Mutation"
        assert f"export type {example.name}{kind} = " in generated, example.id


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("query Drifted { locales { code nativeName } }", 'Cannot query field "nativeName"'),
        ("{ locales { code } }", "anonymous operation must be the only defined operation"),
    ],
    ids=["drifted", "anonymous"],
)
def test_codegen_fails_on_an_example_that_drifts_or_cannot_be_combined(node_packages, tmp_path, extra, message):
    done = _codegen(tmp_path, {**_documented(), "zz-extra": extra})

    assert done.returncode != 0 and message in done.stdout + done.stderr
