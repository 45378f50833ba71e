"""The schema is a contract: the committed graphql_api/schema.graphql must equal the live schema."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from graphql_api.management.commands import export_graphql_schema
from graphql_api.management.commands.export_graphql_schema import SCHEMA_FILE, schema_sdl


def test_committed_schema_matches_the_live_schema():
    assert SCHEMA_FILE.read_text() == schema_sdl(), (
        "The GraphQL schema changed: review the change (deprecate before removing) and run "
        "`manage.py export_graphql_schema`."
    )


def test_check_fails_when_the_file_differs(tmp_path, monkeypatch):
    stale = tmp_path / "schema.graphql"
    stale.write_text("type Query { old: String }\n")
    monkeypatch.setattr(export_graphql_schema, "SCHEMA_FILE", stale)

    with pytest.raises(CommandError, match="out of date"):
        call_command("export_graphql_schema", "--check")
    call_command("export_graphql_schema")
    call_command("export_graphql_schema", "--check")
    assert stale.read_text() == schema_sdl()
