"""Make the named renditions that are missing, for every image, in batches: the release step, and after a restore.

Idempotent: an image whose renditions all exist costs no write, so a second run only reads. Used by
`manage.py renditions_fill` and `manage.py release` (operations); images saved later get theirs from
media.tasks.image_renditions_create as before, and renditions a read found missing are made by
media.tasks.renditions_make (`renditions_fill_specs`).
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from wagtail.images import get_image_model
from wagtail.images.exceptions import InvalidFilterSpecError
from wagtail.images.models import Filter, SourceImageIOError

from media.renditions import ORIGINAL_SPEC, rendition_spec, rendition_specs
from media.storage import STORAGE_ERRORS

logger = logging.getLogger(__name__)


@dataclass
class FillResult:
    images: int = 0
    created: int = 0
    failed: list[int] = field(default_factory=list)  # ids of images whose renditions could not be made


def renditions_fill(
    *,
    names: list[str] | None = None,
    batch_size: int = 100,
    progress: Callable[[FillResult], None] | None = None,
) -> FillResult:
    """Create the missing renditions of `names` (by default all named renditions, and the full-size public copy
    the API's `Image.url` and every missing rendition fall back to) for every image."""
    specs = [rendition_spec(n) for n in names] if names else [*rendition_specs().values(), ORIGINAL_SPEC]
    filters = [Filter(spec=spec) for spec in dict.fromkeys(specs)]
    specs = [f.spec for f in filters]
    images = get_image_model().objects.order_by("pk")
    result, last = FillResult(), 0
    while batch := list(images.filter(pk__gt=last).prefetch_renditions(*specs)[:batch_size]):
        for image in batch:
            missing = [f for f in filters if f not in image.find_existing_renditions(*filters)]
            if missing:
                try:
                    result.created += len(image.get_renditions(*missing))
                except (SourceImageIOError, *STORAGE_ERRORS):
                    logger.warning("Could not make renditions of image %s", image.pk, exc_info=True)
                    result.failed.append(image.pk)
        result.images += len(batch)
        last = batch[-1].pk
        if progress is not None:
            progress(result)
    return result


def renditions_fill_specs(image_id: int, specs: list[str]) -> int:
    """Make the renditions `specs` of one image that do not exist yet; how many were made. Never raises for one
    that cannot be made (original gone, store down, a spec Wagtail refuses): logged, and the others are made."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:  # deleted since the read
        return 0
    made = 0
    for spec in dict.fromkeys(specs):
        try:
            filter = image.clean_filter_for_svg(Filter(spec=spec))
            if not image.find_existing_renditions(filter):
                image.create_rendition(filter)
                made += 1
        except (SourceImageIOError, InvalidFilterSpecError, *STORAGE_ERRORS):
            logger.warning("Could not make rendition %s of image %s", spec, image_id, exc_info=True)
    return made
