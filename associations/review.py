"""What a regional editor needs to review a change an association submitted: the page, what changed against the
live version (Wagtail's revision comparison), and a preview of the submitted revision."""

from dataclasses import dataclass

from django.urls import reverse
from wagtail.models import Page, WorkflowState


@dataclass(frozen=True)
class ChangeToReview:
    state: WorkflowState
    page: Page
    edit_url: str
    history_url: str
    compare_url: str | None  # None for a page never published: all of it is new
    preview_url: str | None

    @property
    def is_new_page(self) -> bool:
        return self.compare_url is None


def changes_to_review(states) -> list[ChangeToReview]:
    """Each workflow state (from selectors.association_changes_in_moderation) with its review links."""
    items = []
    for state in states:
        page = state.content_object
        task_state = state.current_task_state
        revision_id = task_state.revision_id if task_state else None
        compare_url = preview_url = None
        if revision_id is not None and page.live:
            compare_url = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "live", revision_id])
        if task_state is not None:
            preview_url = reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, task_state.task_id])
        items.append(ChangeToReview(
            state=state,
            page=page,
            edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
            history_url=reverse("wagtailadmin_pages:history", args=[page.pk]),
            compare_url=compare_url,
            preview_url=preview_url,
        ))
    return items
