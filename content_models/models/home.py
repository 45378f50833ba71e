"""The home page of each locale tree and the section index pages under it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from ..blocks import SHORT_RICH_TEXT_FEATURES, BodyStreamBlock
from .base import BasePage, page_tabs


class HomePage(BasePage):
    """The root of one language's tree: one per locale, a translation of the Italian home."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "content_models.ServiceIndexPage",
        "content_models.EventIndexPage",
        "content_models.NewsIndexPage",
        "content_models.InfographicIndexPage",
        "content_models.AssociationIndexPage",
    ]
    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    edit_handler = page_tabs(content_panels)
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    template = "content_models/preview/home_page.html"

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


# Wagtail derives a template name per concrete class unless the class sets one: all sections share this one.
INDEX_TEMPLATE = "content_models/preview/index_page.html"


class SectionIndexPage(BasePage):
    """A section's landing page: an introduction; portals list the section's pages through the API."""

    intro = RichTextField(_("introduction"), blank=True, features=SHORT_RICH_TEXT_FEATURES)

    parent_page_types = ["content_models.HomePage"]
    max_count_per_parent = 1
    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    edit_handler = page_tabs(content_panels)
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    class Meta:
        abstract = True


class ServiceIndexPage(SectionIndexPage):
    subpage_types = ["content_models.ServicePage"]
    template = INDEX_TEMPLATE

    class Meta:
        verbose_name = _("services section")
        verbose_name_plural = _("services sections")


class EventIndexPage(SectionIndexPage):
    subpage_types = ["content_models.EventPage"]
    template = INDEX_TEMPLATE

    class Meta:
        verbose_name = _("events section")
        verbose_name_plural = _("events sections")


class NewsIndexPage(SectionIndexPage):
    subpage_types = ["content_models.NewsPage"]
    template = INDEX_TEMPLATE

    class Meta:
        verbose_name = _("news section")
        verbose_name_plural = _("news sections")


class InfographicIndexPage(SectionIndexPage):
    subpage_types = ["content_models.InfographicPage"]
    template = INDEX_TEMPLATE

    class Meta:
        verbose_name = _("infographics section")
        verbose_name_plural = _("infographics sections")


class AssociationIndexPage(SectionIndexPage):
    subpage_types = ["content_models.AssociationPage"]
    template = INDEX_TEMPLATE

    class Meta:
        verbose_name = _("associations section")
        verbose_name_plural = _("associations sections")
