"""Images a printed edition embeds, read from storage before typesetting.

WeasyPrint fetches nothing itself (see typesetting.py): every image is read here, once, into memory and named by
an `asset:` URL that says which file and which version of it, so the HTML of an edition (and its fingerprint)
changes exactly when a picture does. An image whose file is gone prints its alternative text in a box and is
reported; a store that does not answer is a fault to retry, never a reason to print boxes.
"""

import hashlib
import logging
from dataclasses import dataclass, field

from media.renditions import image_renditions_get
from media.storage import STORAGE_ERRORS

logger = logging.getLogger(__name__)

PRINT_RENDITION = "print"
ASSET_SCHEME = "asset:"


class StorageUnavailableError(RuntimeError):
    """The media store did not answer: the edition is tried again later, not printed without its images."""


@dataclass
class Assets:
    files: dict[str, bytes] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def image_url(self, image) -> str | None:
        """An `asset:` URL for the image's print rendition, or None when its file is missing from storage."""
        rendition = image_renditions_get(image, PRINT_RENDITION).get(PRINT_RENDITION)
        name = rendition.file.name if rendition is not None else None
        if rendition is None:
            self._missing_or_down(image)
            return None
        url = f"{ASSET_SCHEME}{name}?{image.file_hash or image.pk}"
        if url in self.files:
            return url
        try:
            with rendition.file.storage.open(name, "rb") as handle:
                self.files[url] = handle.read()
        except FileNotFoundError:
            self._report_missing(image)
            return None
        except STORAGE_ERRORS as error:
            if _is_missing_object(error):
                self._report_missing(image)
                return None
            raise StorageUnavailableError(f"Could not read image {image.pk}: {error}") from error
        return url

    def add(self, name: str, content: bytes) -> str:
        """A generated file (a logo of the programme, say) under a name derived from its bytes."""
        url = f"{ASSET_SCHEME}{name}?{hashlib.sha256(content).hexdigest()[:16]}"
        self.files[url] = content
        return url

    def _missing_or_down(self, image) -> None:
        """No rendition could be made: either the original is gone (report it) or the store is down (raise)."""
        try:
            exists = image.file.storage.exists(image.file.name)
        except STORAGE_ERRORS as error:
            raise StorageUnavailableError(f"Could not read image {image.pk}: {error}") from error
        if exists:
            # The original is there but could not be processed (a corrupt file): as good as missing for print.
            logger.warning("Image %s could not be resized for print", image.pk)
        self._report_missing(image)

    def _report_missing(self, image) -> None:
        logger.warning(
            "Image %s (%s) is missing from storage: printed as its alternative text",
            image.pk,
            image.file.name,
        )
        self.problems.append(f"image {image.pk} missing from storage")


def _is_missing_object(error) -> bool:
    """botocore's answer for an object that does not exist (the store itself is up)."""
    response = getattr(error, "response", None) or {}
    return str(response.get("Error", {}).get("Code")) in {"404", "NoSuchKey", "NotFound"}
