"""What print keeps: the current editions of each subject, the work that keeps them current, desk booklets and
the programme's print settings (funding line, logos)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Orderable

from cms.languages import CONTENT_LANGUAGES

from .formats import PrintFormat

LANGUAGE_CHOICES = [(language.code, language.native_name) for language in CONTENT_LANGUAGES]
SOURCE_LOCALE_ONLY = {"locale__language_code": settings.LANGUAGE_CODE}


# --- Settings ----------------------------------------------------------------------------------------------------
class FundingTranslationBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(label=_("Language"), choices=LANGUAGE_CHOICES)
    text = blocks.TextBlock(label=_("Funding line in this language"), max_length=500)

    class Meta:
        icon = "doc-full"
        label = _("Translation of the funding line")


class LogoBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Logo"))
    name = blocks.CharBlock(label=_("Whose logo it is"), max_length=120,
                            help_text=_("Read out by screen readers, e.g. 'European Union'."))

    class Meta:
        icon = "image"
        label = _("Logo")


@register_setting(icon="print")
class PrintSettings(BaseGenericSetting):
    """Printed on every edition. Saving it makes every edition again, in the background."""

    programme_name = models.CharField(_("programme name"), max_length=120, default="InterAzioni · Regione Liguria")
    funding_line = models.TextField(
        _("funding line"), blank=True, max_length=500,
        help_text=_("The programme's funding statement, in Italian, as the funder requires it on printed material."),
    )
    funding_translations = StreamField(
        [("translation", FundingTranslationBlock())], blank=True, verbose_name=_("funding line in other languages"),
        help_text=_("Printed under the Italian line on editions in that language."),
    )
    logos = StreamField([("logo", LogoBlock())], blank=True, verbose_name=_("logos"),
                        help_text=_("The funders' and partners' logos, in the order the funder requires."))

    panels = [FieldPanel("programme_name"), FieldPanel("funding_line"), FieldPanel("funding_translations"),
              FieldPanel("logos")]

    class Meta:
        verbose_name = _("print")

    def funding_line_in(self, language: str) -> str:
        for child in self.funding_translations:
            if child.value["language"] == language:
                return child.value["text"]
        return ""


# --- Editions ----------------------------------------------------------------------------------------------------
class PrintEdition(models.Model):
    """The current edition of one subject (a page translation, or a help desk) in one format.

    One row per subject, format and bilingual flag: a new edition replaces the row and its file, so there is never
    an old edition to serve. `revision` is the live revision the file was made from (or found identical to):
    the API lists an edition only while it is still the page's live revision, so a file is never served for a
    revision it was not made from. `fingerprint` identifies what was typeset; an unchanged page is never typeset
    twice.
    """

    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="print_editions")
    service_point = models.ForeignKey("content_models.ServicePoint", null=True, blank=True,
                                      on_delete=models.CASCADE, related_name="print_editions")
    language = models.CharField(_("language"), max_length=10, choices=LANGUAGE_CHOICES)
    format = models.CharField(_("format"), max_length=2, choices=PrintFormat.choices)
    bilingual = models.BooleanField(_("bilingual"), default=False,
                                    help_text=_("Italian beside the edition's language."))
    revision = models.ForeignKey("wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    # Bilingual editions also print the Italian page: they are current only while its live revision is this one.
    source_page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE,
                                    related_name="+")
    source_revision = models.ForeignKey("wagtailcore.Revision", null=True, blank=True,
                                        on_delete=models.SET_NULL, related_name="+")
    fingerprint = models.CharField(max_length=64)
    file_name = models.CharField(max_length=255)
    bytes = models.PositiveIntegerField()
    pages = models.PositiveSmallIntegerField()
    generated_at = models.DateTimeField(_("generated at"))
    problems = models.TextField(blank=True, help_text=_("What could not be printed, e.g. an image missing."))

    class Meta:
        verbose_name = _("print edition")
        verbose_name_plural = _("print editions")
        constraints = [
            models.CheckConstraint(
                condition=Q(page__isnull=False, service_point__isnull=True)
                | Q(page__isnull=True, service_point__isnull=False),
                name="printedition_one_subject",
            ),
            models.UniqueConstraint(fields=["page", "format", "bilingual"], condition=Q(page__isnull=False),
                                    name="printedition_one_per_page_format"),
            models.UniqueConstraint(fields=["service_point", "format", "bilingual"],
                                    condition=Q(service_point__isnull=False),
                                    name="printedition_one_per_point_format"),
        ]

    def __str__(self):
        return f"{self.file_name} ({self.language}, {self.format}{', bilingual' if self.bilingual else ''})"


class JobState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Being typeset")
    DONE = "done", _("Up to date")
    RETRYING = "retrying", _("Failed, will retry")
    FAILED = "failed", _("Failed")


class PrintJob(models.Model):
    """The background work that keeps one subject's editions current, and what went wrong last."""

    page = models.OneToOneField("wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE,
                                related_name="print_job")
    service_point = models.OneToOneField("content_models.ServicePoint", null=True, blank=True,
                                         on_delete=models.CASCADE, related_name="print_job")
    state = models.CharField(max_length=10, choices=JobState.choices, default=JobState.QUEUED)
    force = models.BooleanField(default=False, help_text=_("Typeset again even what has not changed."))
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("print job")
        constraints = [
            models.CheckConstraint(
                condition=Q(page__isnull=False, service_point__isnull=True)
                | Q(page__isnull=True, service_point__isnull=False),
                name="printjob_one_subject",
            ),
        ]
        indexes = [models.Index(fields=["state", "next_attempt_at"], name="printjob_due_idx")]


# --- Desk booklets -----------------------------------------------------------------------------------------------
class BookletSelection(models.TextChoices):
    PAGES = "pages", _("The pages I choose")
    SERVICE_POINT = "service_point", _("Every service of a help desk")
    TOPIC = "topic", _("Every service on a topic")


class BookletState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Being typeset")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class PrintBooklet(ClusterableModel):
    """A desk booklet: chosen pages in one language, with a cover, contents and page numbers, as one PDF."""

    title = models.CharField(_("title on the cover"), max_length=160, blank=True,
                             help_text=_("Leave empty to use the help desk's name or the topic."))
    language = models.CharField(_("language"), max_length=10, choices=LANGUAGE_CHOICES)
    format = models.CharField(_("paper"), max_length=2, default=PrintFormat.A5,
                              choices=[(PrintFormat.A4.value, "A4"), (PrintFormat.A5.value, "A5")])
    selection = models.CharField(_("what goes in"), max_length=20, choices=BookletSelection.choices,
                                 default=BookletSelection.PAGES)
    service_point = models.ForeignKey("content_models.ServicePoint", null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="+", limit_choices_to=SOURCE_LOCALE_ONLY,
                                      verbose_name=_("help desk"))
    topic = models.ForeignKey("content_models.Topic", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+", limit_choices_to=SOURCE_LOCALE_ONLY, verbose_name=_("topic"))
    italian_when_missing = models.BooleanField(
        _("include pages not yet translated, in Italian"), default=False,
        help_text=_("Otherwise a page without a translation in the booklet's language is left out (and listed)."),
    )
    state = models.CharField(_("state"), max_length=10, choices=BookletState.choices, default=BookletState.QUEUED)
    file_name = models.CharField(max_length=255, blank=True)
    bytes = models.PositiveIntegerField(null=True, blank=True)
    pages = models.PositiveSmallIntegerField(null=True, blank=True)
    built_at = models.DateTimeField(_("built at"), null=True, blank=True)
    last_error = models.TextField(blank=True)
    # What the last build printed and left out: {"printed": [titles], "italian": [titles], "missing": [titles]}.
    contents = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("desk booklet")
        verbose_name_plural = _("desk booklets")
        ordering = ["-updated_at"]

    def __str__(self):
        return self.title or str(self.service_point or self.topic or _("Desk booklet"))


class PrintBookletPage(Orderable):
    booklet = ParentalKey(PrintBooklet, on_delete=models.CASCADE, related_name="chosen_pages")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page"))

    panels = [FieldPanel("page")]
