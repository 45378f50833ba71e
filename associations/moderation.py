"""The fixed parts the associations rely on: the regional editors' group, the moderation workflow and the
media collection the associations' own collections live under. Every function is idempotent: run it again.

**Regional editors** are the Region's staff who moderate the associations: the members of the
"Regional editors" group (superusers can do everything they can). They edit and publish every page in every
locale, request translations, manage the media library and the snippets, review association account requests,
manage associations and their members, and approve or reject what association members submit. Wagtail's own
"Editors" and "Moderators" groups stay as Wagtail creates them, for staff who do not moderate associations.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from content_models.models import AssociationIndexPage, ServicePoint, Topic

from .models import Association, AssociationAccountRequest, Membership
from .grants import permission_get

REGIONAL_EDITORS_GROUP_NAME = "Regional editors"
# Wagtail stores a workflow's and a task's name as data and shows it as typed, inside its own translated
# sentences ("Invia a %(workflow_name)s", "in attesa di '%(task_name)s'"), exactly as it shows its own default
# "Moderators approval". So they are named in Italian, the working language of the regional editors who moderate
# (and who can rename them in Settings > Workflows); migration 0002 renames the earlier English names.
ASSOCIATION_WORKFLOW_NAME = "Moderazione delle associazioni"
REVIEW_TASK_NAME = "Revisione dei redattori regionali"
ASSOCIATIONS_COLLECTION_NAME = "Associazioni"

REGIONAL_EDITOR_PERMISSIONS = [("wagtailadmin", "access_admin"), ("wagtail_localize", "submit_translation")]
# Every permission (add, change, delete, view, and any custom one) on these models.
REGIONAL_EDITOR_MODELS = [Topic, ServicePoint, Association, AssociationAccountRequest, Membership]
REGIONAL_EDITOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
REGIONAL_EDITOR_COLLECTION_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "delete_image", "choose_image"),
    "wagtaildocs": ("add_document", "change_document", "delete_document", "choose_document"),
}


@transaction.atomic
def regional_editors_group_ensure() -> Group:
    """The "Regional editors" group with the permissions above (added if missing, never removed)."""
    group, _created = Group.objects.get_or_create(name=REGIONAL_EDITORS_GROUP_NAME)
    content_types = ContentType.objects.get_for_models(*REGIONAL_EDITOR_MODELS).values()
    group.permissions.add(
        *[permission_get(app_label, codename) for app_label, codename in REGIONAL_EDITOR_PERMISSIONS],
        *Permission.objects.filter(content_type__in=content_types),
    )
    # The tree root: every locale's home page and everything under it.
    root = Page.get_first_root_node()
    for codename in REGIONAL_EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root, permission=permission_get("wagtailcore", codename)
        )
    root_collection = Collection.get_first_root_node()
    for app_label, codenames in REGIONAL_EDITOR_COLLECTION_PERMISSIONS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission_get(app_label, codename)
            )
    return group


def associations_collection_ensure() -> Collection:
    """The parent collection of every association's own collection."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=ASSOCIATIONS_COLLECTION_NAME).first()
    return existing or root.add_child(name=ASSOCIATIONS_COLLECTION_NAME)


@transaction.atomic
def association_workflow_ensure() -> Workflow:
    """The moderation workflow, on the associations section of every locale.

    Wagtail applies a page's nearest workflow, so this one replaces the default "Moderators approval" (on the
    tree root) for association profiles and their events, in every language tree.
    """
    group = regional_editors_group_ensure()
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK_NAME)
    task.groups.add(group)
    workflow, _created = Workflow.objects.get_or_create(name=ASSOCIATION_WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for section in AssociationIndexPage.objects.all():
        association_section_workflow_attach(section=section, workflow=workflow)
    return workflow


def association_section_workflow_attach(*, section: Page, workflow: Workflow | None = None) -> None:
    """Put an associations section (e.g. a newly translated one) under the moderation workflow, if any."""
    workflow = workflow or Workflow.objects.filter(name=ASSOCIATION_WORKFLOW_NAME, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})


def moderation_setup_ensure() -> Workflow:
    """Everything above in one call: `manage.py associations_setup`, the demo seeder and approvals use it."""
    associations_collection_ensure()
    return association_workflow_ensure()
