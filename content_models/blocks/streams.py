"""The stream of blocks every body field offers: one list, so pages and newsletters speak the same language."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .links import CallToActionBlock, RelatedPagesBlock
from .media import DocumentDownloadBlock, ImageBlock, VideoEmbedBlock
from .structured import ContactBlock, FaqBlock, KeyFiguresBlock, StepsBlock
from .text import AlertBlock, HeadingBlock, ParagraphBlock, QuoteBlock


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    call_to_action = CallToActionBlock()
    steps = StepsBlock()
    faq = FaqBlock()
    contact = ContactBlock()
    key_figures = KeyFiguresBlock()
    document = DocumentDownloadBlock()
    related_pages = RelatedPagesBlock()
    video = VideoEmbedBlock()
    quote = QuoteBlock()
    alert = AlertBlock()

    class Meta:
        label = _("Body")
        description = _("The content of the page, block by block.")
