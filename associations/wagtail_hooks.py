"""Admin wiring: the editors' menu, the dashboards, the audit-log actions, and the few guards that narrow what
Wagtail would otherwise allow an association member (``grants`` says what they are given, ``permissions`` holds
the checks)."""

from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Collection
from wagtail.permissions import policy_registry

from content_models.forms import CHOOSABLE_PAGES_HOOK
from content_models.models import AssociationPage

from . import selectors, views
from .permissions import member_outside_own_pages
from .panels import AssociationDashboardPanel, AssociationsReviewPanel
from .viewsets import AssociationsViewSetGroup


@hooks.register("register_admin_viewset")
def register_associations_viewsets():
    return AssociationsViewSetGroup()


@hooks.register("register_admin_urls")
def register_my_association_url():
    return [path("associations/mine/", views.my_association, name="associations_mine")]


class MyAssociationMenuItem(MenuItem):
    def is_shown(self, request):
        membership = selectors.membership_for_user(request.user)
        return membership is not None and membership.is_admin


@hooks.register("register_admin_menu_item")
def register_my_association_menu_item():
    return MyAssociationMenuItem(
        _("My association"), reverse("associations_mine"), icon_name="group", order=150
    )


@hooks.register("register_permissions")
def register_associations_permissions():
    return Permission.objects.filter(content_type__app_label="associations")


@hooks.register("register_log_actions")
def register_associations_log_actions(actions):
    actions.register_action(
        "associations.request_approve", _("Approve request"), _("Account request approved")
    )
    actions.register_action("associations.request_reject", _("Reject request"), _("Account request rejected"))
    actions.register_action("associations.member_invite", _("Invite member"), _("Member invited"))
    actions.register_action(
        "associations.member_invite_taken",
        _("Invite an address that has an account"),
        _("Invitation to an address that already has an account (its owner was told)"),
    )
    actions.register_action("associations.member_remove", _("Remove member"), _("Member removed"))
    actions.register_action("associations.disable", _("Disable association"), _("Association disabled"))
    actions.register_action("associations.enable", _("Enable association"), _("Association enabled"))


# --- Dashboards ---------------------------------------------------------------------------------------------

# Wagtail's panels that only show the user's own work; the others (site summary, locked pages) are about the
# whole site and mean nothing to an association member.
MEMBER_PANELS_KEPT = {"user_objects_in_workflow_moderation", "recent_edits"}


@hooks.register("construct_homepage_panels")
def association_dashboards(request, panels):
    membership = selectors.membership_for_user(request.user)
    if membership is not None:
        panels[:] = [panel for panel in panels if getattr(panel, "name", "") in MEMBER_PANELS_KEPT]
        panels.append(AssociationDashboardPanel(membership))
    elif request.user.has_perm("associations.view_association"):
        panels.append(AssociationsReviewPanel())


@hooks.register("construct_main_menu")
def hide_reports_from_members(request, menu_items):
    # The reports (workflows, locked pages, site history) list others' work: members use their dashboard.
    if selectors.membership_for_user(request.user) is not None:
        menu_items[:] = [item for item in menu_items if item.name != "reports"]


# --- Guards for association members -------------------------------------------------------------------------


@hooks.register("construct_page_chooser_queryset")
def member_page_chooser(pages, request):
    """Members choose among their own pages only (and navigate down to them); Wagtail lists every page."""
    return member_choosable_pages(pages, request.user)


@hooks.register(CHOOSABLE_PAGES_HOOK)
def member_choosable_pages(pages, user):
    """What a member's page form accepts in a page field, block or link: what their page chooser offers."""
    membership = selectors.membership_for_user(user)
    if membership is None:
        return pages
    return pages.filter(selectors.member_chooser_pages_q(membership.association))


@hooks.register("before_delete_page")
def members_keep_their_profile(request, page):
    """A member may delete a draft event, never the association's profile page (even a draft one): removing an
    association from the site is the Region's decision."""
    if selectors.membership_for_user(request.user) is not None and (
        page.specific_class is AssociationPage or member_outside_own_pages(request.user, page)
    ):
        raise PermissionDenied


@hooks.register("before_copy_page")
@hooks.register("before_move_page")
def members_stay_in_their_subtree(request, page, *args):
    # Wagtail already requires edit rights on the page and add rights at the destination; this says it again
    # so that a future permission grant cannot widen it by accident.
    if member_outside_own_pages(request.user, page):
        raise PermissionDenied
    destination = args[0] if args else None
    if destination is not None and member_outside_own_pages(request.user, destination):
        raise PermissionDenied


@hooks.register("before_bulk_action")
def members_bulk_actions_stay_in_their_subtree(request, action_type, objects, action_class_instance):
    if action_type != "page":
        return
    membership = selectors.membership_for_user(request.user)
    if membership is None:
        return
    own = set(selectors.association_pages(membership.association).values_list("pk", flat=True))
    if any(page.pk not in own for page in objects):
        raise PermissionDenied
    if action_class_instance.action_type == "delete" and any(
        page.specific_class is AssociationPage for page in objects
    ):
        raise PermissionDenied
    return


@hooks.register("before_create_page")
@hooks.register("before_edit_page")
def members_organise_their_own_events(request, page, *args):
    """An event's organiser, when a member saves it, can only be their own association (in any language)."""
    if request.method != "POST":
        return
    membership = selectors.membership_for_user(request.user)
    organizer = request.POST.get("organizer")
    if membership is None or not organizer:
        return
    own_profiles = selectors.association_pages(membership.association).type(AssociationPage)
    if not organizer.isdigit() or not own_profiles.filter(pk=int(organizer)).exists():
        raise PermissionDenied
    return


@hooks.register("before_serve_document")
def association_documents_published_only(document, request):
    """An association's document is public once published content uses it. Before that (a draft's attachment, a
    file uploaded and never used) only those who may use it open it: its association's members and the regional
    editors. Otherwise the collection would be free file hosting on the Region's address, past moderation."""
    if not Collection.objects.filter(selectors.associations_collection_q(), pk=document.collection_id).exists():
        return None
    policy = policy_registry.get_by_type(type(document))
    if policy.user_has_any_permission_for_instance(request.user, ["choose", "change"], document):
        return None
    if selectors.document_is_published(document):
        return None
    raise Http404
