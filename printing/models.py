"""What print keeps: the current editions of each subject, the work that keeps them current, desk booklets and
the programme's print settings (funding line, logos)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import pgettext_lazy
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

# Named in the admin's language ("Arabo" in the Italian admin), as everywhere in the admin (cms.languages).
LANGUAGE_CHOICES = [(language.code, language.name) for language in CONTENT_LANGUAGES]
SOURCE_LOCALE_ONLY = {"locale__language_code": settings.LANGUAGE_CODE}


# --- Settings ----------------------------------------------------------------------------------------------------
class FundingTranslationBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(label=pgettext_lazy("print", "Language"), choices=LANGUAGE_CHOICES)
    text = blocks.TextBlock(label=pgettext_lazy("print", "Funding line in this language"), max_length=500)

    class Meta:
        icon = "doc-full"
        label = pgettext_lazy("print", "Translation of the funding line")


class LogoBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=pgettext_lazy("print", "Logo"))
    name = blocks.CharBlock(
        label=pgettext_lazy("print", "Whose logo it is"),
        max_length=120,
        help_text=pgettext_lazy("print", "Read out by screen readers, e.g. 'European Union'."),
    )

    class Meta:
        icon = "image"
        label = pgettext_lazy("print", "Logo")


@register_setting(icon="print")
class PrintSettings(BaseGenericSetting):
    """Printed on every edition. Saving it makes every edition again, in the background."""

    programme_name = models.CharField(
        pgettext_lazy("print", "programme name"), max_length=120, default="InterAzioni · Regione Liguria"
    )
    funding_line = models.TextField(
        pgettext_lazy("print", "funding line"),
        blank=True,
        max_length=500,
        help_text=pgettext_lazy(
            "print",
            "The programme's funding statement, in Italian, as the funder requires it on printed material.",
        ),
    )
    funding_translations = StreamField(
        [("translation", FundingTranslationBlock())],
        blank=True,
        verbose_name=pgettext_lazy("print", "funding line in other languages"),
        help_text=pgettext_lazy("print", "Printed under the Italian line on editions in that language."),
    )
    logos = StreamField(
        [("logo", LogoBlock())],
        blank=True,
        verbose_name=pgettext_lazy("print", "logos"),
        help_text=pgettext_lazy(
            "print", "The funders' and partners' logos, in the order the funder requires."
        ),
    )

    panels = [
        FieldPanel("programme_name"),
        FieldPanel("funding_line"),
        FieldPanel("funding_translations"),
        FieldPanel("logos"),
    ]

    class Meta:
        verbose_name = pgettext_lazy("print", "print")
        verbose_name_plural = pgettext_lazy("print", "print")

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

    # A new edition changes what the API lists: saving or deleting one bumps the content generation (the kernel's
    # one list of signals, content_models/kernel/invalidation.py).
    reaches_readers = True

    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="print_editions",
        verbose_name=pgettext_lazy("print", "page"),
    )
    service_point = models.ForeignKey(
        "content_models.ServicePoint",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="print_editions",
        verbose_name=pgettext_lazy("print", "help desk"),
    )
    language = models.CharField(pgettext_lazy("print", "language"), max_length=10, choices=LANGUAGE_CHOICES)
    format = models.CharField(pgettext_lazy("print", "format"), max_length=2, choices=PrintFormat.choices)
    bilingual = models.BooleanField(
        pgettext_lazy("print", "bilingual"),
        default=False,
        help_text=pgettext_lazy("print", "Italian beside the edition's language."),
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=pgettext_lazy("print", "revision"),
    )
    # Bilingual editions also print the Italian page: they are current only while its live revision is this one.
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=pgettext_lazy("print", "Italian page"),
    )
    source_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=pgettext_lazy("print", "revision of the Italian page"),
    )
    fingerprint = models.CharField(pgettext_lazy("print", "fingerprint"), max_length=64)
    file_name = models.CharField(pgettext_lazy("print", "file name"), max_length=255)
    bytes = models.PositiveIntegerField(pgettext_lazy("print", "size in bytes"))
    pages = models.PositiveSmallIntegerField(pgettext_lazy("print", "pages"))
    generated_at = models.DateTimeField(pgettext_lazy("print", "generated at"))
    problems = models.TextField(
        pgettext_lazy("print", "problems"),
        blank=True, help_text=pgettext_lazy("print", "What could not be printed, e.g. an image missing.")
    )

    class Meta:
        verbose_name = pgettext_lazy("print", "print edition")
        verbose_name_plural = pgettext_lazy("print", "print editions")
        constraints = [
            models.CheckConstraint(
                condition=Q(page__isnull=False, service_point__isnull=True)
                | Q(page__isnull=True, service_point__isnull=False),
                name="printedition_one_subject",
            ),
            models.UniqueConstraint(
                fields=["page", "format", "bilingual"],
                condition=Q(page__isnull=False),
                name="printedition_one_per_page_format",
            ),
            models.UniqueConstraint(
                fields=["service_point", "format", "bilingual"],
                condition=Q(service_point__isnull=False),
                name="printedition_one_per_point_format",
            ),
        ]

    def __str__(self):
        return f"{self.file_name} ({self.language}, {self.format}{', bilingual' if self.bilingual else ''})"


class JobState(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("print", "Queued")
    RUNNING = "running", pgettext_lazy("print", "Being typeset")
    DONE = "done", pgettext_lazy("print", "Up to date")
    RETRYING = "retrying", pgettext_lazy("print", "Failed, will retry")
    FAILED = "failed", pgettext_lazy("print", "Failed")


class PrintJob(models.Model):
    """The background work that keeps one subject's editions current, and what went wrong last."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="print_job",
        verbose_name=pgettext_lazy("print", "page"),
    )
    service_point = models.OneToOneField(
        "content_models.ServicePoint",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="print_job",
        verbose_name=pgettext_lazy("print", "help desk"),
    )
    state = models.CharField(
        pgettext_lazy("print", "state"), max_length=10, choices=JobState.choices, default=JobState.QUEUED
    )
    force = models.BooleanField(
        pgettext_lazy("print", "typeset everything again"),
        default=False,
        help_text=pgettext_lazy("print", "Typeset again even what has not changed."),
    )
    attempts = models.PositiveSmallIntegerField(pgettext_lazy("print", "attempts"), default=0)
    last_error = models.TextField(pgettext_lazy("print", "last error"), blank=True)
    next_attempt_at = models.DateTimeField(pgettext_lazy("print", "next attempt"), null=True, blank=True)
    updated_at = models.DateTimeField(pgettext_lazy("print", "updated at"), auto_now=True)

    class Meta:
        verbose_name = pgettext_lazy("print", "print job")
        verbose_name_plural = pgettext_lazy("print", "print jobs")
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
    PAGES = "pages", pgettext_lazy("print", "The pages I choose")
    SERVICE_POINT = "service_point", pgettext_lazy("print", "Every service of a help desk")
    TOPIC = "topic", pgettext_lazy("print", "Every service on a topic")


class BookletState(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("print", "Queued")
    RUNNING = "running", pgettext_lazy("print", "Being typeset")
    READY = "ready", pgettext_lazy("print", "Ready")
    FAILED = "failed", pgettext_lazy("print", "Failed")


class PrintBooklet(ClusterableModel):
    """A desk booklet: chosen pages in one language, with a cover, contents and page numbers, as one PDF."""

    title = models.CharField(
        pgettext_lazy("print", "title on the cover"),
        max_length=160,
        blank=True,
        help_text=pgettext_lazy("print", "Leave empty to use the help desk's name or the topic."),
    )
    language = models.CharField(pgettext_lazy("print", "language"), max_length=10, choices=LANGUAGE_CHOICES)
    format = models.CharField(
        pgettext_lazy("print", "paper"),
        max_length=2,
        default=PrintFormat.A5,
        choices=[(PrintFormat.A4.value, "A4"), (PrintFormat.A5.value, "A5")],
    )
    selection = models.CharField(
        pgettext_lazy("print", "what goes in"),
        max_length=20,
        choices=BookletSelection.choices,
        default=BookletSelection.PAGES,
    )
    service_point = models.ForeignKey(
        "content_models.ServicePoint",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=SOURCE_LOCALE_ONLY,
        verbose_name=pgettext_lazy("print", "help desk"),
    )
    topic = models.ForeignKey(
        "content_models.Topic",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=SOURCE_LOCALE_ONLY,
        verbose_name=pgettext_lazy("print", "topic"),
    )
    italian_when_missing = models.BooleanField(
        pgettext_lazy("print", "include pages not yet translated, in Italian"),
        default=False,
        help_text=pgettext_lazy(
            "print",
            "Otherwise a page without a translation in the booklet's language is left out (and listed).",
        ),
    )
    state = models.CharField(
        pgettext_lazy("print", "state"),
        max_length=10,
        choices=BookletState.choices,
        default=BookletState.QUEUED,
    )
    file_name = models.CharField(pgettext_lazy("print", "file name"), max_length=255, blank=True)
    bytes = models.PositiveIntegerField(pgettext_lazy("print", "size in bytes"), null=True, blank=True)
    pages = models.PositiveSmallIntegerField(pgettext_lazy("print", "pages"), null=True, blank=True)
    built_at = models.DateTimeField(pgettext_lazy("print", "built at"), null=True, blank=True)
    last_error = models.TextField(pgettext_lazy("print", "last error"), blank=True)
    # What the last build printed and left out: {"printed": [titles], "italian": [titles], "missing": [titles]}.
    contents = models.JSONField(pgettext_lazy("print", "contents"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=pgettext_lazy("print", "created by"),
    )
    created_at = models.DateTimeField(pgettext_lazy("print", "created at"), auto_now_add=True)
    updated_at = models.DateTimeField(pgettext_lazy("print", "updated at"), auto_now=True)

    class Meta:
        verbose_name = pgettext_lazy("print", "desk booklet")
        verbose_name_plural = pgettext_lazy("print", "desk booklets")
        ordering = ["-updated_at"]

    def __str__(self):
        return self.title or str(self.service_point or self.topic or pgettext_lazy("print", "Desk booklet"))


class PrintBookletPage(Orderable):
    booklet = ParentalKey(
        PrintBooklet,
        on_delete=models.CASCADE,
        related_name="chosen_pages",
        verbose_name=pgettext_lazy("print", "desk booklet"),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=pgettext_lazy("print", "page"),
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = pgettext_lazy("print", "booklet page")
        verbose_name_plural = pgettext_lazy("print", "booklet pages")
