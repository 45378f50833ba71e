"""What may leave the CMS: the one place that decides whether a page, image or document is public.

Every way out (the API, feeds and JSON-LD, newsletters, social posts, webhooks) goes through these rules, so a
rule changes in one place. They take the instant to judge at (`now`) and the restrictions loaded once per request
or rendering (`Visibility`), so none of them runs a query of its own.
"""

import dataclasses
import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import PageViewRestriction

from media.privacy import private_collection_ids  # the media app decides which collections are private


def private_page_paths() -> list[str]:
    """Tree paths of pages under any view restriction (password, login, groups): they and their subtrees hide."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def visible_pages_q(*, now: datetime.datetime, private_paths: list[str]) -> Q:
    """Live, published, not expired, past its go-live time, not under a privacy restriction, not the tree root.

    Fields are read from the page row, which Wagtail keeps equal to the live revision: a newer draft only ever
    lives in the revisions table, so it never leaks through these pages.
    """
    q = (
        Q(live=True, expired=False, depth__gt=1)
        & (Q(expire_at__isnull=True) | Q(expire_at__gt=now))
        & (Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
    )
    for path in private_paths:
        q &= ~Q(path__startswith=path)
    return q


def visible_pages(queryset: QuerySet, *, now: datetime.datetime, private_paths: list[str]) -> QuerySet:
    return queryset.filter(visible_pages_q(now=now, private_paths=private_paths))


def page_is_visible(page, *, now: datetime.datetime, private_paths: list[str]) -> bool:
    """The same rule as visible_pages_q, for one page already in memory."""
    return (
        page.live
        and not page.expired
        and page.depth > 1
        and (page.expire_at is None or page.expire_at > now)
        and (page.go_live_at is None or page.go_live_at <= now)
        and not any(page.path.startswith(path) for path in private_paths)
    )


@dataclasses.dataclass(frozen=True)
class Visibility:
    """What hides content at one instant: privacy-restricted page subtrees and private collections."""

    now: datetime.datetime
    private_paths: list[str]
    private_collection_ids: frozenset[int]

    def pages(self, queryset: QuerySet) -> QuerySet:
        return visible_pages(queryset, now=self.now, private_paths=self.private_paths)

    def pages_q(self) -> Q:
        return visible_pages_q(now=self.now, private_paths=self.private_paths)

    def page_is_visible(self, page) -> bool:
        return page_is_visible(page, now=self.now, private_paths=self.private_paths)

    def media_is_public(self, image_or_document) -> bool:
        """An image or a document outside every private collection (their public copies would leak them)."""
        return image_or_document is not None and image_or_document.collection_id not in self.private_collection_ids


def visibility_read(*, now: datetime.datetime | None = None) -> Visibility:
    """Two queries: page view restrictions and private collections. Readers of a content state use its memo."""
    return Visibility(
        now=now or timezone.now(),
        private_paths=private_page_paths(),
        private_collection_ids=private_collection_ids(),
    )
