"""Signal handlers of the media app, connected in MediaConfig.ready()."""

from django.conf import settings
from django.db import transaction

from media.tasks import image_renditions_create

# Saving only these fields never changes what a rendition looks like (Wagtail saves them on their own).
_FIELDS_WITHOUT_VISUAL_EFFECT = {"file_size", "file_hash"}


def image_saved_renditions_create(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not getattr(settings, "MEDIA_PREGENERATE_RENDITIONS", True):
        return
    if update_fields is not None and set(update_fields) <= _FIELDS_WITHOUT_VISUAL_EFFECT:
        return
    image_id = instance.pk
    transaction.on_commit(lambda: image_renditions_create.enqueue(image_id))
