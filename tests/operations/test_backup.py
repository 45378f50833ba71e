"""`manage.py backup`: complete and checkable, or nothing that looks complete; retention; faults with their cause."""

import hashlib
import io
import json
import subprocess
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from operations.backup import target_open
from operations.backup.targets import LocalTarget

pytestmark = pytest.mark.django_db(transaction=True)


def backup(target: str, **options) -> str:
    out = io.StringIO()
    call_command("backup", target=target, stdout=out, **options)
    return out.getvalue()


def test_a_backup_holds_the_database_and_every_file_with_a_manifest_written_last(
    small_site, tmp_path, settings
):
    out = backup(str(tmp_path / "backups"), keep=0)

    [name] = LocalTarget(tmp_path / "backups").complete()
    assert f"Backup {name} complete" in out
    folder = tmp_path / "backups" / name
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["database"]["path"] in {"database/database.sqlite3", "database/database.pgdump"}
    assert "0001_initial" in manifest["migrations"]["content_models"]
    assert manifest["counts"]["newsletter_subscriber"] == 0
    assert manifest["counts"]["media_customimage"] == 1 and manifest["counts"]["media_customdocument"] == 1
    assert manifest["versions"]["wagtail"].startswith("8.")
    paths = {entry["path"] for entry in manifest["files"]}
    image, document = small_site["image"], small_site["document"]
    assert f"files/default/{image.file.name}" in paths and f"files/default/{document.file.name}" in paths
    # The named renditions made when the image was saved, from the renditions storage.
    renditions = {path for path in paths if path.startswith("files/renditions/")}
    assert len(renditions) == image.renditions.count() >= 6
    for entry in manifest["files"]:
        data = (folder / entry["path"]).read_bytes()
        assert (len(data), hashlib.sha256(data).hexdigest()) == (entry["size"], entry["sha256"])
    assert manifest["missing"] == []
    assert not list((tmp_path / "backups").glob(".*.partial"))

    listed = io.StringIO()
    call_command("backup", target=str(tmp_path / "backups"), list=True, stdout=listed)
    assert listed.getvalue().split() == [name]


def test_retention_keeps_the_newest_and_removes_what_interrupted_backups_left(migrations_data, tmp_path):
    root = tmp_path / "backups"
    older = "interazioni-20000101T000000Z-0000"  # an interrupted backup from before: its folder, no manifest
    (root / f".{older}.partial" / "database").mkdir(parents=True)
    for _ in range(3):
        backup(str(root), keep=2)

    target = LocalTarget(root)
    assert len(target.complete()) == 2
    assert target.incomplete() == []
    assert sorted(path.name for path in root.iterdir() if path.name != ".lock") == target.complete()


def test_a_file_missing_from_the_store_is_reported_not_silently_skipped(small_site, tmp_path):
    Path(small_site["document"].file.path).unlink()

    out, err = io.StringIO(), io.StringIO()
    call_command("backup", target=str(tmp_path / "b"), stdout=out, stderr=err)

    assert (
        f"missing in the store, not backed up: default/{small_site['document'].file.name}" in err.getvalue()
    )
    manifest = json.loads(next((tmp_path / "b").glob("*/manifest.json")).read_text())
    assert manifest["missing"] == [{"storage": "default", "name": small_site["document"].file.name}]


def test_an_unreachable_media_store_fails_the_backup_with_its_cause_and_keeps_nothing(
    s3, small_site, settings, closed_port_endpoint, tmp_path
):
    settings.AWS_S3_ENDPOINT_URL = closed_port_endpoint

    with pytest.raises(CommandError, match=rf"The backup failed and was removed: .*{closed_port_endpoint}"):
        backup(str(tmp_path / "backups"))

    assert [path.name for path in (tmp_path / "backups").iterdir()] == [".lock"]


def test_an_unreachable_backup_bucket_is_an_error_with_its_cause(
    migrations_data, settings, closed_port_endpoint, monkeypatch
):
    settings.BACKUP_S3_ENDPOINT_URL = closed_port_endpoint
    monkeypatch.setenv("BACKUP_AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("BACKUP_AWS_SECRET_ACCESS_KEY", "testing")

    with pytest.raises(CommandError, match=closed_port_endpoint):
        backup("s3://backups/nightly")


def test_a_backup_to_a_bucket_is_complete_only_with_its_manifest(small_site, backup_bucket):
    target_url, client, bucket = backup_bucket
    backup(target_url)

    target = target_open(target_url)
    [name] = target.complete()
    keys = {item["Key"] for item in client.list_objects_v2(Bucket=bucket)["Contents"]}
    assert f"nightly/{name}/manifest.json" in keys and f"nightly/{name}/database/" in " ".join(keys)
    # What a backup killed halfway leaves in a bucket: objects without a manifest. Never listed as a backup.
    client.delete_object(Bucket=bucket, Key=f"nightly/{name}/manifest.json")
    assert target.complete() == [] and target.incomplete() == [name]


@pytest.fixture
def small_disk(tmp_path):
    """A 256 KiB file system (tmpfs): a disk that fills up. Needs root, as CI and this machine run."""
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount_point)], capture_output=True, text=True
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    yield mount_point
    subprocess.run(["umount", str(mount_point)], check=True)


def test_a_full_disk_fails_the_backup_with_its_cause_and_keeps_nothing(small_site, small_disk):
    with pytest.raises(CommandError, match="No space left on device"):
        backup(str(small_disk / "backups"))

    assert [path.name for path in (small_disk / "backups").iterdir()] == [".lock"]


def test_each_rendition_is_read_from_the_store_it_lives_in(s3):
    """Renditions of private collections' images live in the private store (media/privacy.py): the inventory must
    look for each rendition where media's rendition storage puts it, or the backup would call it missing."""
    from media.privacy import PRIVATE_RENDITIONS_PREFIX
    from media.storage import rendition_storage
    from operations.backup.inventory import storage_alias

    assert storage_alias(rendition_storage, "images/sportello.width-400.jpg") == "renditions"
    assert storage_alias(rendition_storage, f"{PRIVATE_RENDITIONS_PREFIX}sportello.width-400.jpg") == "default"
