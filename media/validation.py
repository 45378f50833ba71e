"""What an uploaded document must really be, whatever its name says.

Wagtail checks the extension (WAGTAILDOCS_EXTENSIONS) and the size; here the content is checked against the
extension, so a program renamed ``leaflet.pdf`` is refused. Images need nothing of this: Wagtail's image field
opens every upload with Willow and refuses a file whose format differs from its extension, too big, or with too
many pixels (WAGTAILIMAGES_MAX_UPLOAD_SIZE, WAGTAILIMAGES_MAX_IMAGE_PIXELS, which also stops decompression bombs).
"""

import os
import zipfile
from collections.abc import Callable
from typing import IO

import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HEAD_SIZE = 8192

DOCUMENT_KINDS = {
    "pdf": _("PDF"),
    "docx": _("Word document"),
    "xlsx": _("Excel workbook"),
    "odt": _("OpenDocument text"),
    "ods": _("OpenDocument spreadsheet"),
    "rtf": _("RTF document"),
    "csv": _("CSV file"),
    "txt": _("text file"),
}


def _zip_member_names(file: IO[bytes]) -> set[str]:
    # Only the archive's directory is read, never its members: a zip bomb costs nothing here.
    try:
        with zipfile.ZipFile(file) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return set()


def _opendocument(mimetype: bytes) -> Callable[[IO[bytes], bytes], bool]:
    def check(file, head):
        if not head.startswith(b"PK\x03\x04"):
            return False
        try:
            with zipfile.ZipFile(file) as archive, archive.open("mimetype") as member:
                # ODF names its type in a tiny "mimetype" member; a few bytes are all we read.
                return member.read(len(mimetype) + 1).strip() == mimetype
        except (zipfile.BadZipFile, KeyError, OSError, ValueError):
            return False

    return check


def _ooxml(main_part: str) -> Callable[[IO[bytes], bytes], bool]:
    def check(file, head):
        if not head.startswith(b"PK\x03\x04"):
            return False
        names = _zip_member_names(file)
        return "[Content_Types].xml" in names and main_part in names

    return check


def _text(file, head):
    return b"\x00" not in head and filetype.guess(head) is None


CONTENT_CHECKS: dict[str, Callable[[IO[bytes], bytes], bool]] = {
    "pdf": lambda file, head: head.startswith(b"%PDF-"),
    "rtf": lambda file, head: head.startswith(b"{\\rtf"),
    "docx": _ooxml("word/document.xml"),
    "xlsx": _ooxml("xl/workbook.xml"),
    "odt": _opendocument(b"application/vnd.oasis.opendocument.text"),
    "ods": _opendocument(b"application/vnd.oasis.opendocument.spreadsheet"),
    "csv": _text,
    "txt": _text,
}


def document_file_validate(file) -> None:
    """Refuse a document whose content is not what its extension says. Extensions we have no check for pass."""
    extension = os.path.splitext(file.name or "")[1].lower().lstrip(".")
    check = CONTENT_CHECKS.get(extension)
    if check is None:
        return
    file.seek(0)
    head = file.read(HEAD_SIZE)
    try:
        file.seek(0)
        valid = check(file, head)
    finally:
        file.seek(0)
    if valid:
        return
    actual = filetype.guess(head)
    if actual is not None and actual.extension != extension:
        raise ValidationError(
            _(
                "This file is not a real %(kind)s: its name ends in .%(extension)s but its content is a "
                ".%(actual)s file. Upload the original document, or save it again as %(kind)s."
            ),
            code="document_content_mismatch",
            params={"kind": DOCUMENT_KINDS[extension], "extension": extension, "actual": actual.extension},
        )
    raise ValidationError(
        _(
            "This file is not a valid %(kind)s, although its name ends in .%(extension)s. It may be damaged: "
            "save it again from the program that made it and upload it once more."
        ),
        code="document_content_invalid",
        params={"kind": DOCUMENT_KINDS[extension], "extension": extension},
    )
