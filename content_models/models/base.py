"""What every page type shares: portal URLs, SEO fields, admin tabs and the preview context."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.models import Page

from cms.languages import get_content_language
from content_models.forms import PageForm
from content_models.publishing import live_content_write_held, publication_held, unchanged_content_fields

from ..panels import TranslationStatusPanel
from ..kernel.untranslated import untranslated_field, untranslated_record
from ..kernel.urls import portal_base_url, portal_path


PROMOTE_PANELS = [
    MultiFieldPanel(
        [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description"), FieldPanel("social_image")],
        heading=_("For search engines and social media"),
    ),
]


def page_tabs(content_panels, details_panels=()):
    """The admin tabs every page type shares: content first, then details (if any), promote and settings. The
    content tab opens with the translations that lag behind this page, if any (content_models/panels.py)."""
    tabs = [ObjectList([TranslationStatusPanel(), *content_panels], heading=_("Content"))]
    if details_panels:
        tabs.append(ObjectList(list(details_panels), heading=_("Details")))
    tabs += [
        ObjectList(PROMOTE_PANELS, heading=_("Promote")),
        ObjectList(Page.settings_panels, heading=_("Settings"), classname="settings"),
    ]
    return TabbedInterface(tabs)


class BasePage(Page):
    """Abstract base of every page type. Headless: page URLs point at the portal, not at this server."""

    social_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sharing image"),
        help_text=_("Shown when the page is shared on social media; defaults to the page's main image."),
    )
    # What of a translation is still in its source's language (content_models/kernel/untranslated.py).
    untranslated = untranslated_field()

    promote_panels = PROMOTE_PANELS
    base_form_class = PageForm  # what a user chooses must be theirs to choose (content_models/forms.py)

    class Meta:
        abstract = True

    # --- Portal URLs ---------------------------------------------------------------------------------------
    @property
    def portal_path(self) -> str:
        """The page's path inside its locale tree, as the portal sees it ("/servizi/corsi/"); home is "/"."""
        return portal_path(self.url_path)

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        if parts is None:
            return None
        site_id = parts[0]
        return site_id, portal_base_url(self.locale.language_code), self.portal_path

    def get_url(self, request=None, current_site=None):
        # Wagtail shortens URLs to a relative path on the same site; ours always live on the portal.
        return self.get_full_url(request)

    url = property(get_url)

    # --- Publishing ----------------------------------------------------------------------------------------
    def save(self, *args, **kwargs):
        """Wagtail's save; a live page whose new content an app holds back keeps its live content in the row.

        A full save records first what is still untranslated, so the revision made from this instance carries it."""
        if kwargs.get("update_fields") is None:
            untranslated_record(self)
        if kwargs.get("update_fields") is None and self.pk and self.live and live_content_write_held(page=self):
            kept = unchanged_content_fields(self)
            if kept is not None:
                self.has_unpublished_changes = True
                kwargs["update_fields"] = kept
        return super().save(*args, **kwargs)

    def publish(self, revision, user=None, **kwargs):
        """Wagtail's publish, unless an app holds it back (content_models/publishing.py says who and why)."""
        if publication_held(page=self, revision=revision, user=user):
            return None
        return super().publish(revision, user=user, **kwargs)

    def serve_preview(self, request, mode_name):
        """Wagtail's preview. wagtail-localize previews a translation in progress as an instance built in memory,
        never saved: it gets what a save would record, so the translator sees which parts are still Italian."""
        untranslated_record(self)
        return super().serve_preview(request, mode_name)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["content_language"] = get_content_language(self.locale.language_code)
        return context
