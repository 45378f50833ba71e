"""Files in a local folder or an S3 bucket, read and written as streams with their size and sha256.

Both the media (what Django's storages hold) and the backups themselves live in one of these. A backup copies
objects with boto3 or plain file I/O rather than through Django's Storage API: a Storage renames a file whose name
is taken (AWS_S3_FILE_OVERWRITE is False), and a restore must put every file back under its exact name.
"""

import hashlib
import os
import posixpath
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

from boto3.s3.transfer import TransferConfig
from botocore.exceptions import ClientError
from django.core.files.storage import FileSystemStorage, Storage
from django.utils.functional import LazyObject, empty
from storages.backends.s3 import S3Storage

from .errors import BackupError

CHUNK = 1024 * 1024
# One thread, parts read in order: the digest is computed on the stream as boto3 reads it.
SEQUENTIAL_TRANSFER = TransferConfig(use_threads=False)


@dataclass(frozen=True)
class Digest:
    size: int
    sha256: str


class HashingReader:
    """A readable stream that hashes what is read through it."""

    def __init__(self, raw: BinaryIO):
        self.raw = raw
        self.size = 0
        self._hash = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.size += len(data)
        self._hash.update(data)
        return data

    def digest(self) -> Digest:
        return Digest(self.size, self._hash.hexdigest())


def safe_name(name: str) -> str:
    """A relative name that cannot leave its folder (names come from database rows)."""
    normal = posixpath.normpath(name.replace("\\", "/"))
    if not name or normal.startswith(("/", "../")) or normal in {".", ".."}:
        raise BackupError(f"Refusing the file name {name!r}: it points outside its folder.")
    return normal


class Store(Protocol):
    def describe(self) -> str: ...
    def open(self, name: str) -> BinaryIO: ...
    def write(self, name: str, stream: BinaryIO) -> Digest: ...
    def names(self) -> Iterator[str]: ...
    def delete_all(self) -> None: ...


@dataclass(frozen=True)
class LocalStore:
    root: Path

    def describe(self) -> str:
        return f"folder {self.root}"

    def path(self, name: str) -> Path:
        return self.root / safe_name(name)

    def open(self, name: str) -> BinaryIO:
        return self.path(name).open("rb")  # FileNotFoundError when it is not there

    def write(self, name: str, stream: BinaryIO) -> Digest:
        path = self.path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        reader = HashingReader(stream)
        with path.open("wb") as out:
            shutil.copyfileobj(reader, out, CHUNK)
            out.flush()
            # On disk before the backup is called complete: a power cut must not leave a manifest that lies.
            os.fsync(out.fileno())
        return reader.digest()

    def names(self) -> Iterator[str]:
        if not self.root.is_dir():
            return
        for folder, _dirs, files in os.walk(self.root):
            for file in files:
                yield Path(folder, file).relative_to(self.root).as_posix()

    def delete_all(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


@dataclass(frozen=True)
class S3Store:
    client: object  # a boto3 S3 client
    bucket: str
    prefix: str = ""
    # What an upload of `name` carries (Content-Type, Cache-Control, ACL), as the storage would set it.
    parameters: Callable[[str], dict] | None = None

    def describe(self) -> str:
        endpoint = self.client.meta.endpoint_url
        return f"bucket '{self.bucket}' at {endpoint}" + (f", prefix '{self.prefix}/'" if self.prefix else "")

    def key(self, name: str) -> str:
        name = safe_name(name)
        return f"{self.prefix}/{name}" if self.prefix else name

    def open(self, name: str) -> BinaryIO:
        try:
            return self.client.get_object(Bucket=self.bucket, Key=self.key(name))["Body"]
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in {"NoSuchKey", "404"}:
                raise FileNotFoundError(f"{self.describe()}: no object {name!r}") from error
            raise

    def write(self, name: str, stream: BinaryIO) -> Digest:
        reader = HashingReader(stream)
        extra = self.parameters(name) if self.parameters else None
        self.client.upload_fileobj(
            reader, self.bucket, self.key(name), ExtraArgs=extra, Config=SEQUENTIAL_TRANSFER
        )
        return reader.digest()

    def names(self) -> Iterator[str]:
        start = f"{self.prefix}/" if self.prefix else ""
        for page in self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=start):
            for item in page.get("Contents", []):
                yield item["Key"][len(start) :]

    def delete_all(self) -> None:
        keys = [self.key(name) for name in self.names()]
        for start in range(0, len(keys), 1000):  # the most one DeleteObjects request takes
            batch = [{"Key": key} for key in keys[start : start + 1000]]
            self.client.delete_objects(Bucket=self.bucket, Delete={"Objects": batch, "Quiet": True})


def store_for_storage(storage: Storage) -> Store:
    """The folder or bucket (and prefix) behind one of Django's storages."""
    if isinstance(storage, LazyObject):  # default_storage, media.storage.rendition_storage
        if storage._wrapped is empty:
            storage._setup()
        storage = storage._wrapped
    if isinstance(storage, S3Storage):
        return S3Store(
            storage.connection.meta.client,
            storage.bucket_name,
            storage.location.strip("/"),
            # The parameters django-storages' own save sends (Content-Type, Cache-Control of renditions, ACL), from
            # the method its _save calls (private in django-storages 1.14, hence used in this one place): a
            # restored document opens as a PDF, a restored rendition is cached as a fresh one would be.
            parameters=lambda name: storage._get_write_parameters(name),
        )
    if isinstance(storage, FileSystemStorage):
        return LocalStore(Path(storage.location))
    raise BackupError(
        f"Backups cannot copy files from a {type(storage).__name__}: only local folders and S3."
    )
