"""Where backups are kept: a local folder or an S3 bucket (BACKUP_TARGET), each backup in its own named folder.

A backup is complete when its manifest exists, and the manifest is written last. In a local folder the backup is
also written under a hidden ``.<name>.partial`` folder and renamed when complete, so an interrupted one never has
a backup's name. A bucket has no rename: there, a prefix without a manifest is an interrupted backup, and every
listing ignores it. Retention removes both kinds of leftovers.
"""

import datetime
import fcntl
import hashlib
import os
import re
import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import boto3
from botocore.config import Config
from django.conf import settings

from .errors import BackupError
from .manifest import MANIFEST_NAME
from .stores import LocalStore, S3Store, Store

NAME_PREFIX = "interazioni-"
NAME = re.compile(rf"^{NAME_PREFIX}\d{{8}}T\d{{6}}Z-[0-9a-f]{{4}}$")


def backup_name(now: datetime.datetime | None = None) -> str:
    """interazioni-20250314T020000Z-1f2e: sorts by time; the suffix tells apart two backups of the same second."""
    now = (now or datetime.datetime.now(datetime.UTC)).astimezone(datetime.UTC)
    return f"{NAME_PREFIX}{now:%Y%m%dT%H%M%SZ}-{secrets.token_hex(2)}"


@contextmanager
def _host_lock(path: Path) -> Iterator[None]:
    """One backup at a time on this machine: a cron run that overlaps the previous one fails at once."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BackupError(f"Another backup is running (lock {path}).") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@dataclass(frozen=True)
class LocalTarget:
    root: Path

    def describe(self) -> str:
        return f"folder {self.root}"

    def lock(self):
        return _host_lock(self.root / ".lock")

    def _partial(self, name: str) -> Path:
        return self.root / f".{name}.partial"

    def begin(self, name: str) -> Store:
        try:
            self._partial(name).mkdir(parents=True)
        except OSError as error:
            raise BackupError(f"Cannot create the backup folder in {self.root}: {error}") from error
        return LocalStore(self._partial(name))

    def commit(self, name: str) -> None:
        os.rename(self._partial(name), self.root / name)
        # The rename itself on disk: after a crash the backup is either there, complete, or not at all.
        descriptor = os.open(self.root, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)

    def abort(self, name: str) -> None:
        LocalStore(self._partial(name)).delete_all()

    def complete(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(
            path.name
            for path in self.root.iterdir()
            if NAME.match(path.name) and (path / MANIFEST_NAME).is_file()
        )

    def incomplete(self) -> list[str]:
        if not self.root.is_dir():
            return []
        leftovers = [p.name[1 : -len(".partial")] for p in self.root.glob(".*.partial")]
        unfinished = [
            p.name for p in self.root.iterdir() if NAME.match(p.name) and not (p / MANIFEST_NAME).exists()
        ]
        return sorted(name for name in leftovers + unfinished if NAME.match(name))

    def open(self, name: str) -> Store:
        if not NAME.match(name) or not (self.root / name).is_dir():
            partial = self._partial(name).is_dir() if NAME.match(name) else False
            raise BackupError(
                f"No backup named {name!r} in {self.describe()}"
                + (" (only an interrupted, incomplete one)." if partial else ".")
            )
        return LocalStore(self.root / name)

    def remove(self, name: str) -> None:
        LocalStore(self.root / name).delete_all()
        self.abort(name)


@dataclass(frozen=True)
class BucketTarget:
    client: object
    bucket: str
    prefix: str = ""

    def describe(self) -> str:
        return S3Store(self.client, self.bucket, self.prefix).describe()

    def lock(self):
        # A bucket offers no lock: the lock is this machine's (run backups from one machine's cron).
        tag = hashlib.sha256(
            f"{self.client.meta.endpoint_url}/{self.bucket}/{self.prefix}".encode()
        ).hexdigest()[:12]
        return _host_lock(Path(tempfile.gettempdir()) / f"interazioni-backup-{tag}.lock")

    def _store(self, name: str) -> S3Store:
        return S3Store(self.client, self.bucket, f"{self.prefix}/{name}" if self.prefix else name)

    def begin(self, name: str) -> Store:
        return self._store(name)

    def commit(self, name: str) -> None:
        pass  # the manifest, written last, is what makes it complete

    def abort(self, name: str) -> None:
        self._store(name).delete_all()

    def _names(self) -> dict[str, bool]:
        """Every backup folder under the prefix -> whether it holds a manifest."""
        found: dict[str, bool] = {}
        for key in S3Store(self.client, self.bucket, self.prefix).names():
            name, _, rest = key.partition("/")
            if NAME.match(name):
                found[name] = found.get(name, False) or rest == MANIFEST_NAME
        return found

    def complete(self) -> list[str]:
        return sorted(name for name, done in self._names().items() if done)

    def incomplete(self) -> list[str]:
        return sorted(name for name, done in self._names().items() if not done)

    def open(self, name: str) -> Store:
        names = self._names() if NAME.match(name) else {}
        if not names.get(name):
            raise BackupError(
                f"No backup named {name!r} in {self.describe()}"
                + (" (only an interrupted, incomplete one)." if name in names else ".")
            )
        return self._store(name)

    def remove(self, name: str) -> None:
        self._store(name).delete_all()


BackupTarget = LocalTarget | BucketTarget


def _bucket_client(endpoint_url: str | None):
    # Credentials are never settings: BACKUP_AWS_* when the backup bucket belongs to another account, otherwise
    # boto3's own chain (AWS_ACCESS_KEY_ID, the machine's role), as for the media bucket.
    options = {}
    if os.environ.get("BACKUP_AWS_ACCESS_KEY_ID"):
        options = {
            "aws_access_key_id": os.environ["BACKUP_AWS_ACCESS_KEY_ID"],
            "aws_secret_access_key": os.environ.get("BACKUP_AWS_SECRET_ACCESS_KEY", ""),
        }
    config = {
        "connect_timeout": 10,
        "read_timeout": 60,
        "retries": {"mode": "standard", "max_attempts": 3},
    }
    if endpoint_url:  # boto3's default checksums are refused by several S3-compatible stores (docs/media.md)
        config |= {
            "request_checksum_calculation": "when_required",
            "response_checksum_validation": "when_required",
        }
    return boto3.client(
        "s3",
        endpoint_url=endpoint_url or None,
        region_name=settings.BACKUP_S3_REGION_NAME or None,
        config=Config(**config, s3={"addressing_style": "path"} if endpoint_url else {}),
        **options,
    )


def target_open(target: str | None = None) -> BackupTarget:
    """A folder path, or s3://bucket/prefix (BACKUP_S3_ENDPOINT_URL for a store other than AWS)."""
    target = target or settings.BACKUP_TARGET
    if target.startswith("s3://"):
        bucket, _, prefix = target.removeprefix("s3://").partition("/")
        if not bucket:
            raise BackupError(f"No bucket in the backup target {target!r}: write s3://bucket/prefix.")
        return BucketTarget(_bucket_client(settings.BACKUP_S3_ENDPOINT_URL), bucket, prefix.strip("/"))
    return LocalTarget(Path(target).resolve())
