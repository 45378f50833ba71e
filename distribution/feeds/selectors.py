"""Reads of published content for distribution: which pages may leave through a feed, a calendar or a package.

Every rule about what is public comes from `content_models.visibility`; this module only adds what distribution
needs on top (pages of a section or a topic in one locale, a page in every locale, cancelled events). Callers
read `Visibility` once per request and pass it down, so none of these selectors repeats the restriction queries.
Importable by the rest of the app (e.g. `page_translations_visible` for hand-offs and webhooks).
"""

import dataclasses
import datetime

from django.conf import settings
from django.db.models import Min, Q, QuerySet
from django.utils import timezone
from wagtail.models import Locale, Page

from content_models import visibility as rules
from content_models.models import EventPage, Topic


@dataclasses.dataclass(frozen=True)
class Visibility:
    """What hides content at one instant: privacy-restricted page subtrees and private image collections."""

    now: datetime.datetime
    private_paths: list[str]
    private_collection_ids: frozenset[int]

    def pages(self, queryset: QuerySet) -> QuerySet:
        return rules.visible_pages(queryset, now=self.now, private_paths=self.private_paths)

    def page_is_visible(self, page) -> bool:
        return rules.page_is_visible(page, now=self.now, private_paths=self.private_paths)

    def image_is_public(self, image) -> bool:
        return image is not None and image.collection_id not in self.private_collection_ids


def visibility_read(*, now: datetime.datetime | None = None) -> Visibility:
    """Two queries: page view restrictions and private collections."""
    return Visibility(
        now=now or timezone.now(),
        private_paths=rules.private_page_paths(),
        private_collection_ids=rules.private_collection_ids(),
    )


def locale_get(code: str) -> Locale | None:
    return Locale.objects.filter(language_code=code).first()


def pages_visible_in_locale(model: type, *, locale: Locale, visibility: Visibility) -> QuerySet:
    """Live, public pages of `model` written in `locale` (no fallback: a feed speaks one language)."""
    return visibility.pages(model.objects.filter(locale=locale))


def page_translations_visible(page: Page, *, visibility: Visibility | None = None) -> list[Page]:
    """The published, public versions of `page` in every locale (the page itself included when public).

    For hand-offs and webhooks that must name a page in every language. Specific pages, one query (plus the
    restriction queries when no `visibility` is given), ordered by locale code.
    """
    visibility = visibility or visibility_read()
    queryset = visibility.pages(Page.objects.filter(translation_key=page.translation_key))
    return list(queryset.select_related("locale").specific().order_by("locale__language_code"))


def topic_by_slug(slug: str) -> Topic | None:
    """The source-locale topic for a slug in any locale: pages tag the Italian topics only."""
    topic = Topic.objects.filter(slug=slug).select_related("locale").order_by("pk").first()
    if topic is None or topic.locale.language_code == settings.LANGUAGE_CODE:
        return topic
    return Topic.objects.filter(
        translation_key=topic.translation_key, locale__language_code=settings.LANGUAGE_CODE
    ).first()


def events_window_q(*, now: datetime.datetime, past_days: int) -> Q:
    """Events not over, or over for at most `past_days` days (an event with no end ends when it starts)."""
    since = now - datetime.timedelta(days=past_days)
    return Q(end__gte=since) | Q(end__isnull=True, start__gte=since)


def events_cancelled(*, locale: Locale, visibility: Visibility, past_days: int) -> QuerySet:
    """Events once published and now unpublished or expired, still in the calendar's window.

    Calendars that imported them learn of the cancellation by UID. Events under a privacy restriction are left
    out (their existence is private too), and so are events that never went public.
    """
    queryset = EventPage.objects.filter(locale=locale, live=False, first_published_at__isnull=False)
    for path in visibility.private_paths:
        queryset = queryset.exclude(path__startswith=path)
    return queryset.filter(events_window_q(now=visibility.now, past_days=past_days))


def next_transition_after(now: datetime.datetime, *, locale: Locale) -> datetime.datetime | None:
    """The next instant a live page of `locale` goes live or expires by time alone (a cached feed ends there)."""
    times = Page.objects.filter(live=True, locale=locale).aggregate(
        go_live=Min("go_live_at", filter=Q(go_live_at__gt=now)),
        expiry=Min("expire_at", filter=Q(expire_at__gt=now)),
    )
    return min((time for time in times.values() if time is not None), default=None)
