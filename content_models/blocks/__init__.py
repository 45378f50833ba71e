"""The shared StreamField block library. Blocks carry content only: the API and the newsletter map them."""

from .links import CallToActionBlock, RelatedPagesBlock
from .media import DocumentDownloadBlock, ImageBlock, VideoEmbedBlock
from .streams import BodyStreamBlock
from .structured import (
    ContactBlock,
    FaqBlock,
    FaqItemBlock,
    KeyFigureBlock,
    KeyFiguresBlock,
    OpeningHoursBlock,
    SocialLinkBlock,
    StepBlock,
    StepsBlock,
)
from .text import RICH_TEXT_FEATURES, SHORT_RICH_TEXT_FEATURES, AlertBlock, HeadingBlock, ParagraphBlock, QuoteBlock

__all__ = [
    "AlertBlock",
    "BodyStreamBlock",
    "CallToActionBlock",
    "ContactBlock",
    "DocumentDownloadBlock",
    "FaqBlock",
    "FaqItemBlock",
    "HeadingBlock",
    "ImageBlock",
    "KeyFigureBlock",
    "KeyFiguresBlock",
    "OpeningHoursBlock",
    "ParagraphBlock",
    "QuoteBlock",
    "RelatedPagesBlock",
    "RICH_TEXT_FEATURES",
    "SHORT_RICH_TEXT_FEATURES",
    "SocialLinkBlock",
    "StepBlock",
    "StepsBlock",
    "VideoEmbedBlock",
]
