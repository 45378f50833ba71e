"""Signal handlers of the media app, connected in MediaConfig.ready()."""

from django.conf import settings

from cms.tasks import task_enqueue
from media.privacy import collection_subtree_images, private_collection_ids, renditions_forget

# Saving only these fields never changes what a rendition looks like (Wagtail saves them on their own).
_FIELDS_WITHOUT_VISUAL_EFFECT = {"file_size", "file_hash"}


def image_saved_renditions_create(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not getattr(settings, "MEDIA_PREGENERATE_RENDITIONS", True):
        return
    if update_fields is not None and set(update_fields) <= _FIELDS_WITHOUT_VISUAL_EFFECT:
        return
    task_enqueue("media.tasks.image_renditions_create", instance.pk)


def collection_privacy_changed(sender, instance, raw=False, **kwargs):
    """A restriction added, changed or removed: the collection's images' renditions move (media/privacy.py)."""
    if raw:
        return
    collection = getattr(instance, "collection", None)
    if collection is not None:
        renditions_forget(collection_subtree_images(collection))


def image_collection_remembered(sender, instance, raw=False, **kwargs):
    instance._stored_collection_id = (
        None if raw or instance.pk is None
        else type(instance).objects.filter(pk=instance.pk).values_list("collection_id", flat=True).first()
    )


def image_collection_changed(sender, instance, created=False, raw=False, **kwargs):
    """An image moved to another collection: its renditions may belong elsewhere now (public or private)."""
    before = getattr(instance, "_stored_collection_id", None)
    if raw or created or before is None or before == instance.collection_id:
        return
    if (before in private_collection_ids()) != (instance.collection_id in private_collection_ids()):
        renditions_forget([instance])
