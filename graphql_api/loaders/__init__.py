"""The request's loaders: everything a GraphQL request reads beyond its root querysets, in bulk, per domain.

`RequestLoader` composes them over one kernel `ContentReader` (content_models/kernel/reader.py), which decides
what is public, serves pages by the fallback rule and loads references in bulk; the loaders add the per-request
batching strawberry needs (batches.py) and remember how each object was served (served.py):

| loader | answers |
| --- | --- |
| `loader.media` | `image_for`, `document_for`, `image`, `document` |
| `loader.pages` | `page_for` (a page foreign key), `page` (by id, in a locale) |
| `loader.content` | `prepare` (references of a StreamField or rich text, for the batch) |
| `loader.snippets` | `snippets_for` (topics, service points in the asked locale) |
| `loader.tree` | `translations_of`, `ancestors_of` |
| `loader.served` | `of(obj)`, `how(obj)`: the locale an object was served in, whether as a fallback and for whom |
"""

from functools import cache

from django.conf import settings
from wagtail.models import Locale

from content_models.kernel.reader import ContentReader
from content_models.kernel.references import References
from graphql_api.locales.types import unknown_locale

from .batches import Batches
from .content import ContentLoader
from .media import MediaLoader
from .pages import PageLoader
from .served import ServedObjects
from .snippets import SnippetLoader
from .tree import TreeLoader


class RequestLoader:
    def __init__(self):
        self.reader = ContentReader()
        self.batches = Batches()
        self.served = ServedObjects(self.batches)
        self.content = ContentLoader(self)
        self.media = MediaLoader(self)
        self.pages = PageLoader(self)
        self.snippets = SnippetLoader(self)
        self.tree = TreeLoader(self)
        self.batches.on_eager = self.content.prepare_everything

    def use_state(self, state) -> None:
        """Serve the content state `state` (kernel ContentState): its instant and its per-state memo."""
        self.reader.use_state(state)

    # --- Locales ---------------------------------------------------------------------------------------------
    @property
    def default_locale(self) -> Locale:
        return self.reader.default_locale

    def locale(self, code: str | None) -> Locale:
        """The locale a client asked for (the default one when it asked none); unknown codes are an error."""
        if code is None:
            return self.default_locale
        locale = self.reader.locale_by_code(code) if code in _content_language_codes() else None
        if locale is None:
            raise unknown_locale(code)
        return locale

    def language_code(self, locale_id: int) -> str:
        return self.reader.language_code(locale_id)

    # --- Shared by the loaders -------------------------------------------------------------------------------
    def page_url(self, page) -> str:
        return self.reader.page_url(page)

    def visible(self, queryset):
        return self.reader.visible(queryset)

    def serve(self, obj, *, is_fallback: bool, for_locale_id: int | None = None):
        return self.served.serve(obj, is_fallback=is_fallback, for_locale_id=for_locale_id)

    def register(self, objects, requested_locale_id: int | None = None, *, eager: bool = False,
                 preview: bool = False) -> list:
        return self.batches.register(objects, requested_locale_id, eager=eager, preview=preview)

    def load(self, references: References) -> None:
        self.reader.load_images(references.images)
        self.reader.load_documents(references.documents)
        self.pages.load(references.pages)


@cache
def _content_language_codes() -> frozenset[str]:
    return frozenset(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
