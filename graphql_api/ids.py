"""Ids that say what was served: the object, the locale it is served in, and for whom when it is a fallback.

Normalised client caches (Apollo's InMemoryCache, urql's Graphcache, Relay's store) keep one record per
`__typename` + `id` (Relay: per `id`). The Italian page served as itself, the same page served to a Spanish reader
for lack of a translation (isFallback, Spanish topics) and its Arabic translation are three different answers, so
they have three ids; the same object served the same way has the same id in every request. docs/api.md, "Ids and
client caches", is the reference for clients.

    page:42:it             page 42, served in Italian as itself
    page:42:it:for-es      page 42, in Italian, as the fallback for a Spanish reader
    page:42:it:draft       page 42's latest draft (previewPage)
    topic:7:ar             topic 7, in Arabic
    page:42:it:for-es/4e1f…  a block of that page (its stream id after the slash)

The parts come from the kernel's decision as the request applied it (loaders/served.py), never recomputed here.
"""

import dataclasses
import re

from wagtail.models import Page

from graphql_api.errors import ApiError, ErrorCode

FALLBACK_MARK = "for-"
DRAFT_MARK = "draft"

# kind:pk:locale[:for-locale|:draft]; kinds and locale codes are lower-case ASCII (zh-hans).
_SERVED_ID = re.compile(r"^(?P<kind>[a-z]+):(?P<pk>[0-9]+):(?P<locale>[a-z]+(?:-[a-z]+)*)"
                        r"(?::(?:for-(?P<for>[a-z]+(?:-[a-z]+)*)|(?P<draft>draft)))?$")


@dataclasses.dataclass(frozen=True)
class ServedId:
    kind: str
    pk: int
    locale: str  # the language code it was served in
    for_locale: str | None = None  # the language code of the reader a fallback stands in for
    draft: bool = False

    def __str__(self) -> str:
        suffix = f":{FALLBACK_MARK}{self.for_locale}" if self.for_locale else (f":{DRAFT_MARK}" if self.draft else "")
        return f"{self.kind}:{self.pk}:{self.locale}{suffix}"


def served_id(obj, loader, *, kind: str | None = None) -> str:
    """The id of `obj` as this request served it. `kind` defaults to `page` for pages, else the model's name."""
    how = loader.served.how(obj)
    return str(ServedId(
        kind=kind or object_kind(obj),
        pk=obj.pk,
        locale=loader.language_code(obj.locale_id),
        for_locale=loader.language_code(how.for_locale_id) if how.is_fallback else None,
        draft=loader.batches.of(obj).preview,
    ))


def object_kind(obj) -> str:
    return "page" if isinstance(obj, Page) else type(obj)._meta.model_name


def block_id(owner_id: str, stream_id: str) -> str:
    """A block's id: the id of the object it was served in, then the block's own id in the stream."""
    return f"{owner_id}/{stream_id}"


def served_id_parse(value: str) -> ServedId | None:
    """The parts of an id this API wrote, or None when `value` is not one."""
    match = _SERVED_ID.match(str(value))
    if match is None:
        return None
    return ServedId(match["kind"], int(match["pk"]), match["locale"], match["for"], bool(match["draft"]))


@dataclasses.dataclass(frozen=True)
class PageIdArgument:
    """What a page id argument names: a database id, and for a served id the reader it was served to."""

    pk: str  # digits, maybe past the column's range: the caller decides what that means
    for_locale: str | None = None


def page_id_argument(value: str, argument: str = "id") -> PageIdArgument:
    """Read a page id argument: a served page id (`page:42:it`, `page:42:it:for-es`) or a plain database id (`42`,
    what earlier versions of the API gave and portals may have stored). Anything else is BAD_USER_INPUT."""
    value = str(value)
    if value.isascii() and value.isdecimal():
        return PageIdArgument(value)
    parsed = served_id_parse(value)
    if parsed is None or parsed.kind != "page":
        raise ApiError(
            ErrorCode.BAD_USER_INPUT,
            f"`{argument}` must be a page id: a page's `id` (page:42:it) or its `databaseId` (42).",
        )
    return PageIdArgument(str(parsed.pk), parsed.for_locale)
