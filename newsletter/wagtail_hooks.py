"""Admin registration: issues (translatable snippets), subscribers, the sending pages and permissions."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, LiveStatusTagColumn, LocaleColumn
from wagtail.admin.views.generic import DeleteView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from content_models.snippet_views import TranslatableSnippetEditView, TranslationsBehindColumn

from . import admin_views, services
from .models import NewsletterIssue, Subscriber


class DispatchStatusColumn(Column):
    def get_value(self, instance):
        dispatch = getattr(instance.get_source_issue(), "dispatch", None)
        return dispatch.get_status_display() if dispatch else _("Not sent")


class NewsletterIssueViewSet(SnippetViewSet):
    model = NewsletterIssue
    edit_view_class = TranslatableSnippetEditView  # "Translate" in the edit screen's header too
    icon = "mail"
    menu_label = _("Newsletter issues")
    menu_order = 300
    add_to_admin_menu = True
    # Wagtail's status tags ("Live", "Draft", "Live + Draft"), not the raw booleans of `live`. Labels are lazy:
    # Wagtail's columns translate theirs when the module is imported, in whatever language is active then.
    list_display = [
        "subject",
        LocaleColumn(label=_("Locale")),
        LiveStatusTagColumn(label=_("Status")),
        DispatchStatusColumn("dispatch", label=_("Sending")),
        TranslationsBehindColumn(),
    ]
    search_fields = ["subject"]


class SubscriberIndexView(IndexView):
    def get_add_url(self):
        return None  # subscribers come only through double opt-in, with a consent record

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm("newsletter.change_subscriber"):
            buttons.append(MenuItem(_("Export personal data"), reverse("newsletter_admin:subscriber_export",
                                                                      args=[instance.pk]), icon_name="download",
                                    priority=30))
        return buttons


class SubscriberEraseView(DeleteView):
    """Deleting a subscriber is the GDPR erasure: consents go, deliveries stay as anonymous counts."""

    def delete_action(self):
        services.subscriber_erase(subscriber=self.object)


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "user"
    menu_label = _("Newsletter subscribers")
    menu_order = 310
    add_to_admin_menu = True
    index_view_class = SubscriberIndexView
    delete_view_class = SubscriberEraseView
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["language", "topics"]  # status changes only through the subscriber's own actions
    list_display = ["email", "language", "status", DateColumn("created_at", label=_("Subscribed on"))]
    list_filter = ["status", "language"]
    search_fields = ["email"]

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if getattr(pattern, "name", "") != "add"]


register_snippet(NewsletterIssueViewSet)


@hooks.register("register_admin_viewset")
def register_subscriber_viewset():
    return SubscriberViewSet("newsletter_subscribers")


@hooks.register("register_admin_urls")
def register_newsletter_admin_urls():
    urls = [
        path("issues/<int:pk>/sending/", admin_views.issue_sending, name="sending"),
        path("issues/<int:pk>/email/<str:language>/", admin_views.email_preview, name="email_preview"),
        path("subscribers/<int:pk>/export/", admin_views.subscriber_export, name="subscriber_export"),
    ]
    return [path("newsletter/", include((urls, "newsletter_admin"), namespace="newsletter_admin"))]


@hooks.register("register_snippet_listing_buttons")
def sending_listing_button(snippet, user, next_url=None):
    if isinstance(snippet, NewsletterIssue) and user.has_perm(admin_views.SEND_PERMISSION):
        yield ListingButton(
            _("Preview, send and report"),
            url=reverse("newsletter_admin:sending", args=[snippet.get_source_issue().pk]),
            icon_name="mail", priority=5,
        )


@hooks.register("register_permissions")
def register_send_permission():
    return Permission.objects.filter(content_type__app_label="newsletter", codename="send_newsletterissue")
