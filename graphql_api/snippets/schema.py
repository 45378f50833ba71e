from collections.abc import Iterable

import strawberry

from content_models.kernel.fallback import in_locale
from content_models.models import ServicePoint, Topic
from graphql_api.connection import ApiConnection, connection

from .types import ServicePointFilter, ServicePointType, TopicType


def _listing(model, info: strawberry.Info, locale: str | None, fallback: bool):
    loader = info.context.loader
    queryset = in_locale(
        model.objects.all(), locale=loader.locale(locale), default=loader.default_locale, fallback=fallback
    )
    return queryset.order_by("name", "pk")


@strawberry.type
class Query:
    @connection(ApiConnection[TopicType], description="Topics, by name.")
    def topics(self, info: strawberry.Info, locale: str | None = None, fallback: bool = True) -> Iterable[TopicType]:
        return _listing(Topic, info, locale, fallback)

    @connection(
        ApiConnection[ServicePointType], filters=ServicePointFilter, description="Service points, by name."
    )
    def service_points(
        self, info: strawberry.Info, locale: str | None = None, fallback: bool = True
    ) -> Iterable[ServicePointType]:
        return _listing(ServicePoint, info, locale, fallback)
