"""The per-request loader: everything a request reads beyond its root querysets, loaded in bulk and cached.

Why: strawberry runs our resolvers one object at a time, so a naive resolver costs a query per item. Pages that
arrive together (a listing's edges, the pages of a block, a page's translations) are registered as a *batch*;
the first time a field needs something (an image, a referenced page, a rich text link, topics) for one page of
the batch, the loader fetches it for every page of the batch at once. The number of queries of a request then
depends on the shape of the query, never on the number of items or blocks.
"""

import copy
from collections import defaultdict
from collections.abc import Iterable
from functools import cache

from django.conf import settings
from django.db.models import BooleanField, Case, Q, Value, When, prefetch_related_objects
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from content_models import visibility

from .locales.types import unknown_locale
from .reference import ReferenceData, reference_data
from .specific import specific_pages

FALLBACK_ATTR = "_api_is_fallback"
BATCH_ATTR = "_api_batch"


VISIBLE_ATTR = "_api_visible"


class Batch:
    """Pages loaded together; `requested_locale_id` is the locale the client asked for (snippets follow it).

    An `eager` batch is a page asked for by itself (by path, id or preview token): a portal renders it whole, so
    the first time one of its references is needed, those of all its content (image and document fields, linked
    pages, every StreamField and rich text) are loaded together: one query per kind instead of one per field.
    Listings stay lazy: a list of 50 events usually shows a card, not their bodies.
    """

    def __init__(self, pages: list, requested_locale_id: int | None, eager: bool = False):
        self.pages = pages
        self.requested_locale_id = requested_locale_id
        self.eager = eager
        self.done: set = set()  # which references have been loaded for the whole batch


class References:
    """Ids a batch of content points at; `pages` pairs a page id with the locale it must be served in."""

    def __init__(self):
        self.images: set[int] = set()
        self.documents: set[int] = set()
        self.pages: set[tuple[int, int]] = set()


class RequestLoader:
    def __init__(self):
        self.now = timezone.now()
        self.reference: ReferenceData = ReferenceData()
        self._images: dict[int, object] = {}
        self._documents: dict[int, object] = {}
        self._translation_keys: dict[int, object] = {}  # page id -> translation key (None: no such page)
        self._served: dict[tuple[object, int], object] = {}  # (translation key, locale id) -> visible page

    def use_state(self, state) -> None:
        """Serve the content state `state` (caching.generation.ContentState): its instant and its reference data."""
        self.now = state.now
        self.reference = reference_data(state.stamp)

    # --- Locales ---------------------------------------------------------------------------------------------
    @property
    def locales(self) -> dict[int, Locale]:
        return self.reference.locales

    @property
    def default_locale(self) -> Locale:
        return self.reference.default_locale

    def locale(self, code: str | None) -> Locale:
        """The locale a client asked for (the default one when it asked none); unknown codes are an error."""
        if code is None:
            return self.default_locale
        locale = self.reference.locales_by_code.get(code) if code in _content_language_codes() else None
        if locale is None:
            raise unknown_locale(code)
        return locale

    def language_code(self, locale_id: int) -> str:
        return self.reference.locales[locale_id].language_code

    # --- Visibility ------------------------------------------------------------------------------------------
    @property
    def private_paths(self) -> list[str]:
        return self.reference.private_paths

    @property
    def private_collection_ids(self) -> frozenset[int]:
        return self.reference.private_collection_ids

    def visible(self, queryset):
        return visibility.visible_pages(queryset, now=self.now, private_paths=self.private_paths)

    def home_url_path(self, locale_id: int) -> str | None:
        """The url_path of the locale's home page, the root of the paths portals route."""
        return self.reference.home_url_paths.get(locale_id)

    # --- Serving pages ---------------------------------------------------------------------------------------
    def serve(self, page, *, is_fallback: bool):
        """The page as served, with its fallback flag. A page shared by two contexts is copied, not mutated."""
        current = getattr(page, FALLBACK_ATTR, None)
        if current is not None and current != is_fallback:
            page = copy.copy(page)
        setattr(page, FALLBACK_ATTR, is_fallback)
        return page

    def register(self, pages: Iterable, requested_locale_id: int | None = None, *, eager: bool = False) -> list:
        pages = list(pages)
        batch = Batch(pages, requested_locale_id, eager)
        for page in pages:
            setattr(page, BATCH_ATTR, batch)
        return pages

    def batch_of(self, obj) -> Batch:
        batch = getattr(obj, BATCH_ATTR, None)
        if batch is None:
            self.register([obj])
            batch = getattr(obj, BATCH_ATTR)
        return batch

    def _referencing_batch(self, obj) -> Batch:
        """obj's batch, about to load references: an eager batch loads all of them the first time."""
        batch = self.batch_of(obj)
        if batch.eager and ("everything",) not in batch.done:
            batch.done.add(("everything",))
            self._prepare_everything(batch)
        return batch

    def page_url(self, page) -> str:
        """The page's portal URL, as BasePage.get_url_parts builds it, without its per-page site and locale queries."""
        base_url = settings.PORTAL_BASE_URLS.get(self.language_code(page.locale_id), "").rstrip("/")
        return base_url + portal_path(page)

    # --- Pages referenced by content (blocks, rich text links, organisers) ----------------------------------
    def load_pages(self, wanted: Iterable[tuple[int, int]]) -> None:
        """Resolve (page id, locale id) pairs to the visible page in that locale, else in the default locale.

        One query: the referenced pages themselves (for their translation keys, whether visible or not) and their
        translations in the wanted locales, each row marked visible or not by the same rule as `visible()`.
        """
        wanted = {pair for pair in wanted if pair[0] is not None}
        default_id = self.default_locale.pk
        unknown_ids = {page_id for page_id, _ in wanted if page_id not in self._translation_keys}
        locale_ids = {locale_id for _, locale_id in wanted} | {default_id}
        known = {
            (self._translation_keys[page_id], locale)
            for page_id, locale_id in wanted
            if page_id not in unknown_ids and self._translation_keys[page_id] is not None
            for locale in (locale_id, default_id)
        }
        known = {pair for pair in known if pair not in self._served}
        if not unknown_ids and not known:
            return
        condition = Q(pk__in=())
        if unknown_ids:
            keys = Page.objects.filter(pk__in=unknown_ids).values("translation_key")
            condition |= Q(pk__in=unknown_ids) | Q(translation_key__in=keys, locale_id__in=locale_ids)
        if known:
            condition |= Q(translation_key__in={key for key, _ in known}, locale_id__in={loc for _, loc in known})
        visible = Case(
            When(visibility.visible_pages_q(now=self.now, private_paths=self.private_paths), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
        # No order (rows are looked up by key) and, when the state has served them before, only their models joined.
        rows = specific_pages(
            Page.objects.filter(condition).annotate(**{VISIBLE_ATTR: visible}).order_by(),
            self._models_of(unknown_ids, {key for key, _ in known}),
        )
        self.reference.remember_models(rows)
        for page in rows:
            if page.pk in unknown_ids:
                self._translation_keys[page.pk] = page.translation_key
        for page_id in unknown_ids:
            self._translation_keys.setdefault(page_id, None)
        found = {(page.translation_key, page.locale_id): page for page in rows if getattr(page, VISIBLE_ATTR)}
        needed = known | {
            (self._translation_keys[page_id], locale)
            for page_id, locale_id in wanted
            if page_id in unknown_ids and self._translation_keys[page_id] is not None
            for locale in (locale_id, default_id)
        }
        served = {pair: found.get(pair) for pair in needed if pair not in self._served}
        self.register(page for page in served.values() if page is not None)
        self._served.update(served)

    def _models_of(self, page_ids: set[int], translation_keys: set) -> set[type] | None:
        """The models of these pages and of their translations, when the content state knows them all."""
        known_models = self.reference.page_models
        translation_models = self.reference.translation_models
        if not all(page_id in known_models for page_id in page_ids):
            return None
        if not all(key in translation_models for key in translation_keys):
            return None
        return {known_models[page_id] for page_id in page_ids} | {translation_models[key] for key in translation_keys}

    def page(self, page_id: int | None, locale_id: int):
        """A referenced page in `locale_id`, else its default-locale original (isFallback), else None."""
        if page_id is None:
            return None
        self.load_pages([(page_id, locale_id)])
        key = self._translation_keys.get(page_id)
        page = self._served.get((key, locale_id))
        if page is not None:
            return self.serve(page, is_fallback=False)
        page = self._served.get((key, self.default_locale.pk))
        return self.serve(page, is_fallback=True) if page is not None else None

    def page_for(self, page, attname: str):
        """A page foreign key of `page` (e.g. an event's organiser), loaded for the page's whole batch."""
        batch = self._referencing_batch(page)
        if ("page", attname) not in batch.done:
            batch.done.add(("page", attname))
            # A batch may mix page types: only some of them have the field (search results: an event's organiser).
            self.load_pages(
                (getattr(p, attname), p.locale_id) for p in batch.pages if getattr(p, attname, None) is not None
            )
        return self.page(getattr(page, attname), page.locale_id)

    # --- Images and documents --------------------------------------------------------------------------------
    def load_images(self, ids: Iterable[int | None]) -> None:
        missing = {pk for pk in ids if pk is not None and pk not in self._images}
        if not missing:
            return
        # Renditions come with their images: rendition(filter) then needs no query per image.
        images = (
            get_image_model()
            .objects.filter(pk__in=missing)
            .exclude(collection_id__in=self.private_collection_ids)
            .prefetch_related("renditions")
        )
        found = {image.pk: image for image in images}
        self._images.update({pk: found.get(pk) for pk in missing})

    def image(self, image_id: int | None):
        if image_id is None:
            return None
        self.load_images([image_id])
        return self._images[image_id]

    def image_for(self, obj, attname: str):
        """An image foreign key of `obj`, loaded for obj's whole batch."""
        batch = self._referencing_batch(obj)
        if ("image", attname) not in batch.done:
            batch.done.add(("image", attname))
            self.load_images(getattr(other, attname, None) for other in batch.pages)
        return self.image(getattr(obj, attname, None))

    def load_documents(self, ids: Iterable[int | None]) -> None:
        missing = {pk for pk in ids if pk is not None and pk not in self._documents}
        if not missing:
            return
        documents = (
            get_document_model().objects.filter(pk__in=missing).exclude(collection_id__in=self.private_collection_ids)
        )
        found = {document.pk: document for document in documents}
        self._documents.update({pk: found.get(pk) for pk in missing})

    def document(self, document_id: int | None):
        if document_id is None:
            return None
        self.load_documents([document_id])
        return self._documents[document_id]

    def document_for(self, obj, attname: str):
        batch = self._referencing_batch(obj)
        if ("document", attname) not in batch.done:
            batch.done.add(("document", attname))
            self.load_documents(getattr(other, attname, None) for other in batch.pages)
        return self.document(getattr(obj, attname, None))

    def load_references(self, references: References) -> None:
        self.load_images(references.images)
        self.load_documents(references.documents)
        self.load_pages(references.pages)

    def prepare_content(self, obj, field_name: str, collect) -> None:
        """Before rendering one object's rich text or StreamField, load what the field references for the batch.

        `collect(value, references, locale_id)` adds the ids a field value points at.
        """
        batch = self._referencing_batch(obj)
        if ("content", field_name) in batch.done:
            return
        batch.done.add(("content", field_name))
        references = References()
        for other in batch.pages:
            value = getattr(other, field_name, None)
            if value:
                collect(value, references, getattr(other, "locale_id", None) or self.default_locale.pk)
        self.load_references(references)

    # --- Translations and breadcrumbs ------------------------------------------------------------------------
    def translations_of(self, page) -> list:
        batch = self.batch_of(page)
        cache_key = ("translations",)
        if cache_key not in batch.done:
            batch.done.add(cache_key)
            # Translations share their page's model (Wagtail copies a page into its own type): one query per model
            # of the batch, without .specific()'s extra query per type.
            keys_by_model = defaultdict(set)
            for other in batch.pages:
                keys_by_model[type(other)].add(other.translation_key)
            grouped = defaultdict(list)
            for model, keys in keys_by_model.items():
                translations = self.visible(model.objects.filter(translation_key__in=keys)).order_by("locale_id")
                for translation in self.register(translations):
                    grouped[translation.translation_key].append(self.serve(translation, is_fallback=False))
            batch.translations = grouped
        return [other for other in batch.translations[page.translation_key] if other.locale_id != page.locale_id]

    def ancestors_of(self, page) -> list:
        """The visible ancestors of `page` from its locale's home page down (the tree root is never shown)."""
        batch = self.batch_of(page)
        if ("ancestors",) not in batch.done:
            batch.done.add(("ancestors",))
            paths = {path for other in batch.pages for path in _ancestor_paths(other)}
            found = self.visible(Page.objects.filter(path__in=paths)) if paths else []
            batch.ancestors = {ancestor.path: ancestor for ancestor in found}
        return [batch.ancestors[path] for path in _ancestor_paths(page) if path in batch.ancestors]

    # --- Snippets (topics, service points): pages tag the source-locale ones ---------------------------------
    def snippets_for(self, page, relation: str) -> list:
        """The snippets of a page's many-to-many `relation`, each in the asked locale, else in the source locale."""
        batch = self.batch_of(page)
        locale_id = batch.requested_locale_id or page.locale_id
        if ("snippets", relation) not in batch.done:
            batch.done.add(("snippets", relation))
            # A batch may mix page types (search results, a block's chosen pages): Django prefetches one model at a
            # time, and only pages that have the relation (a section index page has no topics).
            by_model = defaultdict(list)
            for other in batch.pages:
                if other.pk and not getattr(other, "_api_is_preview", False) and hasattr(other, relation):
                    by_model[type(other)].append(other)
            for pages in by_model.values():
                prefetch_related_objects(pages, relation)
            sources = [
                snippet for other in batch.pages if hasattr(other, relation) for snippet in getattr(other, relation).all()
            ]
            self.load_snippet_translations(sources, locale_id)
        return [self.snippet(source, locale_id) for source in getattr(page, relation).all()]

    def load_snippet_translations(self, sources: list, locale_id: int) -> None:
        """Look up the sources' translations in `locale_id` that the content state's memo does not know yet."""
        memo = self.reference.snippets
        by_model = defaultdict(set)
        for source in sources:
            if source.locale_id != locale_id and (type(source), source.translation_key, locale_id) not in memo:
                by_model[type(source)].add(source.translation_key)
        for model, keys in by_model.items():
            found = {
                translation.translation_key: translation
                for translation in model.objects.filter(translation_key__in=keys, locale_id=locale_id)
            }
            for key in keys:
                memo[(model, key, locale_id)] = found.get(key)

    def snippet(self, source, locale_id: int):
        if source.locale_id == locale_id:
            return self.serve(source, is_fallback=False)
        translation = self.reference.snippets.get((type(source), source.translation_key, locale_id))
        if translation is None:
            return self.serve(source, is_fallback=True)
        # The memo's instance is shared by concurrent requests: mark (and batch) a copy of it.
        return self.serve(copy.copy(translation), is_fallback=False)

    # --- Eager batches -----------------------------------------------------------------------------------------
    def _prepare_everything(self, batch: Batch) -> None:
        """Load every reference of the batch's pages at once: image, document and page fields, and content."""
        references = References()
        for page in batch.pages:
            locale_id = getattr(page, "locale_id", None) or self.default_locale.pk
            fields = _reference_fields(type(page))
            for kind, attname in fields.foreign_keys:
                pk = getattr(page, attname, None)
                if pk is None:
                    continue
                if kind == "image":
                    references.images.add(pk)
                elif kind == "document":
                    references.documents.add(pk)
                else:
                    references.pages.add((pk, locale_id))
            for name, collect in fields.content:
                value = getattr(page, name, None)
                if value:
                    collect(value, references, locale_id)
        fields_done = {
            (kind, attname) for page in batch.pages for kind, attname in _reference_fields(type(page)).foreign_keys
        }
        batch.done |= fields_done | {
            ("content", name) for page in batch.pages for name, _ in _reference_fields(type(page)).content
        }
        self.load_references(references)


class _ReferenceFields:
    def __init__(self, foreign_keys: list[tuple[str, str]], content: list[tuple[str, object]]):
        self.foreign_keys = foreign_keys  # (image | document | page, attname)
        self.content = content  # (field name, collect function)


@cache
def _reference_fields(model) -> _ReferenceFields:
    """The fields of a page model that point at images, documents and pages, and those holding content."""
    # Imported here: the converters import this module.
    from .streamfield.convert import collect_stream
    from .streamfield.richtext import collect_richtext

    image_model, document_model = get_image_model(), get_document_model()
    foreign_keys, content = [], []
    for field in model._meta.concrete_fields:
        if field.model is Page:  # Wagtail's own (alias_of, owner, revisions): never served as references
            continue
        if field.many_to_one and field.related_model is image_model:
            foreign_keys.append(("image", field.attname))
        elif field.many_to_one and field.related_model is document_model:
            foreign_keys.append(("document", field.attname))
        elif field.many_to_one and issubclass(field.related_model, Page):
            foreign_keys.append(("page", field.attname))
        elif isinstance(field, StreamField):
            content.append((field.name, collect_stream))
        elif isinstance(field, RichTextField):
            content.append((field.name, collect_richtext))
    return _ReferenceFields(foreign_keys, content)


@cache
def _content_language_codes() -> frozenset[str]:
    return frozenset(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)


def portal_path(page) -> str:
    """BasePage.portal_path for any page object (previews and generic pages included)."""
    segments = page.url_path.strip("/").split("/")
    return "/" + "".join(f"{segment}/" for segment in segments[1:])


def _ancestor_paths(page) -> list[str]:
    # Depth 1 is the tree root; depth 2 the locale's home, the first crumb.
    steplen = Page.steplen
    return [page.path[: steplen * depth] for depth in range(2, page.depth)]
