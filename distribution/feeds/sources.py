"""What feed items (and their JSON-LD) read beyond a page's own row: the kernel's reader, in the feed's locale.

A feed lists up to MAX_ITEMS pages; `prepare(pages)` has the kernel's ContentReader load what they point at
(images with their renditions, documents, linked pages, organisers, topics, service points) in a fixed number of
queries, hiding whatever is not public. Linked pages are served in the feed's locale, else in Italian (the
kernel's fallback rule). This adapter only binds the reader to the feed's locale and to the feeds' public
address; it also answers the structured data builders (`distribution.structured_data.StructuredDataSources`).
"""

from wagtail.models import Locale

from content_models.kernel.reader import ContentReader
from media.renditions import image_renditions_get

from .conf import absolute_url

SNIPPET_RELATIONS = ("topics", "service_points")


class FeedSources:
    def __init__(self, *, locale: Locale, reader: ContentReader):
        self.locale = locale
        self.reader = reader

    @property
    def now(self):
        return self.reader.now

    def prepare(self, pages: list) -> list:
        """Load what `pages` show: a fixed number of queries whatever their number. Returns the pages."""
        self.reader.prepare(pages, locale_id=self.locale.pk)
        for relation in SNIPPET_RELATIONS:
            having = [page for page in pages if hasattr(type(page), relation)]
            self.reader.relation_prefetch(having, relation)
            sources = [snippet for page in having if page.pk for snippet in getattr(page, relation).all()]
            self.reader.snippet_translations_load(sources, self.locale.pk)
        return pages

    def language_code(self, page) -> str:
        return self.reader.language_code(page.locale_id)

    def page_url(self, page) -> str:
        return self.reader.page_url(page)

    def page(self, page_id: int | None):
        """A page pointed at: in the feed's locale, else in the default locale, else None (not public)."""
        return self.reader.page(page_id, self.locale.pk)

    def image(self, image_id: int | None):
        return self.reader.image(image_id)

    def document(self, document_id: int | None):
        return self.reader.document(document_id)

    def main_image(self, page):
        return self.reader.main_image(page)

    def rendition(self, image, name: str):
        """A named rendition (media/renditions.py), made on first use; None if it cannot be made."""
        return image_renditions_get(image, name).get(name) if image is not None else None

    def absolute(self, url: str) -> str:
        return absolute_url(url)

    def organizer(self, page):
        return self.page(getattr(page, "organizer_id", None))

    def topics(self, page) -> list:
        return [served.obj for served in self.reader.snippets_of(page, "topics", self.locale.pk)]

    def service_points(self, page) -> list:
        return [served.obj for served in self.reader.snippets_of(page, "service_points", self.locale.pk)]
