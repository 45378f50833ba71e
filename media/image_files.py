"""An uploaded image read without decoding it: its size from the header, its integrity at a bounded cost.

Wagtail asks Willow for an image's size, and Willow decodes the whole image to answer. Uploading a 39-megapixel
PNG decoded it three times in the web worker (the form's pixel check, then the dimension update of each save of
the file field): 6.6 s and a peak 170 MB over the worker's size, part of which glibc may keep for good (issue 14
saw 234 MB). Now 0.27 s and 19 MB (benchmarks/results/image_upload.md). Here the size comes from the header
(Pillow opens files lazily), and the check that the file is not broken costs little:

- PNG: every chunk's CRC is checked (`Image.verify()`), nothing is decoded;
- JPEG: decoded at an eighth of its size (`Image.draft()`, the decoder's own scaling), which reads every byte;
- other formats (GIF, WebP, AVIF: rarely that large) are decoded, as Wagtail did.

Renditions, which must decode, are made by a task (media/tasks.py), in the task worker.
"""

from dataclasses import dataclass

from PIL import Image as PILImage
from wagtail.images.models import WagtailImageFieldFile

# What a broken or forged file raises while being read (Pillow uses all of them).
IMAGE_READ_ERRORS = (OSError, SyntaxError, ValueError, EOFError, PILImage.DecompressionBombError)


@dataclass(frozen=True)
class ImageHeader:
    width: int
    height: int
    frames: int
    format: str  # Pillow's name: "PNG", "JPEG", ...

    @property
    def pixels(self) -> int:
        return self.width * self.height * self.frames


def image_header(file) -> ImageHeader:
    """The size an image file declares; raises IMAGE_READ_ERRORS (DecompressionBombError past Pillow's limit)."""
    file.seek(0)
    try:
        with PILImage.open(file) as header:  # lazy: reads the header, decodes nothing
            return ImageHeader(header.width, header.height, getattr(header, "n_frames", 1), header.format or "")
    finally:
        file.seek(0)


def image_integrity_check(file, image_format: str) -> None:
    """Raise IMAGE_READ_ERRORS when the file is broken (truncated, damaged), without a full decode where we can."""
    file.seek(0)
    try:
        with PILImage.open(file) as image:
            if image_format == "PNG":
                image.verify()
            elif image_format == "JPEG":
                image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
                image.load()
            else:
                image.load()
    finally:
        file.seek(0)


class HeaderSizedImageFieldFile(WagtailImageFieldFile):
    """Wagtail's field file, with its dimensions read from the header (the same numbers: tested)."""

    def get_image_dimensions(self):
        close = self.closed
        try:
            self.open()
            header = image_header(self)
        except IMAGE_READ_ERRORS:
            return super().get_image_dimensions()  # whatever Wagtail makes of a file Pillow cannot open lazily
        finally:
            if close:
                self.close()
        return header.width, header.height
