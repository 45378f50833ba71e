"""Admin integration: a "Preview on the portal" action that hands the portal a signed preview token."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem

from .preview.views import portal_preview


@hooks.register("register_admin_urls")
def register_preview_url():
    return [path("graphql-preview/<int:page_id>/", portal_preview, name="graphql_api_portal_preview")]


class PortalPreviewMenuItem(ActionMenuItem):
    label = _("Preview on the portal")
    name = "action-portal-preview"
    icon_name = "view"

    def is_shown(self, context):
        # The draft must be saved first: the preview shows the latest saved revision.
        return context["view"] == "edit" and self.get_user_page_permissions_tester(context).can_edit()

    def get_url(self, parent_context):
        return reverse("graphql_api_portal_preview", args=[parent_context["page"].pk])


@hooks.register("register_page_action_menu_item")
def register_portal_preview_menu_item():
    return PortalPreviewMenuItem(order=90)
