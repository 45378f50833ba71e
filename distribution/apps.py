from django.apps import AppConfig


class DistributionConfig(AppConfig):
    """Feeds, structured data, social channels with their outbox, and publish webhooks.

    Reads content_models and media; nothing else imports it except the API, which calls its services.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "distribution"
    verbose_name = "Distribution"
