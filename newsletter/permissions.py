"""The "Newsletter editors" group: what the communication team needs to compose, translate and send issues.

Kept by the newsletter app itself (after every migrate), so a fresh deployment has a group the office only has
to put people in. Permissions are added when missing and never removed: the office may widen the group.
Subscribers' personal data (view, export, erase) is part of the job of whoever sends, and of nobody else here.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission

NEWSLETTER_EDITORS_GROUP_NAME = "Newsletter editors"
# Every permission (add, change, delete, view, publish, lock, send) on these models of the app.
NEWSLETTER_EDITOR_MODELS = ("newsletterissue", "subscriber")
NEWSLETTER_EDITOR_PERMISSIONS = [("wagtailadmin", "access_admin"), ("wagtail_localize", "submit_translation")]
# Images and documents go into issues through the choosers.
NEWSLETTER_EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "choose_document"),
]


@transaction.atomic
def newsletter_editors_group_ensure() -> Group:
    group, _created = Group.objects.get_or_create(name=NEWSLETTER_EDITORS_GROUP_NAME)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="newsletter", content_type__model__in=NEWSLETTER_EDITOR_MODELS
        ),
        *_permissions(NEWSLETTER_EDITOR_PERMISSIONS),
    )
    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        for permission in _permissions(NEWSLETTER_EDITOR_COLLECTION_PERMISSIONS):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
    return group


def _permissions(pairs) -> list[Permission]:
    # Missing ones are skipped, not fatal: after a test database flush, permissions that data migrations made
    # (submit_translation) and the root collection are gone until the test recreates them.
    found = [
        Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        for app_label, codename in pairs
    ]
    return [permission for permission in found if permission is not None]


def newsletter_editors_after_migrate(sender, app_config=None, using="default", **kwargs) -> None:
    """post_migrate receiver (also sent after a test database flush)."""
    # Django creates an app's permissions in its own post_migrate receiver, which may run after this one.
    create_permissions(sender, verbosity=0, using=using)
    newsletter_editors_group_ensure()
