"""Rich text as portal-ready HTML: internal links become portal URLs, embedded images real <img> tags.

Wagtail stores `<a linktype="page" id="3">` and `<embed embedtype="image" id="5" .../>`; none of that markup may
leave the API. We use Wagtail's own tag rewriters with rules that read the request loader, so a page with forty
rich texts resolves its links in one go (the loader prefetches every reference of a batch first).
"""

from html import escape

from wagtail.images.formats import get_image_format
from wagtail.rich_text import RichText
from wagtail.rich_text.rewriters import FIND_A_TAG, FIND_EMBED_TAG, EmbedRewriter, LinkRewriter, extract_attrs

from graphql_api.loader import References, RequestLoader
from graphql_api.media.renditions import rendition_get
from graphql_api.media.urls import absolute_media_url

DEFAULT_IMAGE_FORMAT = "fullwidth"


def _as_html(value) -> str:
    return value.source if isinstance(value, RichText) else (value or "")


def collect_richtext(value, references: References, locale_id: int) -> None:
    """Add the pages, documents and images a stored rich text points at."""
    html = _as_html(value)
    for attrs in map(extract_attrs, FIND_A_TAG.findall(html)):
        if attrs.get("linktype") == "page" and attrs.get("id", "").isdigit():
            references.pages.add((int(attrs["id"]), locale_id))
        elif attrs.get("linktype") == "document" and attrs.get("id", "").isdigit():
            references.documents.add(int(attrs["id"]))
    for attrs in map(extract_attrs, FIND_EMBED_TAG.findall(html)):
        if attrs.get("embedtype") == "image" and attrs.get("id", "").isdigit():
            references.images.add(int(attrs["id"]))


def render_richtext(value, loader: RequestLoader, locale_id: int) -> str:
    html = _as_html(value)
    if not html:
        return ""

    def page_link(attrs):
        page = loader.page(_int(attrs.get("id")), locale_id)
        # A link to a page that is not public keeps its text and loses its address.
        return f'<a href="{escape(loader.page_url(page))}">' if page is not None else "<a>"

    def document_link(attrs):
        document = loader.document(_int(attrs.get("id")))
        if document is None:
            return "<a>"
        return f'<a href="{escape(absolute_media_url(document.url))}">'

    def image_embed(attrs):
        image = loader.image(_int(attrs.get("id")))
        if image is None:
            return ""
        image_format = get_image_format(attrs.get("format") or DEFAULT_IMAGE_FORMAT) or get_image_format(
            DEFAULT_IMAGE_FORMAT
        )
        rendition = rendition_get(image, image_format.filter_spec)
        alt = "" if image.is_decorative else (attrs.get("alt") or image.default_alt_text)
        return (
            f'<img src="{escape(absolute_media_url(rendition.url))}" alt="{escape(alt)}" '
            f'width="{rendition.width}" height="{rendition.height}" class="{escape(image_format.classname)}">'
        )

    html = LinkRewriter(rules={"page": page_link, "document": document_link})(html)
    # Unknown embed types (media embeds, anything we do not serve) are dropped by the rewriter.
    return EmbedRewriter(rules={"image": image_embed})(html)


def _int(value) -> int | None:
    return int(value) if value and str(value).isdigit() else None
