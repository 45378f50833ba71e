"""The newsletter's stream: every shared content block, plus teasers of existing pages.

Blocks carry content only; newsletter/rendering maps each one to email markup and plain text.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from content_models.blocks import BodyStreamBlock

TEASER_PAGE_TYPES = [
    "content_models.EventPage",
    "content_models.NewsPage",
    "content_models.ServicePage",
    "content_models.AssociationPage",
    "content_models.InfographicPage",
]


class PageTeasersBlock(blocks.StructBlock):
    """Cards of existing pages. Each reader gets the page in their language, or in Italian if not translated."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(label=_("Page"), page_type=TEASER_PAGE_TYPES),
        label=_("Pages"),
        min_num=1,
        max_num=8,
        help_text=_("Choose the Italian page: each language edition links to its translation."),
    )
    show_images = blocks.BooleanBlock(label=_("Show images"), required=False, default=True)

    class Meta:
        icon = "doc-full-inverse"
        label = _("Teasers of pages")
        description = _("Events, news or services already on the portal: title, summary, image and link.")
        preview_value = {"title": "Prossimi eventi", "show_images": True}


class NewsletterStreamBlock(BodyStreamBlock):
    teasers = PageTeasersBlock()

    class Meta:
        label = _("Content")
        description = _("The content of the issue, block by block.")
