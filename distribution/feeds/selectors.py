"""Reads of published content for distribution: which pages may leave through a feed, a calendar or a package.

Every rule about what is public comes from the content kernel (`content_models.kernel.visibility`); this module
only adds what distribution needs on top (pages of a section or a topic in one locale, a page in every locale,
cancelled events). Callers read a `Visibility` once per request (a ContentReader's, for feeds) and pass it down,
so none of these selectors repeats the restriction queries.
Importable by the rest of the app (e.g. `page_translations_visible` for hand-offs and webhooks).
"""

import datetime

from django.conf import settings
from django.db.models import Q, QuerySet
from wagtail.models import Locale, Page

from content_models.kernel.visibility import Visibility, visibility_read
from content_models.models import EventPage, Topic


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
