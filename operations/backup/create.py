"""`backup_create`: the database and every file it refers to, copied to the backup target, manifest last.

Order: the database is dumped first (consistently, see database.py), then exactly the files that dump refers to
are copied: originals, documents and renditions. A file deleted on the live site between the two steps (its row
is gone from the site too) is listed under "missing" in the manifest rather than failing the backup. Any error
(disk full, bucket unreachable, pg_dump failing) removes what was written and raises BackupError with its cause.
"""

import datetime
import platform
import tempfile
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from django.conf import settings
from django.core.files.storage import storages

from .database import database_dump
from .errors import BackupError
from .manifest import FileEntry, Manifest, manifest_write
from .retention import backups_prune
from .stores import Store, store_for_storage
from .targets import BackupTarget, backup_name

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BackupResult:
    name: str
    target: str
    manifest: Manifest
    seconds: float
    removed: list[str]


def versions(database: str) -> dict[str, str]:
    project = tomllib.loads((Path(settings.BASE_DIR) / "pyproject.toml").read_text())["project"]
    found = {"interazioni-cms": project["version"], "python": platform.python_version(), "database": database}
    for package in ("Django", "wagtail", "wagtail-localize", "strawberry-graphql"):
        found[package] = metadata.version(package)
    return found


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


def _copy_files(store: Store, references: dict[str, set[str]], progress: Progress):
    entries, missing, described = [], [], {}
    for alias, names in sorted(references.items()):
        source = store_for_storage(storages[alias])
        described[alias] = source.describe()
        for name in sorted(names):
            try:
                stream = source.open(name)
            except FileNotFoundError:
                missing.append({"storage": alias, "name": name})
                continue
            with stream:
                digest = store.write(f"files/{alias}/{name}", stream)
            entries.append(FileEntry(f"files/{alias}/{name}", digest.size, digest.sha256))
        progress(f"{alias}: {len(names)} files from {described[alias]}")
    return entries, missing, described


def backup_create(
    *, target: BackupTarget, keep: int = 0, progress: Progress = lambda line: None
) -> BackupResult:
    """Write one complete backup to `target`, then keep only the newest `keep` (0: keep every backup)."""
    started, created_at = time.monotonic(), _now()
    name = backup_name()
    with target.lock():
        store = target.begin(name)
        try:
            with tempfile.TemporaryDirectory(prefix="interazioni-backup-") as workdir:
                dump = database_dump(Path(workdir))
                dump_path = f"database/{dump.path.name}"
                with dump.path.open("rb") as stream:
                    digest = store.write(dump_path, stream)
                progress(f"database: {dump.server_version}, {sum(dump.inventory.counts.values())} rows")
            entries, missing, described = _copy_files(store, dump.inventory.references, progress)
            manifest = Manifest(
                name=name,
                created_at=created_at,
                finished_at=_now(),
                versions=versions(dump.server_version),
                database={"vendor": dump.vendor, "path": dump_path},
                migrations=dump.inventory.migrations,
                counts=dump.inventory.counts,
                storages=described,
                files=[FileEntry(dump_path, digest.size, digest.sha256), *entries],
                missing=missing,
            )
            manifest_write(store, manifest)
            target.commit(name)
        except BaseException as error:
            try:
                target.abort(name)
            except Exception:  # the cause that matters is the first one
                pass
            if isinstance(error, BackupError):
                raise
            if isinstance(error, Exception):
                raise BackupError(f"The backup failed and was removed: {_cause(error)}") from error
            raise
        removed = backups_prune(target, keep=keep) if keep else []
    return BackupResult(name, target.describe(), manifest, time.monotonic() - started, removed)


def _cause(error: Exception) -> str:
    text = str(error) or type(error).__name__
    return f"{type(error).__name__}: {text}" if type(error).__name__ not in text else text
