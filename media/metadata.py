"""Public image files carry pixels, not the camera's notes: every rendition is written without metadata.

A phone photo holds its GPS position, the camera and lens, the owner's name, dates, editing history (EXIF, XMP,
IPTC, comments, PNG text chunks). Willow copies EXIF into JPEG and PNG renditions, and Pillow copies XMP and
comments from the source image; renditions are public (and the API's full-size `url` is the `original` rendition).

`PublicFilter` is Wagtail's Filter with one more step after the spec's own operations: the image keeps only what
shapes its pixels on screen (the colour profile, transparency, animation timing) and drops everything else, so
nothing reaches the encoder. Orientation is already applied by then (Wagtail's auto_orient turns the pixels and
clears the tag), so dropping EXIF cannot turn a photo on its side. CustomImage.generate_rendition_file swaps it in,
as Wagtail's documentation suggests for changing what renditions keep.

The private original stays as uploaded (see docs/media.md, "Decisions").
"""

from wagtail.images.image_operations import FilterOperation
from wagtail.images.models import Filter
from willow.plugins.pillow import PillowImage

# Image.info keys that change how the pixels look or move; anything else in Image.info is metadata.
RENDERING_INFO = frozenset({"icc_profile", "transparency", "duration", "loop", "background", "disposal", "gamma"})


class MetadataStripOperation(FilterOperation):
    def construct(self):
        pass

    def run(self, willow, image, env):
        if not isinstance(willow, PillowImage):
            return willow  # SVG (no raster metadata) or a backend we do not use
        info = willow.image.info
        for key in [key for key in info if key not in RENDERING_INFO]:
            del info[key]
        # Pillow also caches the parsed EXIF on the image object; an encoder asking for it must find nothing.
        willow.image._exif = None
        return willow


class PublicFilter(Filter):
    """Wagtail's Filter for `spec`, writing files without metadata."""

    @property
    def filter_operations(self):
        return [*super().filter_operations, MetadataStripOperation("strip-metadata")]
