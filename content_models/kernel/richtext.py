"""Stored rich text as portal HTML: what every channel shows of a rich text, with the visibility rules applied.

Wagtail stores `<a linktype="page" id="3">`, `<a linktype="document" id="4">` and `<embed embedtype="image" .../>`;
none of that markup may leave the CMS. Wagtail's own `expand_db_html` would resolve it, but it checks nothing:
a link to a draft, expired or restricted page keeps its address, a document of a private collection keeps its
title and URL. Here, with Wagtail's tag rewriters and rules that read a ContentReader:
- a link to a page becomes its portal URL in the reader's locale (fallback.py); a page that is not public keeps
  its text and loses its address (`<a>` without `href`);
- a link to a document becomes its URL; a document of a private collection keeps its text and loses its address;
- an embedded image becomes an `<img>` of its rendition for the chosen format, with its alternative text (empty
  for a decorative image); an image that is not public, or whose rendition cannot be made, is left out. A channel
  that places images its own way (print embeds local files) passes `image_html`: it gets only public images and
  their alternative text decided here;
- embeds of any other type are dropped.
Channels decide how it looks (the newsletter adds inline styles for email clients), never what it links to.

Call `reader.load(references)` for the rich texts first (references.collect_richtext): rendering then runs no
query, whatever the number of links.
"""

import logging
from collections.abc import Callable
from html import escape

from wagtail.images.formats import get_image_format
from wagtail.images.models import SourceImageIOError
from wagtail.rich_text.rewriters import EmbedRewriter, LinkRewriter

from media.renditions import ORIGINAL_SPEC, rendition_get
from media.storage import STORAGE_ERRORS

from .references import as_pk, richtext_source

logger = logging.getLogger(__name__)

DEFAULT_IMAGE_FORMAT = "fullwidth"


def richtext_html(value, reader, *, locale_id: int, media_url: Callable[[str], str],
                  image_html: Callable[[object, str, str], str] | None = None) -> str:
    """Portal HTML of a stored rich text, its links and images as a reader of `locale_id` may see them.

    `media_url` makes a media or document URL absolute for the channel (each has its public address setting).
    `image_html(image, alt, format_name)`, if given, renders an embedded public image instead of its rendition.
    """
    html = richtext_source(value)
    if not html:
        return ""

    def page_link(attrs):
        page = reader.page(as_pk(attrs.get("id")), locale_id)
        return f'<a href="{escape(reader.page_url(page))}">' if page is not None else "<a>"

    def document_link(attrs):
        document = reader.document(as_pk(attrs.get("id")))
        return f'<a href="{escape(media_url(document.url))}">' if document is not None else "<a>"

    def image_embed(attrs):
        image = reader.image(as_pk(attrs.get("id")))
        if image is None:
            return ""
        if image_html is not None:
            return image_html(image, embedded_alt(image, attrs), attrs.get("format") or "")
        return rendition_img(image, attrs, media_url)

    html = LinkRewriter(rules={"page": page_link, "document": document_link})(html)
    return EmbedRewriter(rules={"image": image_embed})(html)


def embedded_alt(image, attrs: dict) -> str:
    """An embedded image's alternative text: empty for a decorative image, else the editor's, else the image's."""
    return "" if image.is_decorative else (attrs.get("alt") or image.default_alt_text)


def rendition_img(image, attrs: dict, media_url: Callable[[str], str]) -> str:
    """The `<img>` of an embedded image, at its format's size; "" when its rendition cannot be made."""
    image_format = get_image_format(attrs.get("format") or DEFAULT_IMAGE_FORMAT) or get_image_format(
        DEFAULT_IMAGE_FORMAT
    )
    try:
        # A read never makes a rendition (media/renditions.py): until the task its miss enqueued has made it,
        # the image's full-size public copy, or no picture when that is not made either.
        rendition = rendition_get(image, image_format.filter_spec) or rendition_get(image, ORIGINAL_SPEC)
    except (SourceImageIOError, *STORAGE_ERRORS):
        # Better a text without its picture than no text: the failure is in the log for an editor to see.
        logger.warning("No %s rendition for image %s: left out of the rich text", image_format.name, image.pk,
                       exc_info=True)
        return ""
    if rendition is None:
        return ""
    alt = embedded_alt(image, attrs)
    return (
        f'<img src="{escape(media_url(rendition.url))}" alt="{escape(alt)}" '
        f'width="{rendition.width}" height="{rendition.height}" class="{escape(image_format.classname)}">'
    )
