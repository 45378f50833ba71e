"""How print reads content: printing's one adapter onto the content kernel (content_models/kernel).

Print shows exactly what the API, the feeds and the newsletter show, because it asks the same kernel: what is
public (visibility.py), a page's portal URL in its language (urls.py), which page a link leads to (the fallback
rule), a page's main image (presentation.py) and what stored rich text may keep (richtext.py). This module only
binds a kernel `ContentReader` to what print asks for; nothing else in printing reads visibility, builds a portal
URL or resolves stored rich text.

Print adds one rule of its own: an edition prints a page's own translation, never an Italian page disguised as
another language (`translation` has no fallback); links inside it follow the fallback rule like every channel.

A `ContentSnapshot` is taken once per rendering (one instant, the restrictions read once); its reader remembers
what it loaded, and `prepare` loads everything a subject points at in a fixed number of queries.
"""

import datetime
from urllib.parse import urljoin

from django.conf import settings
from wagtail.models import Locale

from content_models.kernel.reader import ContentReader
from content_models.kernel.richtext import richtext_html as kernel_richtext_html


class ContentSnapshot:
    """What is public at one instant, and how to reach it, as the kernel decides."""

    def __init__(self, *, now: datetime.datetime | None = None):
        self.reader = ContentReader()
        if now is not None:
            self.reader.now = now

    @property
    def now(self) -> datetime.datetime:
        return self.reader.now

    def prepare(self, objects, language: str) -> None:
        """Load what these pages or help desks point at (images, documents, linked pages in `language`) at once."""
        locale = self.locale(language)
        self.reader.prepare([obj for obj in objects if obj is not None], locale_id=locale.pk if locale else None)

    # --- Pages -------------------------------------------------------------------------------------------------
    def is_public(self, page) -> bool:
        """Live, in its publishing window, under no privacy restriction: what the API would serve."""
        return self.reader.visibility.page_is_visible(page)

    def locale(self, language: str) -> Locale | None:
        return self.reader.locale_by_code(language)

    def translation(self, page, language: str):
        """The page's public translation in `language`, or None. No fallback: print never disguises Italian."""
        locale = self.locale(language)
        if locale is None:
            return None
        if page.locale_id == locale.pk:  # the page in hand, as it is
            return page.specific if self.is_public(page) else None
        served = self.reader.served_page(page.pk, locale.pk)
        return served.obj if served is not None and not served.is_fallback else None

    def served(self, page_id: int | None, language: str):
        """A page content points at, by the kernel's fallback rule: its public translation in `language`, else the
        public Italian page, else None (a link to it keeps its text and loses its address)."""
        locale = self.locale(language)
        return self.reader.page(page_id, locale.pk) if locale is not None else None

    def page_url(self, page) -> str:
        """The page's absolute URL on the portal, in its own language."""
        return self.reader.page_url(page)

    def page_language(self, page) -> str:
        return self.reader.language_code(page.locale_id)

    # --- Snippets: pages tag the Italian topics and service points -----------------------------------------
    def snippet_in(self, snippet, language: str):
        """The snippet's translation in `language`, else the snippet itself (the Italian one)."""
        locale = self.locale(language)
        if locale is None or snippet.locale_id == locale.pk:
            return snippet
        self.reader.snippet_translations_load([snippet], locale.pk)
        return self.reader.served_snippet(snippet, locale.pk).obj

    # --- Images and documents ----------------------------------------------------------------------------------
    def image(self, image_id: int | None):
        """A public image (not in a private collection), or None."""
        return self.reader.image(image_id)

    def image_is_public(self, image) -> bool:
        return self.reader.visibility.media_is_public(image)

    def main_image(self, page):
        """The kernel's choice (presentation.page_main_image): the same picture every channel shows."""
        return self.reader.main_image(page)

    def document(self, document_id: int | None):
        return self.reader.document(document_id)

    def document_url(self, document) -> str:
        """Documents are served by this server (Wagtail's serve view checks privacy again)."""
        return self.absolute_url(document.url)

    def absolute_url(self, url: str) -> str:
        return urljoin(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/", url)

    # --- Rich text ---------------------------------------------------------------------------------------------
    def richtext_html(self, value, *, language: str, image_html) -> str:
        """Stored rich text by the kernel's rules (links to portal pages in `language`, a page or document that is
        not public keeps its text and loses its address, other embeds dropped); embedded public images through
        `image_html(image, alt, format_name)`, which places them on paper."""
        locale = self.locale(language)
        locale_id = locale.pk if locale is not None else self.reader.default_locale.pk
        return kernel_richtext_html(
            value, self.reader, locale_id=locale_id, media_url=self.absolute_url, image_html=image_html
        )
