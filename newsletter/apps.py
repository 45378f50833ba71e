from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Newsletter")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .permissions import newsletter_editors_after_migrate

        post_migrate.connect(newsletter_editors_after_migrate, sender=self, dispatch_uid="newsletter.editors_group")
