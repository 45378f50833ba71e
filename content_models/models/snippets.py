"""Translatable snippets: the topic taxonomy and the service points (help desks, single access points)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from multiselectfield import MultiSelectField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import StreamField
from wagtail.models import PreviewableMixin, TranslatableMixin
from wagtail.search import index

from cms.languages import get_content_language

from ..blocks import OpeningHoursBlock
from ..kernel.untranslated import untranslated_field, untranslated_record
from ..choices import PROVINCES, SERVICE_POINT_KINDS, SPOKEN_LANGUAGES
from ..validators import validate_coordinates


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A theme readers browse by (health, work, school...). Pages tag the Italian topic; the API localises it."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, help_text=_("Used in portal addresses and filters."))
    description = models.TextField(_("description"), blank=True)
    # What of a translation is still in its source's language (content_models/kernel/untranslated.py).
    untranslated = untranslated_field()

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["locale", "slug"], name="unique_topic_slug_per_locale")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # A full save records what of a translation is still untranslated; wagtail-localize saves this way.
        if kwargs.get("update_fields") is None:
            untranslated_record(self)
        super().save(*args, **kwargs)


class ServicePoint(TranslatableMixin, PreviewableMixin, index.Indexed, models.Model):
    """A place people go to: a single access point, a help desk, a mediation desk."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=SERVICE_POINT_KINDS, default="help_desk")
    address = models.CharField(_("street address"), max_length=255)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100)
    province = models.CharField(_("province"), max_length=2, choices=PROVINCES)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    languages_spoken = MultiSelectField(
        _("languages spoken"), choices=SPOKEN_LANGUAGES, max_length=200, blank=True,
        help_text=_("Languages the staff or the cultural mediators speak."),
    )
    opening_hours = StreamField(
        [("slot", OpeningHoursBlock())], blank=True, verbose_name=_("opening hours"),
        help_text=_("One row per opening slot: a day open morning and afternoon has two rows."),
    )
    opening_notes = models.TextField(
        _("notes on opening"), blank=True, help_text=_("Holidays, closures, how to book an appointment.")
    )
    accessibility_notes = models.TextField(
        _("accessibility"), blank=True, help_text=_("Step-free access, lifts, accessible toilets, hearing loops.")
    )
    untranslated = untranslated_field()  # see Topic.untranslated

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("name"),
                    FieldPanel("kind"),
                    MultiFieldPanel(
                        [
                            FieldPanel("address"),
                            FieldRowPanel([FieldPanel("postcode"), FieldPanel("municipality"), FieldPanel("province")]),
                            FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                        ],
                        heading=_("Where"),
                    ),
                    MultiFieldPanel(
                        [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")], heading=_("Contacts")
                    ),
                ],
                heading=_("Place"),
            ),
            ObjectList(
                [FieldPanel("opening_hours"), FieldPanel("opening_notes")], heading=_("Opening hours")
            ),
            ObjectList(
                [FieldPanel("languages_spoken"), FieldPanel("accessibility_notes")], heading=_("Access")
            ),
        ]
    )
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("municipality"),
        index.SearchField("address"),
        index.FilterField("province"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("service point")
        verbose_name_plural = _("service points")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.municipality})"

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:  # see Topic.save
            untranslated_record(self)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        validate_coordinates(self.latitude, self.longitude)

    def get_preview_template(self, request, mode_name):
        return "content_models/preview/service_point.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["content_language"] = get_content_language(self.locale.language_code)
        return context
