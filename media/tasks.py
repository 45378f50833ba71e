"""Background work on media, through django-tasks (immediate in development, `manage.py db_worker` in production)."""

import ctypes

from django_tasks import task
from wagtail.images import get_image_model
from wagtail.images.models import Filter, SourceImageIOError

from media.renditions import image_renditions_get, rendition_specs
from media.renditions_fill import renditions_fill_specs
from media.storage import STORAGE_ERRORS

# The sizes Wagtail's admin shows an image at: listings and choosers, the edit page, the edit page's link to the
# file, the "already uploaded" warning. Made here too, so an editor opening (or uploading again) a recent image
# finds them instead of waiting while the web worker decodes a 39-megapixel original (15 s on a busy 2-core
# machine, benchmarks/results/image_upload.md).
ADMIN_FILTER_SPECS = ("max-165x165", "max-800x600", "original", "max-150x150")


@task()
def image_renditions_create(image_id: int) -> list[str]:
    """Make every named rendition of an image ahead of time, so no API request, newsletter or admin page has to."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:  # deleted before the task ran
        return []
    # One at a time: Wagtail makes several renditions in three threads, each decoding the original, which took
    # a worker past 1 GB for a 39-megapixel PNG; in turn, the peak is one decoded original.
    made = [name for name in rendition_specs() if image_renditions_get(image, name)]
    for spec in ADMIN_FILTER_SPECS:
        try:
            image.get_rendition(Filter(spec=spec))
        except (SourceImageIOError, *STORAGE_ERRORS):
            break  # the admin makes them when it shows the image, as it would have without this task
    heap_give_back()
    return made


@task()
def renditions_make(missing: list[list]) -> int:
    """Make the renditions reads found missing ([image id, filter spec] pairs, media/rendition_misses.py)."""
    by_image: dict[int, list[str]] = {}
    for image_id, spec in missing:
        by_image.setdefault(int(image_id), []).append(spec)
    made = sum(renditions_fill_specs(image_id, specs) for image_id, specs in by_image.items())
    heap_give_back()
    return made


def heap_give_back() -> None:
    """Return the heap the decoded originals freed to the system.

    glibc keeps freed memory for reuse; after the renditions of a 39-megapixel PNG, a task worker stayed 158 MB
    larger for good, and `malloc_trim` gave all of it back (308 -> 155 MB, benchmarks/results/image_upload.md).
    Nothing to do where the C library is not glibc.
    """
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return
    libc.malloc_trim(0)
