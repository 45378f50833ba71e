"""Who may print: the editorial groups get the print permissions after every migrate (added, never removed).

- see a page's editions, preview and download them: `printing.view_printedition` (and the page's edit permission);
- have them typeset again: `printing.change_printedition`;
- build desk booklets: the `printbooklet` permissions;
- change the funding line and logos: `printing.change_printsettings`, moderators only.
Association members get none of them: they see their profile online, and typesetting costs the server.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

EDITORIAL_GROUPS = ("Editors", "Moderators", "Regional editors")
EDITOR_CODENAMES = (
    "view_printedition",
    "change_printedition",
    "add_printbooklet",
    "change_printbooklet",
    "delete_printbooklet",
    "view_printbooklet",
)
MODERATOR_CODENAMES = ("change_printsettings",)


def print_permissions_grant() -> None:
    editor = Permission.objects.filter(content_type__app_label="printing", codename__in=EDITOR_CODENAMES)
    moderator = Permission.objects.filter(
        content_type__app_label="printing", codename__in=MODERATOR_CODENAMES
    )
    for group in Group.objects.filter(name__in=EDITORIAL_GROUPS):
        group.permissions.add(*editor)
        if group.name == "Moderators":
            group.permissions.add(*moderator)


def print_permissions_after_migrate(sender, app_config=None, using="default", **kwargs) -> None:
    """post_migrate receiver (also sent after a test database flush)."""
    create_permissions(sender, verbosity=0, using=using)
    print_permissions_grant()
