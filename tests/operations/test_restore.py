"""`manage.py restore`: checks everything before touching anything; empty destinations only, unless --force."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from wagtail.models import Page

from content_models.models import NewsIndexPage
from operations.backup.targets import LocalTarget
from tests.factories import NewsPageFactory

from .conftest import tables_drop

pytestmark = pytest.mark.django_db(transaction=True)

EMBEDS_LATEST = "0009_embed_cache_until"  # a leaf: nothing depends on it, so stepping back undoes it alone


@pytest.fixture
def made(small_site, tmp_path):
    """A backup of the small site in a folder: (target, backup folder)."""
    target = str(tmp_path / "backups")
    call_command("backup", target=target, verbosity=0)
    [name] = LocalTarget(Path(target)).complete()
    return target, Path(target) / name


def restore(target: str, name: str = "latest", **options) -> str:
    out = io.StringIO()
    call_command("restore", name, target=target, stdout=out, **options)
    return out.getvalue()


def test_a_deployment_that_is_not_empty_is_refused_without_force(made):
    target, _folder = made
    pages = Page.objects.count()

    with pytest.raises(
        CommandError, match=r"Nothing was restored: the database has \d+ tables; folder .* holds files"
    ):
        restore(target)

    assert Page.objects.count() == pages


def test_force_replaces_what_the_deployment_holds(made, sections):
    target, _folder = made
    after_backup = NewsPageFactory(parent=sections[NewsIndexPage], title="Scritta dopo il backup")

    out = restore(target, force=True)

    assert "Restored" in out
    assert not Page.objects.filter(pk=after_backup.pk).exists()
    assert Page.objects.filter(title="Corsi di italiano L2").exists()


def test_a_damaged_file_is_refused_before_anything_is_touched(made, small_site):
    target, folder = made
    image_copy = folder / "files" / "default" / small_site["image"].file.name
    data = bytearray(image_copy.read_bytes())
    data[len(data) // 2] ^= 0xFF
    image_copy.write_bytes(bytes(data))
    pages = Page.objects.count()

    with pytest.raises(
        CommandError, match=rf"damaged: files/default/{small_site['image'].file.name}: its checksum"
    ):
        restore(target, force=True)

    assert Page.objects.count() == pages


def test_a_truncated_database_dump_is_refused(made):
    target, folder = made
    dump = next((folder / "database").iterdir())
    dump.write_bytes(dump.read_bytes()[:1000])

    with pytest.raises(CommandError, match=r"damaged: database/database\.\w+: 1000 bytes, the manifest says"):
        restore(target, force=True)


def test_an_interrupted_backup_is_refused_and_never_listed(made):
    target, folder = made
    (folder / "manifest.json").unlink()  # what a backup killed before its last step leaves (in a bucket)

    with pytest.raises(CommandError, match="No complete backup"):
        restore(target, force=True)
    with pytest.raises(CommandError, match="has no manifest.json: the backup is incomplete"):
        restore(target, folder.name, force=True)


def test_a_backup_made_by_a_newer_release_is_refused(made):
    target, folder = made
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["migrations"]["content_models"].append("9999_from_the_future")
    (folder / "manifest.json").write_text(json.dumps(manifest))

    with pytest.raises(CommandError, match=r"made by a newer release .*content_models\.9999_from_the_future"):
        restore(target, verify_only=True)


def test_verify_only_checks_without_restoring(made):
    target, folder = made
    assert f"Backup {folder.name} is complete and intact." in restore(target, verify_only=True)


@pytest.fixture
def embeds_one_behind(migrations_data):
    call_command("migrate", "wagtailembeds", "0008_allow_long_urls", verbosity=0)
    yield
    call_command("migrate", verbosity=0)  # whatever happened, the next test finds the schema complete


def test_an_older_backup_is_brought_forward_by_the_migrations_this_release_adds(embeds_one_behind, tmp_path):
    target = str(tmp_path / "backups")
    call_command("backup", target=target, verbosity=0)
    tables_drop()

    out = restore(target)

    assert f"migrations applied: 1 (wagtailembeds.{EMBEDS_LATEST})" in out, out
    assert MigrationRecorder.Migration.objects.filter(app="wagtailembeds", name=EMBEDS_LATEST).exists()
    with connection.cursor() as cursor:
        columns = [
            column.name
            for column in connection.introspection.get_table_description(cursor, "wagtailembeds_embed")
        ]
    assert "cache_until" in columns
