"""Admin wiring: a "Print" button on every printable page and help desk, the print admin URLs, and the desk
booklet builder under its own menu entry."""

from django.urls import include, path, reverse
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.widgets import Button, ListingButton

from content_models.models import ServicePoint

from . import admin_views
from .rendering.sections import BUILDERS
from .viewsets import booklet_viewset

KINDS = "<str:kind>/<int:subject_id>/"


@hooks.register("register_icons")
def register_print_icon(icons):
    return icons + ["printing/icons/print.svg"]


@hooks.register("register_admin_urls")
def register_print_admin_urls():
    urls = [
        path(KINDS, admin_views.subject_print, name="subject"),
        path(f"{KINDS}preview/<str:language>/<str:fmt>/", admin_views.subject_preview, name="preview"),
        path(f"{KINDS}regenerate/", admin_views.subject_regenerate, name="regenerate"),
        path("booklets/<int:booklet_id>/download/", admin_views.booklet_download, name="booklet_download"),
        path("booklets/<int:booklet_id>/rebuild/", admin_views.booklet_rebuild, name="booklet_rebuild"),
    ]
    return [path("print/", include((urls, "printing_admin"), namespace="printing_admin"))]


@hooks.register("register_admin_viewset")
def register_booklet_viewset():
    return booklet_viewset


@hooks.register("register_page_header_buttons")
def print_header_button(page, user, view_name, next_url=None):
    if (
        type(page.specific_deferred) in BUILDERS
        and user.has_perm("printing.view_printedition")
        and page.permissions_for_user(user).can_edit()
    ):
        yield Button(
            pgettext_lazy("print", "Print"),
            reverse("printing_admin:subject", args=["page", page.pk]),
            icon_name="print",
            priority=95,
        )


@hooks.register("register_snippet_listing_buttons")
def print_service_point_button(snippet, user, next_url=None):
    if isinstance(snippet, ServicePoint) and user.has_perm("printing.view_printedition"):
        yield ListingButton(
            pgettext_lazy("print", "Print"),
            reverse("printing_admin:subject", args=["service-point", snippet.pk]),
            icon_name="print",
            priority=95,
        )
