"""`backup_restore`: a verified backup into an empty database and empty media stores, then migrations forward.

Nothing is touched until the whole backup has been checked: the manifest is there (so the backup completed), every
file has its size and checksum, the dump reads back, the database is of the same kind, and the backup was not made
by a newer release than this one. Then the destination must be empty, or `force` replaces what it holds. After the
load, the rows of every table are counted against the manifest, the files are copied back under their exact names
(checksums verified again on the way), the migrations this release adds are applied, and the caches are cleared.
"""

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.core.files.storage import storages
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from wagtail.images import get_image_model

from operations.caches import caches_clear

from .database import database_counts, database_load, database_tables, database_wipe, dump_check
from .errors import BackupError, BackupInvalid, RestoreRefused
from .manifest import Manifest, manifest_read, manifest_verify
from .stores import LocalStore, Store, store_for_storage
from .targets import BackupTarget

Progress = Callable[[str], None]


@dataclass(frozen=True)
class RestoreResult:
    name: str
    seconds: float
    files: int
    migrations_applied: list[str]
    renditions_dropped: int


def _newer_migrations(manifest: Manifest) -> list[str]:
    """Migrations the backup's database had that this release does not know: it was made by a newer release."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = set(loader.disk_migrations)
    installed = {app for app, _name in known}
    return sorted(
        f"{app}.{name}"
        for app, names in manifest.migrations.items()
        if app in installed
        for name in names
        if (app, name) not in known
    )


def backup_verify(store: Store, progress: Progress = lambda line: None) -> Manifest:
    """The manifest of a complete, intact backup this release can restore; BackupInvalid otherwise."""
    manifest = manifest_read(store)
    vendor = manifest.database.get("vendor")
    if vendor != connection.vendor:
        raise BackupInvalid(
            f"The backup {manifest.name} holds a {vendor} database; this deployment uses {connection.vendor}."
        )
    newer = _newer_migrations(manifest)
    if newer:
        shown = ", ".join(newer[:5]) + (" ..." if len(newer) > 5 else "")
        raise BackupInvalid(
            f"The backup {manifest.name} was made by a newer release (migrations unknown here: {shown}). "
            "Restore it with that release or a later one."
        )
    manifest_verify(store, manifest)
    progress(f"verified: {len(manifest.files)} files, {manifest.size} bytes, checksums match")
    return manifest


def _destinations(manifest: Manifest) -> dict[str, Store]:
    aliases = {entry.path.split("/")[1] for entry in manifest.files_under("files/")}
    return {
        alias: store_for_storage(storages[alias if alias in storages.backends else "default"])
        for alias in aliases
    }


def _occupied(destinations: dict[str, Store]) -> list[str]:
    found = []
    tables = database_tables()
    if tables:
        found.append(f"the database has {len(tables)} tables")
    for store in {store.describe(): store for store in destinations.values()}.values():
        if next(iter(store.names()), None) is not None:
            found.append(f"{store.describe()} holds files")
    return found


def _files_restore(store: Store, manifest: Manifest, destinations: dict[str, Store]) -> int:
    entries = manifest.files_under("files/")
    for entry in entries:
        _files, alias, name = entry.path.split("/", 2)
        with store.open(entry.path) as stream:
            digest = destinations[alias].write(name, stream)
        if (digest.size, digest.sha256) != (entry.size, entry.sha256):
            raise BackupError(f"{entry.path} changed while it was being restored: run the restore again.")
    return len(entries)


def _renditions_without_file(manifest: Manifest) -> int:
    """Rendition rows whose file was already gone when the backup was made: dropped, so Wagtail makes them again."""
    names = [item["name"] for item in manifest.missing]
    if not names:
        return 0
    deleted, _by_model = get_image_model().get_rendition_model().objects.filter(file__in=names).delete()
    return deleted


def backup_restore(
    *, target: BackupTarget, name: str, force: bool = False, progress: Progress = lambda line: None
) -> RestoreResult:
    started = time.monotonic()
    store = target.open(name)
    manifest = backup_verify(store, progress)
    destinations = _destinations(manifest)
    occupied = _occupied(destinations)
    if occupied and not force:
        raise RestoreRefused(
            f"Nothing was restored: {'; '.join(occupied)}. Restore into an empty database and empty media "
            "stores, or pass --force to replace what they hold."
        )
    dump_entry = next(entry for entry in manifest.files if entry.path == manifest.database["path"])
    with tempfile.TemporaryDirectory(prefix="interazioni-restore-") as workdir:
        local = LocalStore(Path(workdir))
        with store.open(dump_entry.path) as stream:
            digest = local.write("dump", stream)
        if (digest.size, digest.sha256) != (dump_entry.size, dump_entry.sha256):
            raise BackupInvalid(f"{dump_entry.path} changed while it was being read: nothing was restored.")
        dump_check(local.path("dump"), manifest.database["vendor"])
        # Everything checked: from here on the destination changes.
        if occupied:
            database_wipe()
        database_load(local.path("dump"), manifest.database["vendor"])
    progress(f"database loaded from {dump_entry.path}")
    counts = database_counts(set(manifest.counts))
    wrong = [
        f"{table}: {counts.get(table)} rows, expected {rows}"
        for table, rows in manifest.counts.items()
        if counts.get(table) != rows
    ]
    if wrong:
        raise BackupError(f"The database was loaded but does not match the manifest: {'; '.join(wrong[:5])}.")
    files = _files_restore(store, manifest, destinations)
    progress(
        f"files: {files} copied back to {', '.join(sorted({s.describe() for s in destinations.values()}))}"
    )
    dropped = _renditions_without_file(manifest)
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    applied = [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]
    call_command("migrate", interactive=False, verbosity=0)
    if applied:
        progress(
            f"migrations applied: {len(applied)} ({', '.join(applied[:5])}{' ...' if len(applied) > 5 else ''})"
        )
    caches_clear()
    return RestoreResult(manifest.name, time.monotonic() - started, files, applied, dropped)
