"""Events: courses starting, open days, meetings, festivals, organised by the Region or by an association."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from multiselectfield import MultiSelectField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from ..blocks import BodyStreamBlock
from ..choices import AUDIENCES, PROVINCES, SPOKEN_LANGUAGES
from ..forms import PageForm
from ..validators import validate_coordinates
from .associations import AssociationPage
from .base import page_tabs
from .mixins import TopicPage, checkboxes_panel


def _association_profile(page) -> bool:
    return page is not None and issubclass(page.specific_class, AssociationPage)


class EventPageForm(PageForm):
    """The page form (what a user chooses must be theirs to choose, content_models/forms.py). A new event under
    an association's profile shows that association as its organiser from the start (the model sets it on save
    anyway); an event of the Region's own section starts without one.

    A draft (autosave, "Save draft") may still lack its place: EventPage.clean asks for one only when the form
    validates in full (publishing, submitting for review).
    """

    def _post_clean(self):
        self.instance.validating_draft = self.is_deferred_validation
        try:
            super()._post_clean()
        finally:
            self.instance.validating_draft = False

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if (
            self.instance.pk is None
            and "organizer" in self.fields
            and not self.initial.get("organizer")
            and _association_profile(parent_page)
        ):
            self.initial["organizer"] = parent_page.pk


class EventPage(TopicPage):
    """An event in time and place (or online). Times are stored timezone-aware and shown in Europe/Rome."""

    # Null only in drafts: the form requires it to publish, and Wagtail can then save a draft (autosave) before the
    # date is known. Published events always have one (the API declares it non-null).
    start = models.DateTimeField(_("starts"), null=True, blank=False)
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    all_day = models.BooleanField(_("all day"), default=False, help_text=_("Hide the times: the event lasts all day."))
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("street address"), max_length=255, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    province = models.CharField(_("province"), max_length=2, choices=PROVINCES, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    online_url = models.URLField(_("online link"), blank=True, help_text=_("For online or hybrid events."))
    organizer = models.ForeignKey(
        "content_models.AssociationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organized_events",
        verbose_name=_("organiser"),
        help_text=_("Leave empty when the Region organises the event."),
    )
    registration_url = models.URLField(_("registration address"), blank=True)
    cost = models.CharField(_("cost"), max_length=100, blank=True, help_text=_("Leave empty if the event is free."))
    event_languages = MultiSelectField(
        _("languages spoken at the event"), choices=SPOKEN_LANGUAGES, max_length=200, blank=True
    )
    audiences = MultiSelectField(_("who it is for"), choices=AUDIENCES, max_length=200, blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    base_form_class = EventPageForm
    # Associations publish their own events under their profile page (see the associations app).
    parent_page_types = ["content_models.EventIndexPage", "content_models.AssociationPage"]
    subpage_types = []

    content_panels = TopicPage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("all_day")], heading=_("When")
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("municipality"), FieldPanel("province")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("body"),
    ]
    details_panels = [
        FieldPanel("organizer"),
        FieldPanel("registration_url"),
        FieldPanel("cost"),
        FieldPanel("event_languages"),
        FieldPanel("audiences"),
        checkboxes_panel("topics"),
    ]
    edit_handler = page_tabs(content_panels, details_panels)
    search_fields = TopicPage.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("venue_name"),
        index.SearchField("municipality"),
        index.SearchField("body"),
        index.FilterField("start"),
        index.FilterField("province"),
    ]
    template = "content_models/preview/event_page.html"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["start"], name="event_start_idx")]

    @property
    def is_free(self) -> bool:
        return not self.cost.strip()

    # Set by EventPageForm while it validates a draft: completeness rules wait for the full validation.
    validating_draft = False

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The event cannot end before it starts.")
        if not self.validating_draft:
            if not (self.venue_name or self.address or self.online_url):
                errors["venue_name"] = _("Say where the event takes place: a venue, an address or an online link.")
            if (self.venue_name or self.address) and not self.municipality:
                errors["municipality"] = _("Give the municipality of the venue.")
        if errors:
            raise ValidationError(errors)
        validate_coordinates(self.latitude, self.longitude)

    def save(self, *args, **kwargs):
        # An event created under an association's profile is that association's event unless said otherwise.
        if self.organizer_id is None and self.depth:
            parent = self.get_parent()
            if _association_profile(parent):
                self.organizer_id = parent.pk
        super().save(*args, **kwargs)
