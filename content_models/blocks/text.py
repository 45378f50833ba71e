"""Blocks that carry words: headings, paragraphs, quotes and notices."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

# One list for every rich text in the project: no raw HTML, no colours, no fonts. Wagtail's rich text
# whitelist strips anything else on save, so stored rich text is already sanitised.
RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "image", "hr"]
SHORT_RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=160)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (h2)")), ("h3", _("Sub-section (h3)")), ("h4", _("Minor (h4)"))],
        default="h2",
        help_text=_("Keep the outline in order: an h3 belongs under an h2."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        description = _("A section title; also used to build the table of contents.")
        preview_value = {"text": "Come iscriversi al corso", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    """Rich text with the project's feature list (sanitised by Wagtail's whitelist on save)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Rich text")
        description = _("Paragraphs, lists and links. Write short sentences in plain language.")
        preview_value = (
            "<p>I corsi di <b>italiano per stranieri</b> sono gratuiti e aperti a tutte le persone "
            "maggiorenni con un permesso di soggiorno.</p>"
        )


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=600)
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=160)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        description = _("A testimony or a statement, with who said it.")
        preview_value = {
            "quote": "Dopo il corso ho trovato lavoro e ora aiuto altre donne della mia comunità.",
            "attribution": "Amina, Genova",
        }


class AlertBlock(blocks.StructBlock):
    level = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("info", _("Information")), ("warning", _("Warning")), ("urgent", _("Urgent"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=160)
    text = blocks.RichTextBlock(label=_("Text"), features=SHORT_RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Notice")
        description = _("A highlighted notice: a deadline, a change of opening hours, an urgent warning.")
        preview_value = {
            "level": "warning",
            "title": "Iscrizioni entro il 30 settembre",
            "text": "<p>Dopo questa data non è possibile iscriversi al primo modulo.</p>",
        }
