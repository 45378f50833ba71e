from django.apps import AppConfig


class AssociationsConfig(AppConfig):
    name = "associations"
    label = "associations"
    verbose_name = "Associations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signal_handlers  # noqa: F401  (connects the receivers)
