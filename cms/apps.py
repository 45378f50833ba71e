from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The project itself as an app, first in INSTALLED_APPS: what it adds to the stack (the task worker's
    recovery, cms/management/commands/db_worker.py) takes precedence over the libraries' own."""

    name = "cms"
    label = "cms"
    verbose_name = "InterAzioni"
