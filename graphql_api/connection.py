"""The Relay connection every listing returns: edges, pageInfo and totalCount, at most MAX_PAGE_SIZE per request.

After slicing, the edges' nodes are registered with the request loader as one batch (see loaders/batches.py) and
marked with the locale they are served in, so nested fields load their references once for the whole page of results.
"""

from typing import Any

import strawberry
import strawberry_django
from django.db.models import QuerySet
from strawberry import relay
from strawberry.relay.types import PREFIX
from strawberry.relay.utils import SliceMetadata, from_base64
from strawberry_django.fields.field import StrawberryDjangoConnectionExtension
from strawberry_django.pagination import get_total_count
from strawberry_django.relay import DjangoListConnection

from content_models.kernel.fallback import REQUESTED_LOCALE

from .conf import api_setting
from .errors import ApiError, ErrorCode

# Cursors are offsets into a listing. No listing comes near this many items, and an offset past it would overflow
# the database's 64-bit LIMIT/OFFSET arithmetic: such a cursor was not made by this API.
MAX_CURSOR_OFFSET = 2**31


@strawberry.type(name="Connection", description="A page of results.")
class ApiConnection(DjangoListConnection[relay.NodeType]):
    @strawberry.field(name="totalCount", description="How many items match, over every page.")
    def total_count(self) -> int:
        if self.edges and hasattr(self.edges[0].node, "_strawberry_total_count"):
            return self.edges[0].node._strawberry_total_count
        if isinstance(self.nodes, QuerySet):
            return get_total_count(self.nodes)
        return len(self.nodes)

    @classmethod
    def resolve_connection(cls, nodes, *, info, before=None, after=None, first=None, last=None, **kwargs: Any):
        if isinstance(nodes, QuerySet):
            nodes = ordered_totally(nodes)
        connection = super().resolve_connection(
            nodes, info=info, before=before, after=after, first=first, last=last, **kwargs
        )
        if not connection.edges and 0 in (first, last):
            # `first: 0` (to read totalCount) returns no edge, so Relay's rule would give no cursor while
            # hasNextPage says there is more. The position did not move: the cursor to go on from is the one the
            # client sent (none at the start, where `after: null` begins again).
            position = before if last == 0 and before is not None else after
            connection.page_info.start_cursor = connection.page_info.end_cursor = position
        loader = info.context.loader
        items = [edge.node for edge in connection.edges]
        requested = getattr(items[0], REQUESTED_LOCALE, None) if items else None
        for item in items:
            if requested is not None:
                loader.serve(item, is_fallback=item.locale_id != requested, for_locale_id=requested)
        loader.register(items, requested)
        return connection


def ordered_totally(queryset: QuerySet) -> QuerySet:
    """The queryset's order (the client's `ordering`, else the listing's default) with the pk as the last key.

    Cursors are offsets: if items with equal sort values (two events starting at the same time) could come back in
    a different order on the next request, the next page would repeat some and skip others.
    """
    order = list(queryset.query.order_by) or list(queryset.model._meta.ordering)
    pk_names = {"pk", queryset.model._meta.pk.name, queryset.model._meta.pk.attname}
    if order and isinstance(order[-1], str) and order[-1].lstrip("-") in pk_names:
        return queryset
    return queryset.order_by(*order, "pk")


class LimitedConnectionExtension(StrawberryDjangoConnectionExtension):
    """Checks first/last and the cursors before the resolver runs: a bad page request costs no SQL.

    It replaces strawberry-django's connection extension rather than wrapping it: field extensions chain with the
    last one outermost, and that one consumes the pagination arguments.
    """

    def resolve(self, next_, source, info, *, before=None, after=None, first=None, last=None, **kwargs):
        limit = api_setting("MAX_PAGE_SIZE")
        for name, value in (("first", first), ("last", last)):
            if value is not None and value > limit:
                raise ApiError(ErrorCode.PAGE_SIZE_TOO_LARGE, f"`{name}` may be at most {limit}.")
            if value is not None and value < 0:
                raise ApiError(ErrorCode.BAD_USER_INPUT, f"`{name}` must not be negative.")
        for name, cursor in (("after", after), ("before", before)):
            if cursor is not None and cursor_offset(cursor) is None:
                raise ApiError(ErrorCode.BAD_USER_INPUT, f"`{name}` is not a cursor of this listing.")
        # The arguments are valid now: this only computes the slice, as the connection will.
        SliceMetadata.from_arguments(info, before=before, after=after, first=first, last=last, max_results=limit)
        return super().resolve(next_, source, info, before=before, after=after, first=first, last=last, **kwargs)


def cursor_offset(cursor: str) -> int | None:
    """The offset a cursor of this API holds, or None when it is not one (forged, negative or out of range)."""
    try:
        prefix, offset = from_base64(cursor)
    except ValueError:
        return None
    # isdecimal() alone admits non-ASCII digits and int() underscores: an offset this API wrote is plain ASCII.
    if prefix != PREFIX or not (offset.isascii() and offset.isdecimal()) or int(offset) >= MAX_CURSOR_OFFSET:
        return None
    return int(offset)


def connection(graphql_type, **kwargs):
    """strawberry_django.connection with the API's pagination limits."""
    field = strawberry_django.connection(graphql_type, **kwargs)
    field.extensions = [
        LimitedConnectionExtension(max_results=extension.max_results)
        if type(extension) is StrawberryDjangoConnectionExtension
        else extension
        for extension in field.extensions
    ]
    return field
