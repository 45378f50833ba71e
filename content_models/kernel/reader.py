"""A ContentReader: published content as one reader sees it (a GraphQL request, a feed, a newsletter edition).

It holds the instant and the restrictions the reader judges visibility at, and loads what content points at
(images, documents, pages in a locale, snippet translations) in bulk, hiding whatever is not public:
- `prepare(objects)` / `load(references)` fetch everything a set of pages points at in a fixed number of queries
  (one per kind), whatever their number; the getters then answer from memory;
- a page is served by the fallback rule (fallback.py): in the asked locale, else in the default one, else not;
- images come with their renditions, so making a URL costs no query.

Built from a content state (generation.py), it reads the per-state memo (memo.py) for locales, restrictions,
home pages and snippet translations, so a warm reader spends no query on them. Without a state it reads them
once. The API's loaders (graphql_api/loaders) add per-request batching on top; feeds, the newsletter and social
posts call it directly.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import BooleanField, Case, Q, Value, When, prefetch_related_objects
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from .fallback import Served, is_served_translation, served_in
from .memo import StateMemo, state_memo
from .presentation import page_main_image
from .references import References, collect_object
from .specific import specific_pages
from .urls import portal_url
from .visibility import Visibility, visible_pages, visible_pages_q

VISIBLE_ATTR = "_kernel_visible"  # an annotation of load_pages' query: is the row public now
# What a link to a page needs (its title, its portal URL, its identity), and the publishing state a caller may read
# (the visibility rule itself runs in SQL). Any other field would cost one query per page: channels reading more
# use the specific reader.
LINK_FIELDS = (
    "id", "title", "slug", "url_path", "path", "depth", "locale_id", "translation_key", "content_type_id",
    "live", "expired", "go_live_at", "expire_at", "first_published_at", "last_published_at",
)


class ContentReader:
    def __init__(self, state=None, *, specific: bool = True):
        """`specific=False`: pages pointed at are read as plain `Page` rows with LINK_FIELDS only, for a channel that
        only links to them (a feed of 50 services points at hundreds of pages: their full rows cost more than the
        feed itself). The API and the newsletter's teasers show pages pointed at, and read them whole."""
        self.specific = specific
        self.use_state(state)

    def use_state(self, state) -> None:
        """Read as of the content state `state` (generation.ContentState; None: now, with a fresh memo)."""
        self.now = state.now if state is not None else timezone.now()
        self.memo: StateMemo = state_memo(state.stamp if state is not None else None)
        self._images: dict[int, object] = {}
        self._documents: dict[int, object] = {}
        self._translation_keys: dict[int, object] = self.memo.page_translation_keys
        self._served: dict[tuple[object, int], object] = {}  # (translation key, locale id) -> public page

    # --- Locales ---------------------------------------------------------------------------------------------
    @property
    def locales(self) -> dict[int, Locale]:
        return self.memo.locales

    @property
    def default_locale(self) -> Locale:
        return self.memo.default_locale

    def locale_by_code(self, code: str) -> Locale | None:
        return self.memo.locales_by_code.get(code)

    def language_code(self, locale_id: int) -> str:
        return self.memo.locales[locale_id].language_code

    # --- Visibility and addresses ----------------------------------------------------------------------------
    @property
    def visibility(self) -> Visibility:
        return Visibility(self.now, self.memo.private_paths, self.memo.private_collection_ids)

    def visible(self, queryset):
        return visible_pages(queryset, now=self.now, private_paths=self.memo.private_paths)

    def home_url_path(self, locale_id: int) -> str | None:
        """The url_path of the locale's home page, the root of the paths portals route."""
        return self.memo.home_url_paths.get(locale_id)

    def page_url(self, page) -> str:
        """The page's absolute portal URL in its own language, without a query (BasePage.get_url_parts's rule)."""
        return portal_url(page.url_path, self.language_code(page.locale_id))

    # --- Images and documents --------------------------------------------------------------------------------
    def load_images(self, ids: Iterable[int | None]) -> None:
        missing = {pk for pk in ids if pk is not None and pk not in self._images}
        if not missing:
            return
        # Renditions come with their images: a rendition's URL then needs no query per image.
        images = (
            get_image_model()
            .objects.filter(pk__in=missing)
            .exclude(collection_id__in=self.memo.private_collection_ids)
            .prefetch_related("renditions")
        )
        found = {image.pk: image for image in images}
        self._images.update({pk: found.get(pk) for pk in missing})

    def image(self, image_id: int | None):
        """A public image, or None (no such image, or in a private collection)."""
        if image_id is None:
            return None
        self.load_images([image_id])
        return self._images[image_id]

    def load_documents(self, ids: Iterable[int | None]) -> None:
        missing = {pk for pk in ids if pk is not None and pk not in self._documents}
        if not missing:
            return
        documents = get_document_model().objects.filter(pk__in=missing).exclude(
            collection_id__in=self.memo.private_collection_ids
        )
        found = {document.pk: document for document in documents}
        self._documents.update({pk: found.get(pk) for pk in missing})

    def document(self, document_id: int | None):
        """A public document, or None."""
        if document_id is None:
            return None
        self.load_documents([document_id])
        return self._documents[document_id]

    def main_image(self, page):
        """presentation.page_main_image, loaded through this reader."""
        return page_main_image(page, lambda obj, attname: self.image(getattr(obj, attname, None)))

    # --- Pages pointed at (blocks, rich text links, organisers) ------------------------------------------------
    def load_pages(self, wanted: Iterable[tuple[int | None, int]]) -> list:
        """Load (page id, locale id) pairs: the public page in that locale and in the default one. Returns the
        pages served for the first time (the API batches their own references together).

        One query: the pages themselves (for their translation keys, whether public or not) and their
        translations in the wanted locales, each row marked public or not by the visibility rule.
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
            return []
        condition = Q(pk__in=())
        if unknown_ids:
            keys = Page.objects.filter(pk__in=unknown_ids).values("translation_key")
            condition |= Q(pk__in=unknown_ids) | Q(translation_key__in=keys, locale_id__in=locale_ids)
        if known:
            condition |= Q(translation_key__in={key for key, _ in known}, locale_id__in={loc for _, loc in known})
        public = Case(
            When(visible_pages_q(now=self.now, private_paths=self.memo.private_paths), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
        # No order (rows are looked up by key) and, when the state has served them before, only their models joined.
        queryset = Page.objects.filter(condition).annotate(**{VISIBLE_ATTR: public}).order_by()
        if self.specific:
            rows = specific_pages(queryset, self._models_of(unknown_ids, {key for key, _ in known}))
            self.memo.remember_models(rows)
        else:
            rows = list(queryset.only(*LINK_FIELDS))
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
        self._served.update(served)
        return [page for page in served.values() if page is not None]

    def _models_of(self, page_ids: set[int], translation_keys: set) -> set[type] | None:
        """The models of these pages and of their translations, when the content state knows them all."""
        known_models, translation_models = self.memo.page_models, self.memo.translation_models
        if not all(page_id in known_models for page_id in page_ids):
            return None
        if not all(key in translation_models for key in translation_keys):
            return None
        return {known_models[page_id] for page_id in page_ids} | {translation_models[key] for key in translation_keys}

    def specific_by_id(self, page_ids: Iterable[int]) -> dict:
        """These pages as their specific models, by id, in one query, with no visibility rule (for ids a public
        query found: search hits). Once the content state has served them, only their models' tables are joined."""
        page_ids = set(page_ids)
        pages = specific_pages(Page.objects.filter(pk__in=page_ids), self._models_of(page_ids, set()))
        self.memo.remember_models(pages)
        return {page.pk: page for page in pages}

    def served_page(self, page_id: int | None, locale_id: int) -> Served | None:
        """A page pointed at, as a reader of `locale_id` gets it (fallback.py), or None when it is not public."""
        if page_id is None:
            return None
        self.load_pages([(page_id, locale_id)])
        key = self._translation_keys.get(page_id)
        candidates = {loc: self._served.get((key, loc)) for loc in (locale_id, self.default_locale.pk)}
        return served_in(candidates, locale_id=locale_id, default_locale_id=self.default_locale.pk)

    def page(self, page_id: int | None, locale_id: int):
        served = self.served_page(page_id, locale_id)
        return served.obj if served is not None else None

    # --- Snippets (topics, service points): pages tag the source-locale ones ---------------------------------
    @staticmethod
    def relation_prefetch(objects: Iterable, relation: str) -> None:
        """Prefetch a many-to-many relation, one model at a time (prefetching a mixed list would be wrong)."""
        by_model = defaultdict(list)
        for obj in objects:
            if obj.pk:
                by_model[type(obj)].append(obj)
        for same_model in by_model.values():
            prefetch_related_objects(same_model, relation)

    def snippet_translations_load(self, sources: Iterable, locale_id: int) -> None:
        """Look up the sources' translations in `locale_id` that the content state's memo does not know yet."""
        memo = self.memo.snippets
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

    def served_snippet(self, source, locale_id: int) -> Served:
        """A snippet in `locale_id`, else its source (a fallback); a translation that translates nothing yet is not
        served (fallback.py). The memo's instances are shared: never mark them."""
        if source.locale_id == locale_id:
            return Served(source, is_fallback=False)
        translation = self.memo.snippets.get((type(source), source.translation_key, locale_id))
        if translation is not None and is_served_translation(translation):
            return Served(translation, is_fallback=False)
        return Served(source, is_fallback=True)

    def snippets_of(self, obj, relation: str, locale_id: int) -> list[Served]:
        """The snippets of a prefetched relation (relation_prefetch, snippet_translations_load) in a locale."""
        if not obj.pk or not hasattr(obj, relation):
            return []
        return [self.served_snippet(source, locale_id) for source in getattr(obj, relation).all()]

    # --- Everything at once ------------------------------------------------------------------------------------
    def load(self, references: References) -> list:
        """Load what `references` names; returns the pages served for the first time (see load_pages)."""
        self.load_images(references.images)
        self.load_documents(references.documents)
        return self.load_pages(references.pages)

    def prepare(self, objects: Iterable, *, locale_id: int | None = None) -> list:
        """Load everything these pages or snippets point at (fields and content) in a fixed number of queries.

        Pages are wanted in `locale_id`, else in each object's own locale. Returns the objects.
        """
        objects = list(objects)
        references = References()
        for obj in objects:
            collect_object(obj, references, locale_id or getattr(obj, "locale_id", None) or self.default_locale.pk)
        self.load(references)
        return objects
