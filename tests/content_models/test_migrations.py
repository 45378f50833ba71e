"""Data migrations of content_models keep what editors wrote."""

import json

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Revision
from wagtail_localize.models import TranslationSource

from content_models.models import ServicePage
from tests.factories import ServicePageFactory

pytestmark = pytest.mark.usefixtures("schema_latest_after")  # other apps' later migrations too

BEFORE = [("content_models", "0003_plural_names")]


def latest() -> list[tuple[str, str]]:
    """content_models' latest migration: the models the test reads after the rename have every later column."""
    return MigrationExecutor(connection).loader.graph.leaf_nodes("content_models")


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_programme_action_rename_keeps_the_column_drafts_and_translation_sources(migrations_data, service_index):
    page = ServicePageFactory(parent=service_index, title="Sportello casa", programme_action="04")
    page.summary = "Bozza non pubblicata."
    page.save_revision()  # a draft on top of the live revision
    TranslationSource.get_or_create_from_instance(page)
    try:
        migrate(BEFORE)
        with connection.cursor() as cursor:
            cursor.execute("SELECT action FROM content_models_servicepage WHERE page_ptr_id = %s", [page.pk])
            assert cursor.fetchone() == ("04",)
        # As before the rename serialised them (the reverse migration renamed the keys back): `action`.
        for revision in Revision.objects.filter(object_id=str(page.pk)):
            assert revision.content["action"] == "04" and "programme_action" not in revision.content
        source = TranslationSource.objects.get(object_id=page.translation_key)
        assert json.loads(source.content_json)["action"] == "04"
    finally:
        migrate(latest())  # through 0004_servicepage_programme_action, the rename under test

    page = ServicePage.objects.get(pk=page.pk)
    assert page.programme_action == "04"
    assert page.get_latest_revision_as_object().programme_action == "04"
    assert page.get_latest_revision_as_object().summary == "Bozza non pubblicata."
    assert page.live_revision.as_object().programme_action == "04"
    source = TranslationSource.objects.get(object_id=page.translation_key)
    assert source.as_instance().programme_action == "04"
