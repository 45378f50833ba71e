from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "media"
    label = "media"
    verbose_name = _("Media library")

    def ready(self):
        from django.db.models.signals import post_delete, post_save, pre_save
        from wagtail.images import get_image_model
        from wagtail.models import CollectionViewRestriction

        from media import checks  # noqa: F401 - registers the system checks
        from media import signal_handlers as handlers

        image = get_image_model()
        post_save.connect(
            handlers.image_saved_renditions_create, sender=image, dispatch_uid="media_image_renditions_create"
        )
        pre_save.connect(handlers.image_collection_remembered, sender=image, dispatch_uid="media_image_collection")
        post_save.connect(handlers.image_collection_changed, sender=image, dispatch_uid="media_image_collection")
        for signal in (post_save, post_delete):
            signal.connect(
                handlers.collection_privacy_changed,
                sender=CollectionViewRestriction,
                dispatch_uid=f"media_collection_privacy_{signal is post_save}",
            )
