"""File names as the store will keep them: plain ASCII, no spaces, no folders."""

import re

from django.utils.text import slugify
from wagtail.coreutils import string_to_ascii

MAX_STEM_LENGTH = (
    60  # leaves room under FileField's 100 characters for the folder and a de-duplicating suffix
)


def filename_sanitise(filename: str) -> str:
    """A safe name for an uploaded file: ``"../Città d'arte  2024.JPG"`` -> ``"citta-darte-2024.jpg"``.

    Folders (and so any ``..``) are dropped, letters of any script are transliterated to ASCII (anyascii, as
    Wagtail does), everything else becomes a hyphen, and the extension is lower-cased. A name with nothing left
    becomes ``file``.
    """
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, extension = base.rpartition(".")
    if not dot or not stem:
        stem, extension = base, ""
    stem = slugify(string_to_ascii(stem))[:MAX_STEM_LENGTH].strip("-_") or "file"
    extension = re.sub(r"[^a-z0-9]", "", extension.lower())[:10]
    return f"{stem}.{extension}" if extension else stem
