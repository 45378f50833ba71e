"""Blocks that carry images, video and documents."""

from urllib.parse import urlparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

# Video hosts whose players portals know how to embed. We keep the URL and let the portal embed it: fetching
# oEmbed at save time would make editing depend on third-party services (and our machines have no internet).
VIDEO_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "youtu.be",
    "www.youtube-nocookie.com",
    "vimeo.com",
    "player.vimeo.com",
}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=255,
        help_text=_("Leave empty to use the image's own description. Required if the image has none."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        description = _("A photo or illustration with an optional caption.")
        preview_value = {"caption": "Una lezione del corso di italiano a Savona"}

    def clean(self, value):
        value = super().clean(value)
        image = value.get("image")
        if image is not None and not value.get("alt_text", "").strip() and not image.has_accessible_text:
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("This image has no description: write the alternative text, or mark the image as "
                          "decorative in the image library.")
                    )
                }
            )
        return value


class VideoEmbedBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("Video address"), help_text=_("A YouTube or Vimeo link."))
    title = blocks.CharBlock(label=_("Title"), max_length=200, help_text=_("Read out by screen readers."))
    transcript = blocks.TextBlock(
        label=_("Transcript or summary"),
        required=False,
        help_text=_("For people who cannot watch or hear the video."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        description = _("A video from YouTube or Vimeo, with a title and a transcript.")
        preview_value = {
            "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "title": "Come funziona lo sportello unico",
        }

    def clean(self, value):
        value = super().clean(value)
        host = urlparse(value.get("url", "")).hostname or ""
        if host not in VIDEO_HOSTS:
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Use a YouTube or Vimeo address."))}
            )
        return value


class DocumentDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, max_length=200, help_text=_("Defaults to the document title.")
    )
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=500)

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        description = _("A leaflet, form or guide to download (PDF preferred).")
        preview_value = {"title": "Modulo di iscrizione (PDF)"}
