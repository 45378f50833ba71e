"""Fields several page types share."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail_localize.fields import SynchronizedField

from .base import BasePage

# Pages tag the Italian (source) topics and service points; translations keep the same ones and the API serves
# each in the reader's language through its translation key. One taxonomy, not one per language.
SOURCE_LOCALE_ONLY = {"locale__language_code": settings.LANGUAGE_CODE}


def checkboxes_panel(field_name: str, **kwargs) -> FieldPanel:
    """A many-to-many field as a list of checkboxes: editors tick topics or service points, where a multiple
    <select> needed Ctrl-click and lost every choice at a click without it."""
    return FieldPanel(field_name, widget=forms.CheckboxSelectMultiple, **kwargs)


class TopicPage(BasePage):
    """A page with a summary and topics: everything portals list and filter."""

    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("Two or three plain sentences shown in lists, search results and newsletters."),
    )
    topics = ParentalManyToManyField(
        "content_models.Topic",
        blank=True,
        related_name="+",
        limit_choices_to=SOURCE_LOCALE_ONLY,
        verbose_name=_("topics"),
    )

    # wagtail-localize skips many-to-many fields unless told: keep topics in step across translations.
    override_translatable_fields = [SynchronizedField("topics")]

    class Meta:
        abstract = True
