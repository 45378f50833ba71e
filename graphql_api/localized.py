"""Lists in a locale, with the default locale filling the gaps: one query, never the same item twice."""

from django.db.models import Q, QuerySet, Value
from wagtail.models import Locale

from .connection import REQUESTED_LOCALE


def in_locale(queryset: QuerySet, *, locale: Locale, default: Locale, fallback: bool) -> QuerySet:
    """Items of `queryset` in `locale`; with `fallback`, also default-locale items that have no such translation.

    `queryset` must already hold only what may be shown: a hidden translation then does not hide its original.
    """
    if fallback and locale.pk != default.pk:
        translated = queryset.filter(locale=locale).values("translation_key")
        queryset = queryset.filter(Q(locale=locale) | (Q(locale=default) & ~Q(translation_key__in=translated)))
    else:
        queryset = queryset.filter(locale=locale)
    return queryset.annotate(**{REQUESTED_LOCALE: Value(locale.pk)})
