"""Everything a batch of pages shows beyond its own row, loaded for the whole batch at once.

A feed lists up to MAX_ITEMS pages; naive rendering would cost queries per page (topics, images, links). Here
`prepare(pages)` collects what the pages point at and loads it in a fixed number of queries, hiding whatever is
not public (pages through `content_models.visibility`, images and documents in private collections). It also
answers the structured data builders (`distribution.structured_data.sources.StructuredDataSources`).
"""

from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.db.models import prefetch_related_objects
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from content_models.models import ServicePage
from content_models.models.mixins import TopicPage
from distribution.structured_data.sources import IMAGE_ATTNAMES
from media.renditions import image_renditions_get, images_prefetch_renditions

from .conf import absolute_url, portal_url
from .references import References, collect_page
from .selectors import Visibility

# Renditions feeds and JSON-LD use: prefetched with the images so that, once made, they cost no query.
RENDITIONS = ("social", "content")


class FeedContext:
    def __init__(self, *, locale: Locale, visibility: Visibility):
        self.locale = locale
        self.visibility = visibility
        self._locales = {item.pk: item for item in Locale.objects.all()}
        self._default_locale_id = next(
            (pk for pk, item in self._locales.items() if item.language_code == settings.LANGUAGE_CODE), locale.pk
        )
        self._images: dict[int, object] = {}
        self._documents: dict[int, object] = {}
        self._keys: dict[int, object] = {}  # page id -> translation key
        self._served: dict[tuple[object, int], Page] = {}  # (translation key, locale id) -> visible page
        self._snippets: dict[tuple[type, object], object] = {}  # (model, translation key) -> snippet in locale

    @property
    def now(self):
        return self.visibility.now

    # --- Loading -------------------------------------------------------------------------------------------
    def prepare(self, pages: list) -> list:
        """Load what `pages` show: a fixed number of queries whatever their number. Returns the pages."""
        references = References()
        for page in pages:
            collect_page(page, references)
            references.images.update(filter(None, (getattr(page, name, None) for name in IMAGE_ATTNAMES)))
            if getattr(page, "organizer_id", None):
                references.pages.add(page.organizer_id)
        self._load_images(references.images)
        self._load_documents(references.documents)
        self._load_pages(references.pages)
        self._load_snippets([page for page in pages if isinstance(page, TopicPage)], "topics")
        self._load_snippets([page for page in pages if isinstance(page, ServicePage)], "service_points")
        return pages

    def _load_images(self, ids: Iterable[int]) -> None:
        missing = set(ids) - set(self._images)
        if not missing:
            return
        queryset = get_image_model().objects.filter(pk__in=missing).exclude(
            collection_id__in=self.visibility.private_collection_ids
        )
        found = {image.pk: image for image in images_prefetch_renditions(queryset, *RENDITIONS)}
        self._images.update({pk: found.get(pk) for pk in missing})

    def _load_documents(self, ids: Iterable[int]) -> None:
        missing = set(ids) - set(self._documents)
        if not missing:
            return
        queryset = get_document_model().objects.filter(pk__in=missing).exclude(
            collection_id__in=self.visibility.private_collection_ids
        )
        found = {document.pk: document for document in queryset}
        self._documents.update({pk: found.get(pk) for pk in missing})

    def _load_pages(self, ids: Iterable[int]) -> None:
        """Referenced pages, served in the feed's locale when translated, else in the default locale."""
        missing = set(ids) - set(self._keys)
        if not missing:
            return
        self._keys.update(dict.fromkeys(missing))
        self._keys.update(dict(Page.objects.filter(pk__in=missing).values_list("pk", "translation_key")))
        keys = {self._keys[pk] for pk in missing} - {None}
        if not keys:
            return
        locale_ids = {self.locale.pk, self._default_locale_id}
        queryset = self.visibility.pages(Page.objects.filter(translation_key__in=keys, locale_id__in=locale_ids))
        for page in queryset.only("id", "title", "url_path", "path", "depth", "locale_id", "translation_key"):
            self._served[(page.translation_key, page.locale_id)] = page

    def _load_snippets(self, pages: list, relation: str) -> None:
        """Pages tag source-locale snippets: each is shown in the feed's locale when translated."""
        saved = [page for page in pages if page.pk]
        if not saved:
            return
        by_page_model = defaultdict(list)  # prefetching needs one model per call (topic feeds mix them)
        for page in saved:
            by_page_model[type(page)].append(page)
        for same_model in by_page_model.values():
            prefetch_related_objects(same_model, relation)
        by_model = defaultdict(set)
        for page in saved:
            for snippet in getattr(page, relation).all():
                by_model[type(snippet)].add(snippet.translation_key)
        for model, keys in by_model.items():
            keys = {key for key in keys if (model, key) not in self._snippets}
            if keys and self.locale.pk != self._default_locale_id:
                for translation in model.objects.filter(translation_key__in=keys, locale=self.locale):
                    self._snippets[(model, translation.translation_key)] = translation

    # --- Reading -------------------------------------------------------------------------------------------
    def language_code(self, page) -> str:
        return self._locales[page.locale_id].language_code

    def page_url(self, page) -> str:
        """The page's portal URL, as BasePage.get_url_parts builds it, without its per-page queries."""
        return portal_url(page.url_path, self.language_code(page))

    def page(self, page_id: int | None):
        """A referenced page: in the feed's locale, else in the default locale, else None (not public)."""
        if page_id is None:
            return None
        self._load_pages([page_id])
        key = self._keys.get(page_id)
        return self._served.get((key, self.locale.pk)) or self._served.get((key, self._default_locale_id))

    def image(self, image_id: int | None):
        if image_id is None:
            return None
        self._load_images([image_id])
        return self._images[image_id]

    def document(self, document_id: int | None):
        if document_id is None:
            return None
        self._load_documents([document_id])
        return self._documents[document_id]

    def main_image(self, page):
        """The page's public image (sharing image, else its own main image), or None."""
        for attname in IMAGE_ATTNAMES:
            image = self.image(getattr(page, attname, None))
            if image is not None:
                return image
        return None

    def rendition(self, image, name: str):
        """A named rendition (media/renditions.py), made on first use; None if it cannot be made."""
        return image_renditions_get(image, name).get(name) if image is not None else None

    def absolute(self, url: str) -> str:
        return absolute_url(url)

    def organizer(self, page):
        return self.page(getattr(page, "organizer_id", None))

    def topics(self, page) -> list:
        return self._snippet_list(page, "topics")

    def service_points(self, page) -> list:
        return self._snippet_list(page, "service_points")

    def _snippet_list(self, page, relation: str) -> list:
        if not page.pk or not hasattr(page, relation):
            return []
        return [self._snippets.get((type(source), source.translation_key), source) for source in
                getattr(page, relation).all()]
