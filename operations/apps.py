from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """What an operator runs: backups and restores, the release step, logs, metrics and error reporting."""

    name = "operations"
    verbose_name = _("Operations")
