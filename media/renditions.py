"""Named image renditions, shared by the API, the newsletter, social posts and print: one place to change a size.

A rendition is asked for by name (``"card"``), never by a filter spec typed at the call site, so every consumer
gets the same files and a size changes here once. A deployment may add names with ``MEDIA_RENDITION_SPECS`` and
extra raw specs the API may accept with ``MEDIA_ALLOWED_FILTER_SPECS``.

Lists must prefetch what they show, or each image costs a query::

    images_prefetch_renditions(CustomImage.objects.filter(...), "card", "social")
    # same as CustomImage.objects.filter(...).prefetch_renditions("fill-800x450|format-webp", ...)

A rendition's URL is built from the row Wagtail stores (no request to the store), so already-made renditions keep
being served when the object store is down.

A public read never makes a rendition (docs/media.md, "Renditions are made ahead of reads"): inside
`renditions_read_only()` (every request outside the admin, media.middleware) a missing rendition is not created:
the functions here answer without it and note the miss (media.rendition_misses), which a background thread hands
to a task after the request. Everywhere else (tasks, commands, the admin) they make what is missing, as before.
"""

import contextlib
import contextvars
import logging
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from django.conf import settings
from django.db.models import QuerySet
from wagtail.images.models import AbstractImage, AbstractRendition, Filter, SourceImageIOError

from media.rendition_misses import rendition_missed
from media.storage import STORAGE_ERRORS

logger = logging.getLogger(__name__)

RENDITION_INDEX_ATTR = "_media_renditions_index"  # on an image: its prefetched renditions, by spec

DEFAULT_RENDITION_SPECS: Mapping[str, str] = MappingProxyType(
    {
        # Lists and search results (4:3).
        "thumbnail": "fill-400x300|format-webp",
        # Cards in grids and carousels (16:9).
        "card": "fill-800x450|format-webp",
        # An image in the body of a page: keeps its proportions, never upscaled.
        "content": "max-1200x1200|format-webp",
        # Wide banner at the top of a page.
        "hero": "fill-1920x720|format-webp",
        # Open Graph / social posts: 1.91:1 as the platforms crop it; JPEG because link previews on some
        # platforms still refuse WebP.
        "social": "fill-1200x630|format-jpeg|jpegquality-85",
        # Newsletter: shown 600 px wide, made at 2x for sharp screens; JPEG because Outlook for Windows does not
        # render WebP.
        "newsletter": "width-1200|format-jpeg|jpegquality-80",
        # Printed editions: 170 dpi across the full width of A4 text, more in a column; the original's own format,
        # so a JPEG photo is embedded in the PDF as it is and a logo keeps its transparency.
        "print": "max-1200x1200",
    }
)


class _ReadScope:
    __slots__ = ("missed",)

    def __init__(self):
        self.missed = False


_read_scope: contextvars.ContextVar[_ReadScope | None] = contextvars.ContextVar("renditions_read", default=None)


@contextlib.contextmanager
def renditions_read_only():
    """Inside the block, missing renditions are noted for a background task instead of being made (no writes)."""
    token = _read_scope.set(_ReadScope())
    try:
        yield
    finally:
        _read_scope.reset(token)


def renditions_missed_here() -> bool:
    """Whether a read in this block found a rendition missing and answered without it: what it built must not go
    into a cache that would outlive the miss (the API's responses, feeds, the web view)."""
    scope = _read_scope.get()
    return scope is not None and scope.missed


# Wagtail's no-op filter: the whole image at its own size, re-encoded (so without its camera metadata) into the
# public renditions storage. The API's `Image.url` serves it (originals are private, and with S3 their signed URLs
# expire), and a read that finds a rendition missing falls back to it.
ORIGINAL_SPEC = "original"


class UnknownRenditionError(KeyError):
    """A rendition name that is not in the shared list (a typo, or a name a deployment removed)."""

    def __str__(self):
        return f"Unknown rendition {self.args[0]!r}; known renditions: {', '.join(rendition_specs())}"


def rendition_specs() -> dict[str, str]:
    """Every named rendition, name -> Wagtail filter spec: ours, plus those a deployment adds in settings."""
    return {**DEFAULT_RENDITION_SPECS, **getattr(settings, "MEDIA_RENDITION_SPECS", {})}


def rendition_spec(name: str) -> str:
    try:
        return rendition_specs()[name]
    except KeyError:
        raise UnknownRenditionError(name) from None


def allowed_filter_specs() -> frozenset[str]:
    """The filter specs a client may ask for: the named ones, plus the raw specs settings allow.

    Anything else is refused, so a client cannot make us generate (and store) an image for every size it invents.
    """
    return frozenset(rendition_specs().values()) | frozenset(
        getattr(settings, "MEDIA_ALLOWED_FILTER_SPECS", ())
    )


def filter_spec_is_allowed(spec: str) -> bool:
    return spec in allowed_filter_specs()


def images_prefetch_renditions(queryset: QuerySet, *names: str) -> QuerySet:
    """The queryset with the named renditions (all of them when no name is given) fetched in one extra query."""
    specs = [rendition_spec(name) for name in names] if names else list(rendition_specs().values())
    return queryset.prefetch_renditions(*specs)


def image_renditions_get(image: AbstractImage, *names: str) -> dict[str, AbstractRendition]:
    """The named renditions of an image, made (and stored) the first time they are asked for.

    When a missing rendition cannot be made (object store down, original file gone), or may not be made here (a
    public read), the renditions that already exist are still returned and the others are left out: callers serve
    what there is rather than fail.
    """
    specs = {name: rendition_spec(name) for name in names}
    filters = [Filter(spec=spec) for spec in dict.fromkeys(specs.values())]
    if _read_scope.get() is not None:
        by_spec = _existing(image, filters)
    else:
        try:
            by_spec = image.get_renditions(*filters)
        except (SourceImageIOError, *STORAGE_ERRORS):
            logger.warning("Could not make renditions %s of image %s", list(specs), image.pk, exc_info=True)
            by_spec = _existing(image, filters, note_misses=False)
    return {name: by_spec[spec] for name, spec in specs.items() if spec in by_spec}


def _existing(image, filters: list[Filter], *, note_misses: bool = True) -> dict[str, AbstractRendition]:
    """The renditions of `filters` that exist (prefetched, cached or one query): never a write."""
    found = {f.spec: rendition for f, rendition in image.find_existing_renditions(*filters).items()}
    if note_misses:
        for f in filters:
            if f.spec not in found:
                rendition_missed(image.pk, f.spec)
                if (scope := _read_scope.get()) is not None:
                    scope.missed = True
    return found


@lru_cache(maxsize=512)  # specs come from the allow-list (and srcset widths), so they are few
def _filter(spec: str) -> Filter:
    return Filter(spec=spec)


def rendition_get(image, spec: str) -> AbstractRendition | None:
    """image.get_rendition(spec), answered from the renditions prefetched with the image when they hold it.

    None only inside renditions_read_only(), for a rendition not made yet (its miss is noted).

    Why not get_rendition alone: for a rendition it already has, Wagtail still parses the filter spec (its
    operations are built through `inspect`) and writes the rendition to the rendition cache, pickled, on every
    call: most of the CPU of a list of 50 cards. Here the filter is parsed once per spec and the prefetched
    renditions are indexed once per image; anything else (an SVG, a rendition not made yet) goes to Wagtail.
    """
    index = getattr(image, RENDITION_INDEX_ATTR, None)
    if index is None:
        prefetched = getattr(image, "_prefetched_objects_cache", {}).get("renditions")
        if prefetched is None or image.is_svg():
            return _find_or_make(image, _filter(spec))
        index = {(rendition.filter_spec, rendition.focal_point_key): rendition for rendition in prefetched}
        setattr(image, RENDITION_INDEX_ATTR, index)
    filter = _filter(spec)
    rendition = index.get((spec, filter.get_cache_key(image)))
    if rendition is None:
        rendition = _find_or_make(image, filter)
        if rendition is not None:
            index[(rendition.filter_spec, rendition.focal_point_key)] = rendition
    return rendition


def _find_or_make(image, filter: Filter) -> AbstractRendition | None:
    if _read_scope.get() is None:
        return image.get_rendition(filter)
    filter = image.clean_filter_for_svg(filter)  # what get_rendition would look for (an SVG is never rasterised)
    return _existing(image, [filter]).get(filter.spec)
