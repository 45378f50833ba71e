"""Renditions clients may ask for: media.renditions' named renditions, the allow-list the API shares with the
newsletter and social posts, so no client can make us create (and store) an image of every size it invents.

A client names a rendition (`card`) or gives the filter spec of an allowed one (`fill-800x450|format-webp`, or a
raw spec a deployment allows with MEDIA_ALLOWED_FILTER_SPECS).
"""

import re

from graphql_api.conf import api_setting
from graphql_api.errors import ApiError, ErrorCode
from media.renditions import ORIGINAL_SPEC, filter_spec_is_allowed, rendition_get, rendition_specs

ORIGINAL_ATTR = "_api_original_rendition"

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


_NOT_MADE = object()


def original_rendition(image):
    """The public full-size rendition of an image; the loader prefetches renditions, so no query.

    None when it has not been made yet (a read never makes one: media/renditions.py): the API then answers with no
    URL, and the task the miss enqueued makes it.
    """
    rendition = getattr(image, ORIGINAL_ATTR, None)
    if rendition is None:
        rendition = rendition_get(image, ORIGINAL_SPEC)
        setattr(image, ORIGINAL_ATTR, _NOT_MADE if rendition is None else rendition)
    return None if rendition is _NOT_MADE else rendition


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
