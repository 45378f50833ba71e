"""Who reads the reports: the "Needs analysts" group, made by the app itself (after every migrate), and the
editors' groups, which get the same permission so that the translators' views and the dashboard panel reach them.

Association members never get it: their groups are made by the associations app with exactly their own
permissions, and the reports live under /admin/reports/, which associations' middleware closes to members.
Permissions are added when missing and never removed: the office may narrow the groups by hand.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import transaction

NEEDS_ANALYSTS_GROUP_NAME = "Needs analysts"
REPORTS_PERMISSION = ("insights", "view_reports")
ADMIN_ACCESS = ("wagtailadmin", "access_admin")
# Wagtail's own editors' groups and the Region's (associations.moderation): they translate, so they see what to.
EDITOR_GROUP_NAMES = ("Editors", "Moderators", "Regional editors")


def _permission(app_label: str, codename: str) -> Permission | None:
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


@transaction.atomic
def needs_analysts_group_ensure() -> Group:
    group, _created = Group.objects.get_or_create(name=NEEDS_ANALYSTS_GROUP_NAME)
    group.permissions.add(*[p for p in (_permission(*REPORTS_PERMISSION), _permission(*ADMIN_ACCESS)) if p])
    return group


def editor_groups_grant() -> None:
    permission = _permission(*REPORTS_PERMISSION)
    if permission is None:
        return
    for group in Group.objects.filter(name__in=EDITOR_GROUP_NAMES):
        group.permissions.add(permission)


def needs_analysts_after_migrate(sender, app_config=None, using="default", **kwargs) -> None:
    """post_migrate receiver (also sent after a test database flush)."""
    # Django creates an app's permissions in its own post_migrate receiver, which may run after this one.
    create_permissions(sender, verbosity=0, using=using)
    needs_analysts_group_ensure()
    editor_groups_grant()
