"""Make the named renditions that are missing, for every image, in batches: the release step, and after a restore.

Idempotent: an image whose renditions all exist costs no write, so a second run only reads. Used by
`manage.py renditions_fill` and `manage.py release` (operations); images saved later get theirs from
media.tasks.image_renditions_create as before.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from wagtail.images import get_image_model
from wagtail.images.models import Filter, SourceImageIOError

from media.renditions import rendition_spec, rendition_specs
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
    """Create the missing renditions of `names` (all named renditions by default) for every image."""
    filters = [
        Filter(spec=spec) for spec in dict.fromkeys(rendition_spec(n) for n in names or rendition_specs())
    ]
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
