"""Is the media store working? The probe behind `manage.py check_storage`, for operators and deploy scripts."""

import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages
from storages.backends.s3 import S3Storage

from media.storage import STORAGE_ERRORS, rendition_storage

PROBE_FOLDER = "_check_storage"
HTTP_TIMEOUT = 10


@dataclass(frozen=True)
class CheckStep:
    store: str
    name: str
    ok: bool
    detail: str


def _describe(storage: Storage) -> str:
    if isinstance(storage, S3Storage):
        where = storage.endpoint_url or "AWS S3"
        prefix = f", prefix '{storage.location}/'" if storage.location else ""
        return f"bucket '{storage.bucket_name}' at {where}{prefix}"
    return f"folder {getattr(storage, 'location', '?')}"


def _http_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=HTTP_TIMEOUT) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _without_query(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(query=""))


def _store_check(label: str, storage: Storage, *, public: bool, check_urls: bool) -> list[CheckStep]:
    steps = []

    def step(name, ok, detail):
        steps.append(CheckStep(label, name, ok, detail))
        return ok

    if isinstance(storage, S3Storage):
        try:
            storage.connection.meta.client.head_bucket(Bucket=storage.bucket_name)
        except STORAGE_ERRORS as error:
            step("reachable", False, f"{_describe(storage)}: {error}")
            return steps
        step("reachable", True, _describe(storage))
    else:
        step("reachable", True, _describe(storage))

    payload = f"check_storage probe {uuid.uuid4()}".encode()
    try:
        name = storage.save(f"{PROBE_FOLDER}/{uuid.uuid4().hex}.txt", ContentFile(payload))
    except STORAGE_ERRORS as error:
        step("write", False, str(error))
        return steps
    step("write", True, name)

    try:
        with storage.open(name, "rb") as probe:
            content = probe.read()
        step("read", content == payload, "content matches" if content == payload else "content differs")
    except STORAGE_ERRORS as error:
        step("read", False, str(error))

    if check_urls:
        try:
            url = storage.url(name)
            status = _http_status(url)
            step("url", status == 200, f"GET {_without_query(url)} -> {status}")
            if not public and isinstance(storage, S3Storage):
                # The same object without its signature must be refused, or documents are public.
                status = _http_status(_without_query(url))
                step("private", status in (401, 403), f"GET without signature -> {status} (expected 403)")
        except (OSError, ValueError) as error:
            step("url", False, str(error))

    try:
        storage.delete(name)
        gone = not storage.exists(name)
        step("delete", gone, "probe removed" if gone else "probe still there after delete")
    except STORAGE_ERRORS as error:
        step("delete", False, str(error))
    return steps


def storage_check(*, check_urls: bool = False) -> list[CheckStep]:
    """Write, read and delete a probe object in each media store (originals/documents, then renditions)."""
    steps = _store_check("files", storages["default"], public=False, check_urls=check_urls)
    steps += _store_check("renditions", rendition_storage, public=True, check_urls=check_urls)
    return steps
