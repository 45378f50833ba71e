"""Signal handlers of the media app, connected in MediaConfig.ready()."""

from django.conf import settings

from cms.tasks import task_enqueue

# Saving only these fields never changes what a rendition looks like (Wagtail saves them on their own).
_FIELDS_WITHOUT_VISUAL_EFFECT = {"file_size", "file_hash"}


def image_saved_renditions_create(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not getattr(settings, "MEDIA_PREGENERATE_RENDITIONS", True):
        return
    if update_fields is not None and set(update_fields) <= _FIELDS_WITHOUT_VISUAL_EFFECT:
        return
    task_enqueue("media.tasks.image_renditions_create", instance.pk)
