"""Grants: what an association's group is given, and where; the only place its Wagtail permissions are written.

An association's group gets, and only ever gets:

- ``wagtailadmin.access_admin``;
- ``add`` and ``change`` page permissions on each locale's copy of its profile page (so on that subtree only:
  the profile and its events). Never ``publish``: every change goes through the moderation workflow;
- ``add``, ``change`` and ``choose`` on images and documents in its own collection.

Nothing on snippets, users, settings or other pages: Wagtail denies by default, so scoping is a matter of
granting little. The hooks in ``wagtail_hooks`` only close the few paths where Wagtail is more generous than
we want (the page chooser, deleting the profile page itself, pointing an event at another association);
the checks they and the services make are in ``permissions``.
"""

from django.contrib.auth.models import Permission
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from .models import Association
from .selectors import profile_pages

PAGE_PERMISSION_CODENAMES = ("add_page", "change_page")
COLLECTION_PERMISSION_CODENAMES = {
    "wagtailimages": ("add_image", "change_image", "choose_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
}
ADMIN_ACCESS = ("wagtailadmin", "access_admin")


def permission_get(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def association_permissions_sync(*, association: Association) -> None:
    """Make the group's permissions exactly what the association should have (none when it is disabled)."""
    group = association.group
    if not association.is_active:
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()
        group.permissions.clear()
        return

    group.permissions.set([permission_get(*ADMIN_ACCESS)])

    pages = profile_pages(association)
    page_permissions = [permission_get("wagtailcore", codename) for codename in PAGE_PERMISSION_CODENAMES]
    GroupPagePermission.objects.filter(group=group).exclude(page__in=pages).delete()
    for page in pages:
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)

    collection_permissions = [
        permission_get(app_label, codename)
        for app_label, codenames in COLLECTION_PERMISSION_CODENAMES.items()
        for codename in codenames
    ]
    GroupCollectionPermission.objects.filter(group=group).exclude(collection=association.collection).delete()
    for permission in collection_permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=association.collection, permission=permission
        )
