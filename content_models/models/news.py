"""News: announcements and stories from the programme."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from ..blocks import BodyStreamBlock
from .base import page_tabs
from .mixins import TopicPage, checkboxes_panel


class NewsPage(TopicPage):
    date = models.DateField(_("date"), default=datetime.date.today)
    main_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("main image"),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"))

    parent_page_types = ["content_models.NewsIndexPage"]
    subpage_types = []
    content_panels = TopicPage.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("main_image"),
        FieldPanel("body"),
    ]
    details_panels = [checkboxes_panel("topics")]
    edit_handler = page_tabs(content_panels, details_panels)
    search_fields = TopicPage.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    template = "content_models/preview/news_page.html"

    class Meta:
        verbose_name = _("news")
        verbose_name_plural = _("news")

    def clean(self):
        super().clean()
        if self.main_image is not None and not self.main_image.has_accessible_text:
            raise ValidationError(
                {"main_image": _("This image has no description (alt text): add one in the image library.")}
            )
