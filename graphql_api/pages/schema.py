from collections.abc import Iterable
from typing import Annotated

import strawberry

from content_models.kernel.fallback import in_locale
from content_models.models import AssociationPage, EventPage, InfographicPage, NewsPage, ServicePage
from graphql_api.connection import ApiConnection, connection
from graphql_api.errors import ApiError, ErrorCode
from graphql_api.ids import page_id_argument
from insights.demand import not_found_signal, page_signal

from . import selectors
from .filters import (
    AssociationPageFilter,
    AssociationPageOrdering,
    EventPageFilter,
    EventPageOrdering,
    InfographicPageFilter,
    InfographicPageOrdering,
    NewsPageFilter,
    NewsPageOrdering,
    ServicePageFilter,
    ServicePageOrdering,
)
from .types import (
    AssociationPageType,
    EventPageType,
    InfographicPageType,
    NewsPageType,
    PageInterface,
    ServicePageType,
)

LOCALE_HELP = "A locale code from `locales`; the default locale when omitted."
ID_HELP = (
    "A page's `id` (page:42:it, page:42:it:for-es: served again as it was, to the same reader) or its "
    "`databaseId` (42: the page in its own locale)."
)
FALLBACK_HELP = "Fill the gaps with the default locale's pages (isFallback: true)."


def _listing(model, info: strawberry.Info, locale: str | None, fallback: bool, *default_ordering: str):
    loader = info.context.loader
    locale = loader.locale(locale)
    queryset = in_locale(
        loader.visible(model.objects.all()), locale=locale, default=loader.default_locale, fallback=fallback
    )
    # A client's `ordering` replaces this; either way the connection adds the pk last (connection.ordered_totally).
    return queryset.order_by(*default_ordering)


@strawberry.type
class Query:
    @strawberry.field(description="A page by its path in a locale's tree, or by id. The most specific type.")
    def page(
        self,
        info: strawberry.Info,
        path: str | None = None,
        id: Annotated[strawberry.ID | None, strawberry.argument(description=ID_HELP)] = None,
        locale: Annotated[str | None, strawberry.argument(description=LOCALE_HELP)] = None,
        fallback: Annotated[bool, strawberry.argument(description=FALLBACK_HELP)] = True,
    ) -> PageInterface | None:
        if (path is None) == (id is None):
            raise ApiError(ErrorCode.BAD_USER_INPUT, "Give exactly one of `path` and `id`.")
        loader = info.context.loader
        if path is not None:
            page = selectors.page_by_path(loader, path, loader.locale(locale), fallback=fallback)
        else:
            # A fallback's id says which reader it was served to: without `locale`, serve it to that reader again.
            locale = locale or page_id_argument(id).for_locale
            page = selectors.page_by_id(loader, id, loader.locale(locale) if locale else None, fallback=fallback)
        if page is not None:
            loader.register([page], loader.locale(locale).pk if locale else None, eager=True)
            # By id without a locale, the page is served in its own language: that is the one asked for.
            asked = loader.locale(locale).language_code if locale else loader.language_code(page.locale_id)
            info.context.signals.append(page_signal(page.translation_key, asked, is_fallback=loader.served.is_fallback(page)))
        elif path is not None:
            info.context.signals.append(not_found_signal(path, loader.locale(locale).language_code))
        return page

    @connection(
        ApiConnection[ServicePageType], filters=ServicePageFilter, ordering=ServicePageOrdering,
        description="Service pages, by title unless `ordering` says otherwise.",
    )
    def service_pages(
        self, info: strawberry.Info, locale: str | None = None, fallback: bool = True
    ) -> Iterable[ServicePageType]:
        return _listing(ServicePage, info, locale, fallback, "title")

    @connection(
        ApiConnection[EventPageType], filters=EventPageFilter, ordering=EventPageOrdering,
        description="Events, soonest first unless `ordering` says otherwise.",
    )
    def events(self, info: strawberry.Info, locale: str | None = None, fallback: bool = True) -> Iterable[EventPageType]:
        return _listing(EventPage, info, locale, fallback, "start")

    @connection(
        ApiConnection[NewsPageType], filters=NewsPageFilter, ordering=NewsPageOrdering,
        description="News, newest first unless `ordering` says otherwise.",
    )
    def news_pages(self, info: strawberry.Info, locale: str | None = None, fallback: bool = True) -> Iterable[NewsPageType]:
        return _listing(NewsPage, info, locale, fallback, "-date")

    @connection(
        ApiConnection[InfographicPageType], filters=InfographicPageFilter, ordering=InfographicPageOrdering,
        description="Infographics, by title unless `ordering` says otherwise.",
    )
    def infographics(
        self, info: strawberry.Info, locale: str | None = None, fallback: bool = True
    ) -> Iterable[InfographicPageType]:
        return _listing(InfographicPage, info, locale, fallback, "title")

    @connection(
        ApiConnection[AssociationPageType], filters=AssociationPageFilter, ordering=AssociationPageOrdering,
        description="Association profiles, by name unless `ordering` says otherwise.",
    )
    def associations(
        self, info: strawberry.Info, locale: str | None = None, fallback: bool = True
    ) -> Iterable[AssociationPageType]:
        return _listing(AssociationPage, info, locale, fallback, "title")
