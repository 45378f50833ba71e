"""Readers' needs for the reports: searches, paths not found, pages asked for in a language they lack, feedback.

Every selector takes a period (first and last day, both included) and optionally a language. Free text a reader
typed (search terms, paths) is shown only when asked at least INSIGHTS_MIN_COUNT times in what is shown: the
count per term and language in the period, the same for the exports.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Avg, Count, Q, Sum
from django.utils import timezone
from wagtail.models import Locale, Page

from .models import NotFoundDay, PageFeedback, PageRequestDay, SearchTermDay

DEFAULT_PERIOD_DAYS = 30


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date

    @classmethod
    def last_days(cls, days: int = DEFAULT_PERIOD_DAYS, *, today: datetime.date | None = None) -> "Period":
        today = today or timezone.localdate()
        return cls(today - datetime.timedelta(days=days - 1), today)

    @property
    def days(self) -> list[datetime.date]:
        return [self.start + datetime.timedelta(days=offset) for offset in range((self.end - self.start).days + 1)]

    def q(self) -> Q:
        return Q(day__gte=self.start, day__lte=self.end)


def _in(queryset, period: Period, locale: str | None):
    queryset = queryset.filter(period.q())
    return queryset.filter(locale=locale) if locale else queryset


def min_count() -> int:
    return settings.INSIGHTS_MIN_COUNT


def searches(period: Period, locale: str | None = None, *, zero_results: bool = False):
    """Terms with their searches, searches without results and latest result count, most searched first.

    zero_results: only the searches that found nothing, counted and thresholded on those alone."""
    rows = (
        _in(SearchTermDay.objects.all(), period, locale)
        .values("term", "locale")
        .annotate(searches=Sum("searches"), zero_result_searches=Sum("zero_result_searches"), results=Sum("results"))
    )
    if zero_results:
        return rows.filter(zero_result_searches__gte=min_count()).order_by("-zero_result_searches", "term")
    return rows.filter(searches__gte=min_count()).order_by("-searches", "term")


def not_found(period: Period, locale: str | None = None):
    return (
        _in(NotFoundDay.objects.all(), period, locale)
        .values("path", "locale")
        .annotate(requests=Sum("requests"))
        .filter(requests__gte=min_count())
        .order_by("-requests", "path")
    )


def untranslated_demand(period: Period, locale: str | None = None):
    """Pages asked for in a language and served in Italian instead, most asked first."""
    return (
        _in(PageRequestDay.objects.all(), period, locale)
        .exclude(locale=settings.LANGUAGE_CODE)
        .values("translation_key", "locale")
        .annotate(fallbacks=Sum("fallbacks"), requests=Sum("requests"))
        .filter(fallbacks__gt=0)
        .order_by("-fallbacks", "translation_key")
    )


def page_demand(period: Period, locale: str, keys) -> dict:
    """translation key -> (requests, served in Italian) in `locale` over the period."""
    rows = (
        _in(PageRequestDay.objects.filter(translation_key__in=keys), period, locale)
        .values("translation_key")
        .annotate(requests=Sum("requests"), fallbacks=Sum("fallbacks"))
        .values_list("translation_key", "requests", "fallbacks")
    )
    return {key: (requests, fallbacks) for key, requests, fallbacks in rows}


def feedback_by_page(period: Period, locale: str | None = None):
    """Per page and language: ratings, their average and how many were low (1-3 stars), lowest average first."""
    return (
        _in(PageFeedback.objects.all(), period, locale)
        .values("translation_key", "locale")
        .annotate(
            ratings=Count("pk"),
            average=Avg("rating"),
            low=Count("pk", filter=Q(rating__lte=3)),
            comments=Count("pk", filter=~Q(comment="")),
        )
        .order_by("average", "-ratings", "translation_key")
    )


def reasons_of(period: Period, keys_and_locales) -> dict[tuple, Counter]:
    """(translation key, locale) -> how often each reason was given, for the rows shown."""
    wanted = set(keys_and_locales)
    counts: dict[tuple, Counter] = {pair: Counter() for pair in wanted}
    rows = PageFeedback.objects.filter(period.q(), translation_key__in={key for key, _locale in wanted})
    for key, locale, reasons in rows.values_list("translation_key", "locale", "reasons"):
        if (key, locale) in counts:
            counts[(key, locale)].update(reasons)
    return counts


def comments(period: Period, locale: str | None = None, translation_key=None):
    queryset = _in(PageFeedback.objects.exclude(comment=""), period, locale)
    if translation_key:
        queryset = queryset.filter(translation_key=translation_key)
    return queryset.order_by("-day", "-pk")


@dataclass
class DayTotals:
    day: datetime.date
    searches: int = 0
    zero_result_searches: int = 0
    page_requests: int = 0
    fallbacks: int = 0
    not_found: int = 0
    ratings: int = 0


def daily_totals(period: Period, locale: str | None = None) -> list[DayTotals]:
    """Every day of the period, days without signals included (a chart must show the gaps)."""
    days = {day: DayTotals(day) for day in period.days}
    for row in _in(SearchTermDay.objects.all(), period, locale).values("day").annotate(
        searches=Sum("searches"), zero=Sum("zero_result_searches")
    ).order_by():
        days[row["day"]].searches, days[row["day"]].zero_result_searches = row["searches"], row["zero"]
    for row in _in(PageRequestDay.objects.all(), period, locale).values("day").annotate(
        requests=Sum("requests"), fallbacks=Sum("fallbacks")
    ).order_by():
        days[row["day"]].page_requests, days[row["day"]].fallbacks = row["requests"], row["fallbacks"]
    for row in _in(NotFoundDay.objects.all(), period, locale).values("day").annotate(n=Sum("requests")).order_by():
        days[row["day"]].not_found = row["n"]
    for row in _in(PageFeedback.objects.all(), period, locale).values("day").annotate(n=Count("pk")).order_by():
        days[row["day"]].ratings = row["n"]
    return list(days.values())


@dataclass
class LocaleTotals:
    locale: str
    searches: int = 0
    zero_result_searches: int = 0
    page_requests: int = 0
    fallbacks: int = 0

    @property
    def fallback_share(self) -> float:
        return self.fallbacks / self.page_requests if self.page_requests else 0.0


def locale_totals(period: Period) -> list[LocaleTotals]:
    """Per asked language: searches and page requests, and how many of them found nothing or fell back."""
    totals: dict[str, LocaleTotals] = {}
    for row in SearchTermDay.objects.filter(period.q()).values("locale").annotate(
        searches=Sum("searches"), zero=Sum("zero_result_searches")
    ).order_by():
        entry = totals.setdefault(row["locale"], LocaleTotals(row["locale"]))
        entry.searches, entry.zero_result_searches = row["searches"], row["zero"]
    for row in PageRequestDay.objects.filter(period.q()).values("locale").annotate(
        requests=Sum("requests"), fallbacks=Sum("fallbacks")
    ).order_by():
        entry = totals.setdefault(row["locale"], LocaleTotals(row["locale"]))
        entry.page_requests, entry.fallbacks = row["requests"], row["fallbacks"]
    order = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    return sorted(totals.values(), key=lambda entry: order.index(entry.locale) if entry.locale in order else 99)


@dataclass(frozen=True)
class PageRef:
    """A page as the reports name it: its title in the default language (else any), and the page to open."""

    title: str
    pk: int | None


def pages_by_key(keys) -> dict:
    """translation key -> PageRef, one query; a page deleted since is named by nobody (None)."""
    default = Locale.get_default()
    found: dict = {}
    for key, pk, title, locale_id in Page.objects.filter(translation_key__in=set(keys)).values_list(
        "translation_key", "pk", "title", "locale_id"
    ):
        if key not in found or locale_id == default.pk:
            found[key] = PageRef(title, pk)
    return found
