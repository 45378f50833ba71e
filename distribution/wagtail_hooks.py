"""Admin wiring: the Distribution menu, a page's "Distribution" button, and its admin URLs."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from . import admin_views
from .models import DeliveryState
from .outbox.selectors import page_posts_summary
from .viewsets import DistributionViewSetGroup


@hooks.register("register_admin_viewset")
def register_distribution_viewsets():
    return DistributionViewSetGroup()


@hooks.register("register_admin_urls")
def register_distribution_admin_urls():
    urls = [
        path("pages/<int:page_id>/", admin_views.page_distribution, name="page"),
        path("pages/<int:page_id>/national/", admin_views.national_toggle, name="national_toggle"),
        path("pages/<int:page_id>/national.<str:fmt>", admin_views.national_download, name="national_download"),
        path("deliveries/<int:delivery_id>/retry/", admin_views.delivery_retry_view, name="retry"),
    ]
    return [path("distribution/", include((urls, "distribution_admin"), namespace="distribution_admin"))]


@hooks.register("register_page_header_buttons")
def distribution_header_button(page, user, view_name, next_url=None):
    """On the page's edit and listing headers: per-channel status, webhooks and the national package."""
    if page.depth > 1 and page.permissions_for_user(user).can_edit():
        yield Button(_distribution_label(page), reverse("distribution_admin:page", args=[page.pk]),
                     icon_name="resubmit", priority=90)


def _distribution_label(page) -> str:
    """"Distribution: 3 sent, 1 failed": the posts' status is visible from the page's own edit view."""
    counts = page_posts_summary(page=page)
    labels = dict(DeliveryState.choices)
    parts = [f"{counts[state]} {str(labels[state]).lower()}" for state in DeliveryState.values if counts.get(state)]
    return _("Distribution") + (f": {', '.join(parts)}" if parts else "")
