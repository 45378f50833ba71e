"""Renditions clients may ask for: media.renditions' named renditions, the allow-list the API shares with the
newsletter and social posts, so no client can make us create (and store) an image of every size it invents.

A client names a rendition (`card`) or gives the filter spec of an allowed one (`fill-800x450|format-webp`, or a
raw spec a deployment allows with MEDIA_ALLOWED_FILTER_SPECS).
"""

import re
from functools import lru_cache

from wagtail.images.models import Filter

from graphql_api.conf import api_setting
from graphql_api.errors import ApiError, ErrorCode
from media.renditions import filter_spec_is_allowed, rendition_specs

# Wagtail's no-op filter: the whole image at its own size, re-encoded (so without its camera metadata) into the
# public renditions storage. `Image.url` serves it: originals are private, and with S3 their signed URLs expire.
ORIGINAL_SPEC = "original"
ORIGINAL_ATTR = "_api_original_rendition"
INDEX_ATTR = "_api_renditions"

_RESIZE = re.compile(r"^(?P<op>width|fill|max|min)-(?P<width>\d+)(?:x(?P<height>\d+))?(?P<rest>(?:-c\d+)?)$")


def check_filter(name_or_spec: str) -> str:
    """The filter spec of a rendition name or of an allowed spec; anything else is RENDITION_FILTER_NOT_ALLOWED."""
    named = rendition_specs()
    if name_or_spec in named:
        return named[name_or_spec]
    if filter_spec_is_allowed(name_or_spec):
        return name_or_spec
    raise ApiError(
        ErrorCode.RENDITION_FILTER_NOT_ALLOWED,
        f"Rendition {name_or_spec!r} is not allowed; ask for one of: {', '.join(named)}.",
    )


@lru_cache(maxsize=512)  # specs come from the allow-list (and srcset widths), so they are few
def _filter(spec: str) -> Filter:
    return Filter(spec=spec)


def rendition_get(image, spec: str):
    """image.get_rendition(spec), answered from the renditions the loader prefetched when they hold it.

    Why not get_rendition alone: for a rendition it already has, Wagtail still parses the filter spec (its
    operations are built through `inspect`) and writes the rendition to the rendition cache, pickled, on every
    call: most of the CPU of a list of 50 cards. Here the filter is parsed once per spec and the prefetched
    renditions are indexed once per image; anything else (an SVG, a rendition not made yet) goes to Wagtail.
    """
    index = getattr(image, INDEX_ATTR, None)
    if index is None:
        prefetched = getattr(image, "_prefetched_objects_cache", {}).get("renditions")
        if prefetched is None or image.is_svg():
            return image.get_rendition(spec)
        index = {(rendition.filter_spec, rendition.focal_point_key): rendition for rendition in prefetched}
        setattr(image, INDEX_ATTR, index)
    filter = _filter(spec)
    rendition = index.get((spec, filter.get_cache_key(image)))
    if rendition is None:
        rendition = image.get_rendition(filter)
        index[(rendition.filter_spec, rendition.focal_point_key)] = rendition
    return rendition


def original_rendition(image):
    """The public full-size rendition of an image, made once; the loader prefetches renditions, so no query."""
    rendition = getattr(image, ORIGINAL_ATTR, None)
    if rendition is None:
        rendition = rendition_get(image, ORIGINAL_SPEC)
        setattr(image, ORIGINAL_ATTR, rendition)
    return rendition


def srcset_specs(name_or_spec: str, widths: list[int] | None) -> dict[int, str]:
    """The filter spec for each width of a srcset, derived from an allowed rendition by scaling its resize step.

    `card` (`fill-800x450|format-webp`) at 640 becomes `fill-640x360|format-webp`; a spec without a resize step
    (`format-webp`) gets `width-640|format-webp`. Widths come from an allow-list too, so the renditions one image
    can have are bounded.
    """
    spec = check_filter(name_or_spec)
    allowed_widths = api_setting("SRCSET_WIDTHS")
    widths = widths if widths is not None else allowed_widths
    refused = [width for width in widths if width not in allowed_widths]
    if refused or not widths:
        raise ApiError(
            ErrorCode.RENDITION_FILTER_NOT_ALLOWED,
            f"srcset widths must be among {allowed_widths}; refused: {refused or 'an empty list'}.",
        )
    operations = spec.split("|")
    match = _RESIZE.match(operations[0])
    specs = {}
    for width in dict.fromkeys(widths):
        if match is None:
            specs[width] = "|".join([f"width-{width}", *operations])
            continue
        if match["op"] == "width" or match["height"] is None:
            resize = f"{match['op']}-{width}"
        else:
            height = round(int(match["height"]) * width / int(match["width"]))
            resize = f"{match['op']}-{width}x{height}{match['rest']}"
        specs[width] = "|".join([resize, *operations[1:]])
    return specs
