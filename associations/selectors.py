"""Reads: who belongs to which association, and what their pages and pending changes are."""

from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import Collection, Page, ReferenceIndex, WorkflowState, get_default_page_content_type

from content_models.kernel.visibility import private_page_paths, visible_pages_q
from content_models.models import AssociationIndexPage, AssociationPage, EventPage

from .models import Association, AssociationAccountRequest, Membership


def membership_for_user(user) -> Membership | None:
    """The user's membership of an active association, or None (regional staff, anonymous, disabled)."""
    if not getattr(user, "is_authenticated", False) or user.is_superuser:
        return None
    cached = getattr(user, "_association_membership_cache", "unset")
    if cached == "unset":
        cached = (
            Membership.objects.select_related("association", "association__page")
            .filter(user_id=user.pk, association__is_active=True)
            .first()
        )
        user._association_membership_cache = cached
    return cached


def profile_pages(association: Association) -> list[AssociationPage]:
    """The association's profile page in every locale (the Italian source and its translations)."""
    if association.page is None:
        return []
    return list(AssociationPage.objects.filter(translation_key=association.page.translation_key))


def association_subtree_q(association: Association) -> Q:
    """Matches the association's profile pages, in every locale, and everything under them."""
    query = Q(pk__in=[])
    for page in profile_pages(association):
        query |= Q(path__startswith=page.path, depth__gte=page.depth)
    return query


def association_pages(association: Association) -> QuerySet[Page]:
    return Page.objects.filter(association_subtree_q(association))


def member_chooser_pages_q(association: Association) -> Q:
    """What a member sees in the page chooser: their own subtree, and its ancestors to navigate down to it."""
    query = association_subtree_q(association)
    for page in profile_pages(association):
        query |= Q(pk__in=page.get_ancestors().values("pk"))
    return query


def association_events(association: Association) -> QuerySet[EventPage]:
    """The association's events (every locale), in date order."""
    return EventPage.objects.filter(association_subtree_q(association)).order_by("start", "pk")


def association_events_split(association: Association, locale_id: int, *, limit: int = 20):
    """(upcoming, past) events of the association in one locale: what is coming in date order, soonest first, then
    what has been, latest first. Ended events stay upcoming until they end."""
    events = association_events(association).filter(locale_id=locale_id)
    now = timezone.now()
    running = Q(start__gte=now) | Q(end__gte=now)
    return list(events.filter(running)[:limit]), list(events.exclude(running).order_by("-start", "-pk")[:limit])


def associations_subtrees_q() -> Q:
    """Matches every association's pages (profiles and their events), in every locale: what is under a section."""
    section_q = Q(pk__in=[])
    for path, depth in AssociationIndexPage.objects.values_list("path", "depth"):
        section_q |= Q(path__startswith=path, depth__gt=depth)
    return section_q


def association_changes_in_moderation() -> QuerySet[WorkflowState]:
    """Workflows in progress on pages under any association section: the regional editors' queue."""
    page_ids = [str(pk) for pk in Page.objects.filter(associations_subtrees_q()).values_list("pk", flat=True)]
    return (
        WorkflowState.objects.active()
        .filter(base_content_type=get_default_page_content_type(), object_id__in=page_ids)
        .select_related("requested_by", "current_task_state__task")
        .order_by("-current_task_state__started_at")
    )


def association_changes_in_moderation_for(association: Association) -> QuerySet[WorkflowState]:
    page_ids = [str(pk) for pk in association_pages(association).values_list("pk", flat=True)]
    return WorkflowState.objects.active().filter(
        base_content_type=get_default_page_content_type(), object_id__in=page_ids
    )


def account_requests_pending() -> QuerySet[AssociationAccountRequest]:
    return AssociationAccountRequest.objects.filter(status=AssociationAccountRequest.Status.PENDING)


def associations_collection_q() -> Q:
    """Matches the collections under "Associazioni": every association's own media collection."""
    from .moderation import ASSOCIATIONS_COLLECTION_NAME  # moderation imports grants, which imports this module

    parent = Collection.get_first_root_node().get_children().filter(name=ASSOCIATIONS_COLLECTION_NAME).first()
    if parent is None:
        return Q(pk__in=[])
    return Q(path__startswith=parent.path, depth__gt=parent.depth)


def document_is_published(document) -> bool:
    """Whether a page that is public now uses the document (the reference index: chooser blocks, rich-text links).

    The index follows the page row, which for a live page is its live content: a draft that adds the document
    does not count until it is published.
    """
    page_ids = ReferenceIndex.get_references_to(document).filter(
        base_content_type=get_default_page_content_type()
    ).values_list("object_id", flat=True)
    if not page_ids:
        return False
    visible = visible_pages_q(now=timezone.now(), private_paths=private_page_paths())
    return Page.objects.filter(visible, pk__in=[int(pk) for pk in page_ids]).exists()
