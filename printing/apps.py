from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import pgettext_lazy


class PrintingConfig(AppConfig):
    """Printed editions (leaflets, posters, help-desk cards, desk booklets) typeset from the published content.

    Reads content_models and media; the API calls its selectors, nothing else imports it.
    """

    name = "printing"
    verbose_name = pgettext_lazy("print", "Print")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .lifecycle import lifecycle_connect
        from .permissions import print_permissions_after_migrate
        from .rendering import check_mappings

        check_mappings()
        lifecycle_connect()
        post_migrate.connect(
            print_permissions_after_migrate, sender=self, dispatch_uid="printing.permissions"
        )
