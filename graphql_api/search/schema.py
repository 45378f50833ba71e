from collections.abc import Iterable

import strawberry
from wagtail.models import Page

from content_models.kernel.fallback import in_locale
from graphql_api.conf import api_setting
from graphql_api.connection import ApiConnection, connection
from graphql_api.errors import ApiError, ErrorCode
from graphql_api.loaders import RequestLoader
from graphql_api.pages.types import PageInterface
from insights.demand import search_signal

from .words import search_query


class SearchHits:
    """Ranked search results, sliced by the connection, turned into specific pages one slice at a time.

    `on_first_slice(count)` is called once, with the size of the slice from offset 0: that slice is the search a
    reader made (the next pages, after a cursor, are the same search). The connection fetches one item more than
    it returns, so an empty first slice means the search found nothing. A backward page from the end (`last`
    without `before`) does not start at 0 and is not counted.
    """

    def __init__(self, results, loader: RequestLoader, locale_id: int, on_first_slice=None):
        self._results = results
        self._loader = loader
        self._locale_id = locale_id
        self._on_first_slice = on_first_slice

    def __len__(self) -> int:
        return self._results.count()

    def __getitem__(self, item: slice) -> list:
        hits = list(self._results[item])
        if self._on_first_slice is not None and not item.start:
            self._on_first_slice(len(hits))
            self._on_first_slice = None
        # One query for the slice, not one per hit; the rank order is kept.
        pages = self._loader.reader.specific_by_id(hit.pk for hit in hits)
        return [
            self._loader.serve(
                pages[hit.pk], is_fallback=hit.locale_id != self._locale_id, for_locale_id=self._locale_id
            )
            for hit in hits
            if hit.pk in pages
        ]


@strawberry.type
class Query:
    @connection(ApiConnection[PageInterface], description="Every public page type, ranked.")
    def search(
        self, info: strawberry.Info, query: str, locale: str | None = None, fallback: bool = True
    ) -> Iterable[PageInterface]:
        # Plain words, whatever characters they come with (words.py): never a syntax error, never an operator.
        query = " ".join(query.split())
        if not query:
            raise ApiError(ErrorCode.BAD_USER_INPUT, "`query` must not be empty.")
        if len(query) > api_setting("MAX_SEARCH_LENGTH"):
            raise ApiError(
                ErrorCode.SEARCH_QUERY_TOO_LONG, f"`query` may be at most {api_setting('MAX_SEARCH_LENGTH')} characters."
            )
        loader = info.context.loader
        locale = loader.locale(locale)
        words = search_query(query)
        if words is None:  # only punctuation or symbols: nothing can match
            return []
        pages = in_locale(
            loader.visible(Page.objects.all()), locale=locale, default=loader.default_locale, fallback=fallback
        )
        # The search backend only filters on indexed FilterFields; `id` is one, so the visibility and locale rules
        # go in as a subquery on it rather than as filters the backend would refuse.
        candidates = Page.objects.filter(pk__in=pages.values("pk"))
        signals = info.context.signals  # readers' demand (insights), counted by the view

        def counted(result_count: int) -> None:
            signals.append(search_signal(query, locale.language_code, result_count))

        return SearchHits(candidates.search(words), loader, locale.pk, on_first_slice=counted)
