"""Background work on media, through django-tasks (immediate in development, `manage.py db_worker` in production)."""

from django_tasks import task
from wagtail.images import get_image_model

from media.renditions import image_renditions_get, rendition_specs


@task()
def image_renditions_create(image_id: int) -> list[str]:
    """Make every named rendition of an image ahead of time, so no API request or newsletter has to."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:  # deleted before the task ran
        return []
    return list(image_renditions_get(image, *rendition_specs()))
