from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DistributionConfig(AppConfig):
    """Feeds, structured data, social channels with their outbox, and publish webhooks.

    Reads content_models and media; nothing else imports it except the API, which calls its services.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "distribution"
    verbose_name = _("Distribution")

    def ready(self):
        # Social outbox, publish webhooks and national portal follow page and snippet lifecycle signals.
        from . import checks  # noqa: F401  (registers the settings check)
        from .lifecycle import lifecycle_connect

        lifecycle_connect()
