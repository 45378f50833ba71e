"""The context of one GraphQL request: the Django request, the request's loader, what to cache of the response and
what readers asked for (insights' signals)."""

import dataclasses

from strawberry.django.context import StrawberryDjangoContext
from strawberry.types import Info

from .caching.responses import ResponsePlan
from .loaders import RequestLoader


@dataclasses.dataclass
class ApiContext(StrawberryDjangoContext):
    loader: RequestLoader = dataclasses.field(default_factory=RequestLoader)
    response_plan: ResponsePlan = dataclasses.field(default_factory=ResponsePlan)
    # Readers' signals of this request (insights.demand): counted by the view, kept with a cached response.
    signals: list = dataclasses.field(default_factory=list)


def loader(info: Info) -> RequestLoader:
    return info.context.loader
