from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """What an operator runs: backups and restores, the release step, request logs, metrics, error reporting."""

    name = "operations"
    verbose_name = "Operations"
