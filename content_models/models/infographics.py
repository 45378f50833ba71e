"""Infographics: an image of data, always with its accessible text equivalent and its sources."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from ..blocks import RICH_TEXT_FEATURES, KeyFigureBlock
from .base import page_tabs
from .mixins import TopicPage, checkboxes_panel


class InfographicPage(TopicPage):
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("infographic image"),
    )
    alt_text = models.CharField(
        _("alternative text"), max_length=300, help_text=_("One sentence: what the infographic shows.")
    )
    long_description = RichTextField(
        _("long description"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Everything the infographic says, in words: the accessible equivalent of the image."),
    )
    key_figures = StreamField(
        [("figure", KeyFigureBlock())], blank=True, verbose_name=_("key figures"),
        help_text=_("The main numbers, each with its unit and source."),
    )
    data_source = models.CharField(_("source of the data"), max_length=255)
    # Null only in drafts, so that autosave can save one before the date is known; required to publish.
    data_date = models.DateField(_("date of the data"), null=True, blank=False)
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("downloadable version"),
        help_text=_("Optional: the full report or a printable version."),
    )

    parent_page_types = ["content_models.InfographicIndexPage"]
    subpage_types = []
    content_panels = TopicPage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("long_description")],
            heading=_("Infographic and its text equivalent"),
        ),
        FieldPanel("key_figures"),
        MultiFieldPanel([FieldPanel("data_source"), FieldPanel("data_date")], heading=_("Data")),
        FieldPanel("document"),
    ]
    details_panels = [checkboxes_panel("topics")]
    edit_handler = page_tabs(content_panels, details_panels)
    search_fields = TopicPage.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("long_description"),
        index.SearchField("data_source"),
    ]
    template = "content_models/preview/infographic_page.html"

    class Meta:
        verbose_name = _("infographic")
        verbose_name_plural = _("infographics")
