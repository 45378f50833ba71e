"""One GraphQL type per block of the library, registered against the block class it renders.

Values arrive already converted (graphql_api/streamfield/convert.py): rich text as portal HTML, chooser blocks
as visible objects or None, list items without the hidden ones.
"""

import datetime
from typing import Annotated

import strawberry
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from content_models import blocks as library
from graphql_api.locales.types import UntranslatedType
from graphql_api.media.types import DocumentType, ImageType

from .registry import BlockRegistry

# Pages hold blocks and blocks point at pages: the page type is named lazily (by module), not imported.
PageRef = Annotated["PageInterface", strawberry.lazy("graphql_api.pages.types")]

# Leaf blocks the converter knows how to turn into plain values (see convert.py).
LEAF_BLOCKS = (
    blocks.CharBlock,
    blocks.TextBlock,
    blocks.URLBlock,
    blocks.EmailBlock,
    blocks.ChoiceBlock,
    blocks.DecimalBlock,
    blocks.BooleanBlock,
    blocks.TimeBlock,
    blocks.RichTextBlock,
    blocks.PageChooserBlock,
    ImageChooserBlock,
    DocumentChooserBlock,
)

registry = BlockRegistry(leaf_block_classes=LEAF_BLOCKS)


@strawberry.interface(name="Block", description="A block of a StreamField; ask for its fields with `... on XBlock`.")
class BlockInterface:
    id: strawberry.ID = strawberry.field(
        description="This block as served here: the id of the page it was served in, then its own `blockId` "
        "(page:42:it:for-es/4e1f…). Unique and stable across requests; key caches and lists by it."
    )
    block_id: strawberry.ID = strawberry.field(
        name="blockId",
        description="The block's own id in the page's stream (the `id` of earlier versions): stable, and the same "
        "in every translation of the page. Use it as an anchor or to match a block across translations; it does "
        "not tell translations apart, so never key a cache by it alone.",
    )
    block_type: str = strawberry.field(description="The block's name in the stream (e.g. `paragraph`).")
    untranslated: UntranslatedType | None = strawberry.field(
        default=None,
        description="This block's fields still in the source's language in a translation (null: none, or a block "
        "inside another one: the outer block lists them).",
    )


# --- Text --------------------------------------------------------------------------------------------------------
@registry.register(library.HeadingBlock)
@strawberry.type(name="HeadingBlock")
class HeadingBlockType(BlockInterface):
    text: str
    level: str = strawberry.field(description="h2, h3 or h4: keep the outline in order.")


@registry.register(library.ParagraphBlock, build=lambda value, **meta: RichTextBlockType(html=value, **meta))
@strawberry.type(name="RichTextBlock")
class RichTextBlockType(BlockInterface):
    html: str = strawberry.field(description="Sanitised HTML; links point at the portal, images are real <img>.")


@registry.register(library.QuoteBlock)
@strawberry.type(name="QuoteBlock")
class QuoteBlockType(BlockInterface):
    quote: str
    attribution: str


@registry.register(library.AlertBlock)
@strawberry.type(name="AlertBlock")
class AlertBlockType(BlockInterface):
    level: str = strawberry.field(description="info, warning or urgent.")
    title: str
    text: str = strawberry.field(description="HTML.")


# --- Media -------------------------------------------------------------------------------------------------------
def _build_image_block(value, **meta):
    image = value["image"]
    # The block's own alt text wins; otherwise the image's description (empty when decorative).
    alt = value.get("alt_text") or (image.default_alt_text if image is not None else "")
    return ImageBlockType(image=image, caption=value.get("caption") or "", alt=alt, **meta)


@registry.register(library.ImageBlock, build=_build_image_block)
@strawberry.type(name="ImageBlock")
class ImageBlockType(BlockInterface):
    image: ImageType | None = strawberry.field(description="Null when the image is not public.")
    caption: str
    alt: str


@registry.register(library.VideoEmbedBlock)
@strawberry.type(name="VideoBlock")
class VideoBlockType(BlockInterface):
    url: str
    title: str
    transcript: str


@registry.register(library.DocumentDownloadBlock)
@strawberry.type(name="DocumentBlock")
class DocumentBlockType(BlockInterface):
    document: DocumentType | None = strawberry.field(description="Null when the document is not public.")
    title: str
    description: str


# --- Links -------------------------------------------------------------------------------------------------------
def _build_call_to_action(value, **meta):
    return CallToActionBlockType(
        label=value["label"], page=value["page"], url=value.get("url") or "",
        description=value.get("description") or "", **meta,
    )


@registry.register(library.CallToActionBlock, build=_build_call_to_action)
@strawberry.type(name="CallToActionBlock")
class CallToActionBlockType(BlockInterface):
    label: str
    page: PageRef | None = strawberry.field(description="The page of ours it leads to, in the page's language.")
    url: str = strawberry.field(description="The external address, when it leads outside.")
    description: str

    @strawberry.field(description="Where the button leads: the page's portal URL or the external address.")
    def href(self, info: strawberry.Info) -> str | None:
        if self.page is not None:
            return info.context.loader.page_url(self.page)
        return self.url or None


@registry.register(library.RelatedPagesBlock)
@strawberry.type(name="RelatedPagesBlock")
class RelatedPagesBlockType(BlockInterface):
    title: str
    pages: list[PageRef] = strawberry.field(description="Public pages only, each once, in the page's language.")


# --- Structured --------------------------------------------------------------------------------------------------
@registry.register(library.StepBlock)
@strawberry.type(name="Step")
class StepType:
    title: str
    description: str = strawberry.field(description="HTML.")


@registry.register(library.StepsBlock)
@strawberry.type(name="StepsBlock")
class StepsBlockType(BlockInterface):
    title: str
    steps: list[StepType]


@registry.register(library.FaqItemBlock)
@strawberry.type(name="FaqItem")
class FaqItemType:
    question: str
    answer: str = strawberry.field(description="HTML.")


@registry.register(library.FaqBlock)
@strawberry.type(name="FaqBlock")
class FaqBlockType(BlockInterface):
    title: str
    items: list[FaqItemType]


@registry.register(library.ContactBlock)
@strawberry.type(name="ContactBlock")
class ContactBlockType(BlockInterface):
    name: str
    role: str
    phone: str
    email: str
    url: str
    notes: str


@registry.register(library.KeyFigureBlock)
@strawberry.type(name="KeyFigure")
class KeyFigureType:
    label: str
    value: float | None
    unit: str
    source: str


@registry.register(library.KeyFiguresBlock)
@strawberry.type(name="KeyFiguresBlock")
class KeyFiguresBlockType(BlockInterface):
    title: str
    figures: list[KeyFigureType]


@registry.register(library.OpeningHoursBlock)
@strawberry.type(name="OpeningHours")
class OpeningHoursType:
    weekday: str = strawberry.field(description="mon, tue, wed, thu, fri, sat or sun.")
    opens: datetime.time | None
    closes: datetime.time | None
    by_appointment: bool


@registry.register(library.SocialLinkBlock)
@strawberry.type(name="SocialLink")
class SocialLinkType:
    platform: str
    url: str
