"""Service pages, in the order of the Italian public administration's "scheda servizio" (Designers Italia)."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from multiselectfield import MultiSelectField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..blocks import SHORT_RICH_TEXT_FEATURES, BodyStreamBlock, StepBlock
from ..choices import AUDIENCES, PROGRAMME_ACTIONS, PROVINCES, SPOKEN_LANGUAGES
from .base import page_tabs
from .mixins import SOURCE_LOCALE_ONLY, TopicPage, checkboxes_panel


class ServicePage(TopicPage):
    """A public service for foreign citizens: what it is, who it is for, how to get it, where."""

    audiences = MultiSelectField(_("who it is for"), choices=AUDIENCES, max_length=200, blank=True)
    audience_details = RichTextField(
        _("who it is for, in detail"), blank=True, features=SHORT_RICH_TEXT_FEATURES,
        help_text=_("Conditions of access: age, residence, permit, income..."),
    )
    how_to_access = StreamField(
        [("step", StepBlock())], blank=True, verbose_name=_("how to access"),
        help_text=_("The steps, in order."),
    )
    what_you_need = RichTextField(
        _("what you need"), blank=True, features=SHORT_RICH_TEXT_FEATURES,
        help_text=_("Documents and requirements to bring."),
    )
    what_you_get = RichTextField(_("what you get"), blank=True, features=SHORT_RICH_TEXT_FEATURES)
    is_free = models.BooleanField(_("free of charge"), default=True)
    costs = RichTextField(_("costs"), blank=True, features=SHORT_RICH_TEXT_FEATURES)
    deadlines = RichTextField(_("deadlines"), blank=True, features=SHORT_RICH_TEXT_FEATURES)
    online_url = models.URLField(_("online service address"), blank=True)
    channels = RichTextField(
        _("channels"), blank=True, features=SHORT_RICH_TEXT_FEATURES,
        help_text=_("How to reach the service: in person, by phone, online, by appointment."),
    )
    service_points = ParentalManyToManyField(
        "content_models.ServicePoint", blank=True, related_name="+", limit_choices_to=SOURCE_LOCALE_ONLY,
        verbose_name=_("where"),
    )
    # Not named `action`: a form control of that name shadows the form's own `action` property in the admin
    # (content_models/checks.py).
    programme_action = models.CharField(_("programme action"), max_length=2, choices=PROGRAMME_ACTIONS)
    provinces = MultiSelectField(_("provinces covered"), choices=PROVINCES, max_length=20, blank=True)
    service_languages = MultiSelectField(
        _("languages offered"), choices=SPOKEN_LANGUAGES, max_length=200, blank=True,
        help_text=_("Languages in which the service is offered, e.g. through cultural mediation."),
    )
    last_reviewed = models.DateField(
        _("last reviewed"), default=datetime.date.today,
        help_text=_("When someone last checked that this information is still true."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("more information"))

    parent_page_types = ["content_models.ServiceIndexPage"]
    subpage_types = []
    override_translatable_fields = TopicPage.override_translatable_fields + [SynchronizedField("service_points")]

    content_panels = TopicPage.content_panels + [
        FieldPanel("summary"),
        # Required: on the first tab, where a page without it cannot go unnoticed (it hid on "Details").
        FieldPanel(
            "programme_action",
            help_text=_("Which of the four actions of the InterAzioni programme offers this service: portals filter by it."),
        ),
        MultiFieldPanel([FieldPanel("audiences"), FieldPanel("audience_details")], heading=_("Who it is for")),
        FieldPanel("how_to_access"),
        FieldPanel("what_you_need"),
        FieldPanel("what_you_get"),
        MultiFieldPanel([FieldPanel("is_free"), FieldPanel("costs")], heading=_("Costs")),
        FieldPanel("deadlines"),
        MultiFieldPanel([FieldPanel("online_url"), FieldPanel("channels")], heading=_("Channels")),
        checkboxes_panel("service_points"),
        FieldPanel("body"),
    ]
    details_panels = [
        checkboxes_panel("topics"),
        FieldPanel("provinces"),
        FieldPanel("service_languages"),
        FieldPanel("last_reviewed"),
    ]
    edit_handler = page_tabs(content_panels, details_panels)
    search_fields = TopicPage.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("audience_details"),
        index.SearchField("what_you_need"),
        index.SearchField("what_you_get"),
        index.SearchField("body"),
        index.FilterField("programme_action"),
    ]
    template = "content_models/preview/service_page.html"

    class Meta:
        verbose_name = _("service page")
        verbose_name_plural = _("service pages")
