from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "media"
    label = "media"
    verbose_name = _("Media library")

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.images import get_image_model

        from media import checks  # noqa: F401 - registers the system checks
        from media.signal_handlers import image_saved_renditions_create

        post_save.connect(
            image_saved_renditions_create,
            sender=get_image_model(),
            dispatch_uid="media_image_renditions_create",
        )
