"""Members' pages go live only after a regional editor has looked at them.

A page in an association's subtree (a profile or an event, in any language) is published, during an admin request,
only by the views where a publisher looks at that very page: the page editor (its Publish button and workflow
actions, and wagtail-localize's translation editor, which Wagtail serves there), a revision's "Revert", and the
workflow's approve action. Every other way of publishing it holds the publication back and submits the revision to
the associations' workflow ("Moderazione delle associazioni") instead, where the regional editors review it:
wagtail-localize's "Sync translated pages" with "Publish immediately" (which would publish strings a member typed
and never submitted),
translating with the live status, the admin's bulk "Publish" (with or without subpages), the admin API's publish
action. Outside a request (scheduled publishing of an approved revision, management commands) nothing is held.

wagtail-localize also writes a live translation's new strings straight into the page row (what readers get) when it
updates it: during the same unreviewed requests that write keeps the live content (content_models/publishing.py),
and the strings wait in the revision under review.

The request is known through a context variable set by ``middleware.MembersAdminPerimeterMiddleware``.
"""

import contextvars
import dataclasses

from django.contrib import messages
from django.db import transaction
from django.dispatch import receiver
from django.utils.translation import gettext as _
from wagtail.models import Page, WorkflowState

from content_models.publishing import live_content_write_requested, publication_requested

from .moderation import association_workflow_ensure
from .selectors import associations_subtrees_q

# URL names of the admin views where the publisher sees the page being published (the page id is in the URL).
REVIEWING_VIEWS = frozenset(
    {
        "wagtailadmin_pages:edit",
        "wagtailadmin_pages:revisions_revert",
        "wagtailadmin_pages:workflow_action",
        "wagtailadmin_pages:add",  # a new page the editor has just written (no id yet)
    }
)


@dataclasses.dataclass(frozen=True)
class AdminRequest:
    request: object
    url_name: str
    page_id: int | None

    def reviews(self, page) -> bool:
        if self.url_name not in REVIEWING_VIEWS:
            return False
        return self.page_id is None or self.page_id == page.pk


current_admin_request: contextvars.ContextVar[AdminRequest | None] = contextvars.ContextVar(
    "associations_admin_request", default=None
)


def page_is_associations(page) -> bool:
    """Whether a page is an association's profile or event, in any language (under an associations section)."""
    return Page.objects.filter(associations_subtrees_q(), pk=page.pk).exists()


def moderation_submit(*, page, user) -> WorkflowState | None:
    """Put the page's latest revision in front of the regional editors (the workflow of its section).

    A page already in moderation stays there: the reviewers see its latest revision, and Wagtail asks for a new
    approval of an edited revision (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT).
    """
    page = page.specific
    state = page.current_workflow_state
    if state is not None:
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user=user)
        return state
    workflow = page.get_workflow() or (association_workflow_ensure() and page.get_workflow())
    if workflow is None:
        return None
    return workflow.start(page, user)


def _unreviewed(page) -> AdminRequest | None:
    """The admin request changing a member's page without a publisher looking at it, if that is what this is."""
    admin_request = current_admin_request.get()
    if admin_request is None or admin_request.reviews(page) or not page_is_associations(page):
        return None
    return admin_request


@receiver(live_content_write_requested)
def association_live_content_kept(sender, *, page, **kwargs) -> bool:
    """wagtail-localize writes a live translation's new strings into the page row itself: not before review."""
    return _unreviewed(page) is not None


@receiver(publication_requested)
def association_publication_review(sender, *, page, revision, user, **kwargs) -> bool:
    admin_request = _unreviewed(page)
    if admin_request is None:
        return False
    request = admin_request.request
    requester = user or getattr(request, "user", None)
    with transaction.atomic():
        state = moderation_submit(page=page, user=requester)
    if state is not None and hasattr(request, "_messages"):
        messages.warning(
            request,
            _("“%(title)s” belongs to an association: it was sent to the regional editors' review instead of being "
              "published.") % {"title": page.get_admin_display_title()},
        )
    return True
