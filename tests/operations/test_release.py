"""`manage.py release`: migrate, compile messages, fill renditions, clear caches; the same result when run twice."""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.images import get_image_model

from media.renditions import ORIGINAL_SPEC, rendition_specs
from tests.factories.media import ImageFactory

pytestmark = pytest.mark.django_db


def release() -> str:
    out = io.StringIO()
    call_command("release", stdout=out)
    return out.getvalue()


def test_the_release_step_is_complete_and_safe_to_run_twice(settings):
    settings.MEDIA_PREGENERATE_RENDITIONS = False
    image = ImageFactory()
    cache.set("graphql_api:response:stale", b"from the previous release")

    first = release()

    assert "migrate: the database is at this release's migrations" in first
    assert "compile_catalogues: message catalogues compiled" in first
    assert f"renditions_fill: 1 images checked, {len(rendition_specs()) + 1} renditions created" in first
    assert "caches cleared: default" in first and first.rstrip().endswith("Release step complete.")
    assert cache.get("graphql_api:response:stale") is None
    assert set(image.renditions.values_list("filter_spec", flat=True)) == {*rendition_specs().values(), ORIGINAL_SPEC}
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []

    second = release()

    assert "renditions_fill: 1 images checked, 0 renditions created" in second
    assert get_image_model().get_rendition_model().objects.count() == len(rendition_specs()) + 1


def test_a_cache_that_could_not_be_cleared_is_reported(redis_refused, settings):
    """The Redis backend answers a fault instead of raising it (cms/redis_cache.py): the release still says so."""
    from operations.caches import caches_clear

    assert caches_clear() == list(settings.CACHES)
