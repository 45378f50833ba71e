"""The content generation moved from graphql_api to content_models with its row: counters stay where they were, so
no cached response or feed of the old generation is served as current, and none is thrown away needlessly."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.usefixtures("schema_latest_after")  # other apps' later migrations too

BEFORE = [("content_models", "0005_drafts_before_dates"), ("graphql_api", "0002_labels")]
AFTER = [("content_models", "0006_content_generation"), ("graphql_api", "0003_content_generation_moved")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_row_moves_with_its_value():
    old_apps = migrate(BEFORE)
    old_apps.get_model("graphql_api", "ContentGeneration").objects.update_or_create(pk=1, defaults={"value": 41})

    new_apps = migrate(AFTER)

    assert new_apps.get_model("content_models", "ContentGeneration").objects.get(pk=1).value == 41
    assert "graphql_api_contentgeneration" not in connection.introspection.table_names()
