"""Dashboard panels: a member's own association at a glance; the regional editors' pending work."""

from django.conf import settings
from django.db.models import Q
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from content_models.translation_status import translations_behind

from . import selectors
from .models import Membership
from .review import changes_to_review
from .selectors import profile_pages


class AssociationDashboardPanel(Component):
    """For association members: their profile in each language, their events, and what waits for review."""

    name = "association_dashboard"
    template_name = "associations/panels/association_dashboard.html"
    order = 50

    def __init__(self, membership: Membership):
        self.membership = membership

    def get_context_data(self, parent_context):
        association = self.membership.association
        pages = sorted(
            profile_pages(association), key=lambda page: page.locale.language_code != settings.LANGUAGE_CODE
        )
        source = association.page
        drafts = selectors.association_pages(association).filter(
            Q(live=False) | Q(has_unpublished_changes=True)
        )
        in_moderation = selectors.association_changes_in_moderation_for(association)
        in_moderation_ids = {int(pk) for pk in in_moderation.values_list("object_id", flat=True)}
        upcoming, past = selectors.association_events_split(association, source.locale_id) if source else ([], [])
        behind = {item.translation.pk for item in translations_behind(source)}
        return {
            "request": parent_context["request"],
            "membership": self.membership,
            "behind_ids": behind,
            "association": association,
            "profile_pages": pages,
            "source_page": source,
            "upcoming_events": upcoming,
            "past_events": past,
            "in_moderation": Page.objects.filter(pk__in=in_moderation_ids).specific(),
            "drafts": drafts.exclude(pk__in=in_moderation_ids).specific(),
        }


class AssociationsReviewPanel(Component):
    """For regional editors: account requests and association changes waiting for them."""

    name = "associations_review"
    template_name = "associations/panels/associations_review.html"
    order = 100

    def get_context_data(self, parent_context):
        return {
            "request": parent_context["request"],
            "account_requests": selectors.account_requests_pending()[:10],
            "account_requests_count": selectors.account_requests_pending().count(),
            "changes": changes_to_review(selectors.association_changes_in_moderation()[:10]),
            "workflow_states_count": selectors.association_changes_in_moderation().count(),
        }
