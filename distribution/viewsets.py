"""Admin listings: social posts (editable, filterable per page), the outbox and the webhook log (read-only)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page

from .channels.compose import page_share_image, post_text_default
from .forms import SocialPostForm
from .models import SocialDelivery, SocialPost, WebhookDelivery
from .outbox.scheduling import post_schedule_if_live


class PageFilterMixin:
    """`?page=<id>` narrows a listing to one page (the page's distribution view links here)."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        page_id = self.request.GET.get("page", "")
        return queryset.filter(page_id=int(page_id)) if page_id.isdigit() else queryset


class PostIndexView(PageFilterMixin, generic.IndexView):
    pass


class PostCreateView(generic.CreateView):
    def get_initial(self):
        """Prefilled from the page: the generated text an editor can accept or change."""
        initial = super().get_initial()
        page_id, channel = self.request.GET.get("page", ""), self.request.GET.get("channel", "")
        page = Page.objects.filter(pk=page_id).first() if page_id.isdigit() else None
        if page is not None:
            page = page.specific
            image = page_share_image(page)
            initial.update(page=page.pk, channel=channel or "mastodon")
            if image is not None and image.default_alt_text:
                initial.update(image=image.pk, alt_text=image.default_alt_text)
            initial["text"] = post_text_default(page=page, channel=initial["channel"], has_image=image is not None)
        return initial

    def save_instance(self):
        instance = super().save_instance()
        post_schedule_if_live(post=instance)
        return instance


class PostEditView(generic.EditView):
    def save_instance(self):
        instance = super().save_instance()
        instance.generated = False
        instance.save(update_fields=["generated"])
        post_schedule_if_live(post=instance)
        return instance


class SocialPostViewSet(ModelViewSet):
    model = SocialPost
    name = "distribution_posts"
    url_prefix = "distribution/posts"
    icon = "comment"
    menu_label = _("Social posts")
    index_view_class = PostIndexView
    add_view_class = PostCreateView
    edit_view_class = PostEditView
    copy_view_enabled = False
    list_display = ["page", "channel", "send_mode", DateColumn("updated_at", label=_("Updated"))]
    list_filter = ["channel", "send_mode"]
    search_fields = ["text"]
    edit_handler = ObjectList(
        [
            FieldPanel("page", widget=AdminPageChooser()),
            FieldPanel("channel"),
            FieldPanel("text"),
            FieldRowPanel([FieldPanel("image"), FieldPanel("alt_text")]),
            FieldRowPanel([FieldPanel("send_mode"), FieldPanel("send_at")]),
        ],
        base_form_class=SocialPostForm,
    )


class ReadOnlyViewSet(ModelViewSet):
    """A log: listing and inspect only, rows link to inspect."""

    inspect_view_enabled = True
    copy_view_enabled = False

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**{
            "add_url_name": None, "edit_url_name": self.get_url_name("inspect"), "delete_url_name": None,
            "history_url_name": None, "usage_url_name": None, **kwargs,
        })

    @property
    def url_finder_class(self):
        return type("_InspectURLFinder", (ModelAdminURLFinder,), {"edit_url_name": self.get_url_name("inspect")})

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<str:pk>/", self.inspect_view, name="inspect"),
        ]


class DeliveryIndexView(PageFilterMixin, generic.IndexView):
    pass


class DeliveryViewSet(ReadOnlyViewSet):
    model = SocialDelivery
    name = "distribution_outbox"
    url_prefix = "distribution/outbox"
    icon = "resubmit"
    menu_label = _("Outbox")
    index_view_class = DeliveryIndexView
    list_display = ["page_title", "channel", "kind", "state", "attempts", Column("last_error", label=_("Last error")),
                    DateColumn("updated_at", label=_("Updated"))]
    list_filter = ["state", "channel", "kind"]
    search_fields = ["page_title", "last_error"]
    inspect_view_fields = ["page_title", "channel", "kind", "state", "language", "text", "attempts",
                           "next_attempt_at", "last_error", "remote_id", "remote_url", "idempotency_key", "sent_at",
                           "created_at"]


class WebhookDeliveryViewSet(ReadOnlyViewSet):
    model = WebhookDelivery
    name = "distribution_webhooks"
    url_prefix = "distribution/webhooks"
    icon = "link"
    menu_label = _("Publish webhooks")
    list_display = ["event", "url", "state", "attempts", "response_status", DateColumn("created_at", label=_("Created"))]
    list_filter = ["state"]
    inspect_view_fields = ["event", "url", "state", "attempts", "next_attempt_at", "response_status", "last_error",
                           "sent_at", "created_at"]


class DistributionViewSetGroup(ViewSetGroup):
    menu_label = _("Distribution")
    menu_icon = "resubmit"
    menu_order = 260
    items = (SocialPostViewSet, DeliveryViewSet, WebhookDeliveryViewSet)
