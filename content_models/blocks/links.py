"""Blocks that send readers somewhere: calls to action and related pages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class CallToActionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Button text"), max_length=80, help_text=_("Say what happens: 'Book now'."))
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an external address"), required=False)
    description = blocks.CharBlock(label=_("Short explanation"), required=False, max_length=200)

    class Meta:
        icon = "link"
        label = _("Call to action")
        description = _("One clear button to a page of ours or to an external service.")
        preview_value = {"label": "Prenota un appuntamento", "url": "https://example.org/prenota"}

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose either a page or an external address (exactly one).")
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        return value


class RelatedPagesBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120, default="")
    pages = blocks.ListBlock(blocks.PageChooserBlock(label=_("Page")), label=_("Pages"), min_num=1, max_num=12)

    class Meta:
        icon = "list-ul"
        label = _("Related pages")
        description = _("Up to 12 pages a reader may need next: services, events, news.")
        preview_value = {"title": "Potrebbe interessarti anche"}
