"""Where editions and booklets live: the public media store (S3's public prefix when configured, MEDIA_ROOT
otherwise), under `print/`.

A file is written whole before any row points at it, and a row is the only way anyone learns a file's name:
nothing half-written is ever served. Names carry the subject, language, format, revision and fingerprint, so a new
revision never overwrites, or is served as, an older file; files an edition no longer uses are deleted once the
row that replaced them has committed.
"""

import logging
import secrets

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify

from media.storage import STORAGE_ERRORS, rendition_storage

logger = logging.getLogger(__name__)

PREFIX = "print"


def print_storage():
    return rendition_storage


def edition_file_name(*, subject: str, slug: str, key: str, revision_id: int | None, fingerprint: str) -> str:
    """print/page-123/corsi-di-italiano-ar-a4-r456-3fa9c1d2.pdf"""
    revision = f"-r{revision_id}" if revision_id else ""
    return f"{PREFIX}/{subject}/{slugify(slug)[:60] or 'edition'}-{key}{revision}-{fingerprint[:10]}.pdf"


def booklet_file_name(*, booklet_id: int, title: str) -> str:
    """A fresh, unguessable name per build: booklets are not listed anywhere public."""
    return f"{PREFIX}/booklets/{booklet_id}/{slugify(title)[:60] or 'booklet'}-{secrets.token_hex(6)}.pdf"


def pdf_save(name: str, pdf: bytes) -> str:
    """Store the PDF; returns the name the store used. Raises one of STORAGE_ERRORS when the store is down."""
    return print_storage().save(name, ContentFile(pdf))


def pdf_url(name: str) -> str:
    return print_storage().url(name)


def pdf_delete_on_commit(name: str) -> None:
    """Delete a file the database no longer points at, once that is committed (a rollback keeps it)."""
    if name:
        transaction.on_commit(lambda: pdf_delete(name))


def pdf_delete(name: str) -> None:
    try:
        print_storage().delete(name)
    except STORAGE_ERRORS:
        # Orphans are harmless (nothing points at them) and `print_editions --sweep` removes them.
        logger.warning("Could not delete %s from the print store", name, exc_info=True)
