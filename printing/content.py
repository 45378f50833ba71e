"""How print reads content: the one adapter between printing and the content model.

Print must show exactly what the API shows (what is public, a page's portal URL in a language, which page a link
leads to, what rich text may keep). Until content_models grows its shared kernel for those rules, this module
reads them from what exists today, the way the API does: `content_models.kernel.visibility` decides what is public,
`BasePage.portal_path` and `PORTAL_BASE_URLS` make portal URLs, Wagtail's own rewriters turn stored rich text
into HTML. Nothing else in printing reads visibility or builds a portal URL: switching to the kernel changes
this file only.

A `ContentSnapshot` is taken once per rendering (one instant, the restrictions read once), and caches what it
looks up, so a booklet of many pages asks for each referenced page, image and document once.
"""

import datetime
from urllib.parse import urljoin

from django.conf import settings
from django.utils import timezone
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail.rich_text.rewriters import EmbedRewriter, LinkRewriter

from content_models.models import BasePage
from content_models.kernel.visibility import page_is_visible, private_collection_ids, private_page_paths

# Image fields a page's main image comes from, in order (the API's SEO image order, sharing image last: print
# shows the page's own picture, not the one cropped for social networks).
MAIN_IMAGE_FIELDS = ("main_image", "image", "logo", "social_image")


class ContentSnapshot:
    """What is public at one instant, and how to reach it."""

    def __init__(self, *, now: datetime.datetime | None = None):
        self.now = now or timezone.now()
        self.private_paths = private_page_paths()
        self.private_collection_ids = private_collection_ids()
        self._locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self._languages = {locale.pk: code for code, locale in self._locales.items()}
        self._pages: dict[tuple[int, str], Page | None] = {}
        self._images: dict[int, object] = {}
        self._documents: dict[int, object] = {}

    # --- Pages -------------------------------------------------------------------------------------------------
    def is_public(self, page) -> bool:
        """Live, in its publishing window, under no privacy restriction: what the API would serve."""
        return page_is_visible(page, now=self.now, private_paths=self.private_paths)

    def locale(self, language: str) -> Locale | None:
        return self._locales.get(language)

    def translation(self, page, language: str):
        """The page's public translation in `language`, or None. No fallback: print never disguises Italian."""
        locale = self.locale(language)
        if locale is None:
            return None
        if page.locale_id == locale.pk:
            found = page
        else:
            found = page.get_translation_or_none(locale)
        if found is None or not self.is_public(found):
            return None
        return found.specific

    def served(self, page_id: int | None, language: str):
        """A page content points at, as the API serves it: its public translation in `language`, else the public
        Italian page, else None (a link to it keeps its text and loses its address)."""
        if page_id is None:
            return None
        key = (page_id, language)
        if key not in self._pages:
            page = Page.objects.filter(pk=page_id).first()
            found = None
            if page is not None:
                found = self.translation(page, language) or self.translation(page, settings.LANGUAGE_CODE)
            self._pages[key] = found
        return self._pages[key]

    def page_url(self, page) -> str:
        """The page's absolute URL on the portal, in its own language."""
        language = self.page_language(page)
        base_url = settings.PORTAL_BASE_URLS.get(language, "").rstrip("/")
        return base_url + BasePage.portal_path.fget(page)

    def page_language(self, page) -> str:
        return self._languages[page.locale_id]

    # --- Snippets: pages tag the Italian topics and service points -----------------------------------------
    def snippet_in(self, snippet, language: str):
        """The snippet's translation in `language`, else the snippet itself (the Italian one)."""
        locale = self.locale(language)
        if locale is None or snippet.locale_id == locale.pk:
            return snippet
        return snippet.get_translation_or_none(locale) or snippet

    # --- Images and documents ----------------------------------------------------------------------------------
    def image(self, image_id: int | None):
        """A public image (not in a private collection), or None."""
        if image_id is None:
            return None
        if image_id not in self._images:
            image = get_image_model().objects.filter(pk=image_id).first()
            self._images[image_id] = image if self.image_is_public(image) else None
        return self._images[image_id]

    def image_is_public(self, image) -> bool:
        return image is not None and image.collection_id not in self.private_collection_ids

    def main_image(self, page):
        for field in MAIN_IMAGE_FIELDS:
            image = self.image(getattr(page, f"{field}_id", None))
            if image is not None:
                return image
        return None

    def document(self, document_id: int | None):
        if document_id is None:
            return None
        if document_id not in self._documents:
            document = get_document_model().objects.filter(pk=document_id).first()
            public = document is not None and document.collection_id not in self.private_collection_ids
            self._documents[document_id] = document if public else None
        return self._documents[document_id]

    def document_url(self, document) -> str:
        """Documents are served by this server (Wagtail's serve view checks privacy again)."""
        return self.absolute_url(document.url)

    def absolute_url(self, url: str) -> str:
        return urljoin(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/", url)

    # --- Rich text ---------------------------------------------------------------------------------------------
    def richtext_html(self, value, *, language: str, image_html) -> str:
        """Stored rich text as HTML: links to our pages point at the portal page in `language` (a page that is not
        public keeps the link's text and loses its address), documents at their public URL, embedded images
        through `image_html(image, alt, format_name)`; embeds of anything else are dropped."""
        html = value.source if isinstance(value, RichText) else (value or "")
        if not html:
            return ""

        def page_link(attrs):
            page = self.served(_int(attrs.get("id")), language)
            return f'<a href="{escape(self.page_url(page))}">' if page is not None else "<a>"

        def document_link(attrs):
            document = self.document(_int(attrs.get("id")))
            return f'<a href="{escape(self.document_url(document))}">' if document is not None else "<a>"

        def image_embed(attrs):
            image = self.image(_int(attrs.get("id")))
            if image is None:
                return ""
            alt = "" if image.is_decorative else (attrs.get("alt") or image.default_alt_text)
            return image_html(image, alt, attrs.get("format") or "")

        html = LinkRewriter(rules={"page": page_link, "document": document_link})(html)
        return EmbedRewriter(rules={"image": image_embed})(html)


def _int(value) -> int | None:
    return int(value) if value and str(value).isdigit() else None
