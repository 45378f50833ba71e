"""The "Associations" admin menu of the regional editors: account requests, associations, the review queue."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, DateColumn
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from . import views
from .models import Association, AssociationAccountRequest


class ReadOnlyModelViewSet(ModelViewSet):
    """A listing whose rows open one custom view (`detail_view_class`): no generic add, edit, delete, copy."""

    detail_view_class = None
    detail_view_name = "detail"
    copy_view_enabled = False

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{
                "add_url_name": None,
                "edit_url_name": self.get_url_name(self.detail_view_name),
                "delete_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    @property
    def url_finder_class(self):
        # Audit-log reports link each entry to this URL.
        return type(
            "_DetailURLFinder",
            (ModelAdminURLFinder,),
            {"edit_url_name": self.get_url_name(self.detail_view_name)},
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.detail_view_class.as_view(), name=self.detail_view_name),
        ]


class AccountRequestViewSet(ReadOnlyModelViewSet):
    model = AssociationAccountRequest
    name = "associations_requests"
    url_prefix = "associations/requests"
    icon = "mail"
    menu_label = _("Account requests")
    detail_view_class = views.AccountRequestReviewView
    detail_view_name = "review"
    list_display = [
        "association_name",
        "municipality",
        "contact_name",
        "email",
        "status",
        DateColumn("created_at", label=_("Received")),
    ]
    list_filter = ["status"]
    search_fields = ["association_name", "municipality", "contact_name", "email"]
    ordering = ["-created_at"]


class AssociationViewSet(ReadOnlyModelViewSet):
    model = Association
    name = "associations"
    url_prefix = "associations/list"
    icon = "group"
    menu_label = _("Associations")
    detail_view_class = views.AssociationManageView
    detail_view_name = "manage"
    list_display = ["name", "municipality", "page", BooleanColumn("is_active", label=_("Active"))]
    list_filter = ["is_active"]
    search_fields = ["name", "municipality"]


class EditorsOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("associations.view_association")


class ModerationQueueViewSet(ViewSet):
    name = "associations_moderation"
    url_prefix = "associations/changes"
    icon = "tasks"
    menu_label = _("Changes to review")

    def get_urlpatterns(self):
        return [path("", views.ModerationQueueView.as_view(), name="index")]

    menu_item_class = EditorsOnlyMenuItem


class AssociationsViewSetGroup(ViewSetGroup):
    menu_label = _("Associations")
    menu_icon = "group"
    menu_order = 250
    items = (AccountRequestViewSet, AssociationViewSet, ModerationQueueViewSet)
