from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssociationsConfig(AppConfig):
    name = "associations"
    label = "associations"
    verbose_name = _("Associations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import publishing, signal_handlers  # noqa: F401  (connects the receivers)
