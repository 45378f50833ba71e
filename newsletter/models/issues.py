"""Newsletter issues: translatable snippets, one translation per language edition (wagtail-localize)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, Locale, PreviewableMixin, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from content_models.kernel.untranslated import untranslated_field, untranslated_record
from content_models.models.mixins import SOURCE_LOCALE_ONLY, checkboxes_panel
from content_models.panels import TranslationStatusPanel

from ..blocks import NewsletterStreamBlock


class NewsletterIssue(TranslatableMixin, DraftStateMixin, RevisionMixin, PreviewableMixin, index.Indexed,
                      ClusterableModel):
    """One issue. The Italian instance is the source; every other language edition is its translation.

    Sending state lives on `Dispatch` (one per source issue), never here: revisions hold content only.
    """

    subject = models.CharField(_("subject"), max_length=150, help_text=_("The email subject: short and concrete."))
    preheader = models.CharField(
        _("preview text"), max_length=150, blank=True,
        help_text=_("Shown after the subject in most inboxes."),
    )
    body = StreamField(NewsletterStreamBlock(), verbose_name=_("content"))
    topics = ParentalManyToManyField(
        "content_models.Topic", blank=True, related_name="+", limit_choices_to=SOURCE_LOCALE_ONLY,
        verbose_name=_("topics"),
        help_text=_("Sent to subscribers of these topics (and to those who chose none). No topic: everyone."),
    )
    # What of a language edition is still in Italian: its rich text carries lang and dir (content kernel).
    untranslated = untranslated_field()

    panels = [
        TranslationStatusPanel(),  # the language editions older than this issue's last change, if any
        FieldPanel("subject"),
        FieldPanel("preheader"),
        checkboxes_panel("topics"),
        FieldPanel("body"),
    ]
    # Topics are one taxonomy: every language edition targets the same readers.
    override_translatable_fields = [SynchronizedField("topics")]
    search_fields = [index.SearchField("subject"), index.AutocompleteField("subject"), index.FilterField("locale")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        permissions = [("send_newsletterissue", _("Can send newsletter issues"))]

    def __str__(self):
        return self.subject

    def save(self, *args, **kwargs):
        # A full save records what of a language edition is still untranslated; wagtail-localize saves this way.
        if kwargs.get("update_fields") is None:
            untranslated_record(self)
        super().save(*args, **kwargs)

    # --- Language editions ---------------------------------------------------------------------------------
    def get_source_issue(self) -> "NewsletterIssue":
        """The Italian issue: deliveries, scheduling and reports hang off it."""
        if self.locale_id == Locale.get_default().pk:
            return self
        return self.get_translation(Locale.get_default())

    # --- Preview in the admin ------------------------------------------------------------------------------
    @property
    def preview_modes(self):
        return [("html", _("Email")), ("text", _("Plain text"))]

    def serve_preview(self, request, mode_name):
        from django.http import HttpResponse

        from ..rendering import render_edition
        from ..rendering.links import preview_links

        edition = render_edition(self)  # this instance, in its own locale: the edition being edited
        html, text = edition.personalise(preview_links())
        if mode_name == "text":
            return HttpResponse(text, content_type="text/plain; charset=utf-8")
        return HttpResponse(html)
