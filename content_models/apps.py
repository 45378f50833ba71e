from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentModelsConfig(AppConfig):
    name = "content_models"
    verbose_name = _("Content")

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
        from .kernel.invalidation import invalidation_connect
        from .translation_editor import translation_editor_dates_localise

        translation_editor_dates_localise()
        invalidation_connect()
