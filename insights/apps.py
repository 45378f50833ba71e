from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    """What readers look for and in which language, what we have not yet written or translated (docs/insights.md)."""

    name = "insights"
    verbose_name = _("Readers' needs")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
        from .groups import needs_analysts_after_migrate

        post_migrate.connect(needs_analysts_after_migrate, sender=self, dispatch_uid="insights.analysts_group")
