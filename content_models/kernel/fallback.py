"""The fallback rule: what a reader of one language gets when something is not translated into it.

A page or snippet is served in the asked locale when it has a public version there; otherwise, with fallback on,
in the default locale (Italian, the language everything is written in first), and it is then *a fallback*; and
otherwise not at all. A translation that is hidden (a draft, expired, restricted) does not hide its original.
Lists follow the same rule item by item, in one query (`in_locale`).

A topic or a service point cannot be a draft: its translation is live as soon as wagtail-localize writes it. One
whose strings are all still the source's is not a translation yet (untranslated.py): its source is served in its
place, a fallback like any other.
"""

import dataclasses
from collections.abc import Mapping

from django.core.exceptions import FieldDoesNotExist
from django.db.models import F, Func, OrderBy, Q, QuerySet, Value
from django.db.models.lookups import Exact
from wagtail.models import Locale

from .untranslated import FIELD, serves_source_when_untranslated, untranslated_of

# Listing querysets carry the asked locale as this annotation, so each item knows whether it is a fallback.
REQUESTED_LOCALE = "api_requested_locale_id"


@dataclasses.dataclass(frozen=True)
class Served:
    """An object as one reader gets it: in which locale (its own `locale_id`), and whether as a fallback."""

    obj: object
    is_fallback: bool

    @property
    def locale_id(self) -> int:
        return self.obj.locale_id


def served_in(candidates: Mapping[int, object], *, locale_id: int, default_locale_id: int,
              fallback: bool = True) -> Served | None:
    """The rule for one item, given its public versions by locale id."""
    if candidates.get(locale_id) is not None:
        return Served(candidates[locale_id], is_fallback=False)
    if fallback and candidates.get(default_locale_id) is not None:
        return Served(candidates[default_locale_id], is_fallback=locale_id != default_locale_id)
    return None


def is_served_translation(obj) -> bool:
    """False for a snippet translation whose strings are all still its source's (module doc)."""
    return not (serves_source_when_untranslated(type(obj)) and untranslated_of(obj).everything)


def _first_key_is_indexed(query) -> bool:
    """Whether the query is ordered first by a field with an index of its own (events: `start`)."""
    if not query.order_by:
        return False
    first = query.order_by[0]
    if isinstance(first, OrderBy) and isinstance(first.expression, F):
        first = first.expression.name
    if not isinstance(first, str):
        return False
    name = first.lstrip("-")
    try:
        field = query.model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    if not field.concrete:
        return False
    return field.db_index or any(list(index.fields[:1]) == [name] for index in field.model._meta.indexes)


class _LocaleColumn(Func):
    """`locale_id` in a listing's condition on it; `+locale_id` on SQLite when the listing's order has an index.

    Given the locale index, SQLite's planner takes it for the locale condition (every row in one language: a large
    share) and sorts every row of the locale in a temporary B-tree to find the first 50: the events listing took
    5.9 ms at 10x the content (28,000 pages) against 0.9 ms at 1x. The unary plus hides that index from the
    condition, so the planner walks the order's index (`event_start_idx`) and stops after the page's rows: 0.4 ms at
    both sizes. Ordered by a field without an index, the locale index remains the better start, and the column is
    left bare; so it is on PostgreSQL, which plans both well. The plus also drops the column's affinity: compare it
    with values of its own type (the locale's pk).
    """

    arity = 1
    template = "%(expressions)s"

    def as_sqlite(self, compiler, connection, **extra_context):
        if _first_key_is_indexed(compiler.query):
            extra_context["template"] = "+%(expressions)s"
        return self.as_sql(compiler, connection, **extra_context)


def _locale_is(locale: Locale) -> Q:
    """The listed rows in `locale` (_LocaleColumn); subqueries on other rows say `locale=` and keep the index."""
    return Q(Exact(_LocaleColumn(F("locale_id")), locale.pk))


def in_locale(queryset: QuerySet, *, locale: Locale, default: Locale, fallback: bool) -> QuerySet:
    """Items of `queryset` in `locale`; with `fallback`, also default-locale items that have no such translation.

    `queryset` must already hold only what may be shown: a hidden translation then does not hide its original.
    Never the same item twice; the asked locale is annotated as REQUESTED_LOCALE. A snippet translation that
    translates nothing yet is left out, its source served instead (module doc).
    """
    if serves_source_when_untranslated(queryset.model) and locale.pk != default.pk:
        # A subquery on the primary key: negating the JSON key lookup itself would also drop rows without the key.
        untranslated = queryset.filter(locale=locale, **{f"{FIELD}__everything": True}).values("pk")
        queryset = queryset.exclude(pk__in=untranslated)
    if fallback and locale.pk != default.pk:
        translated = queryset.filter(locale=locale).values("translation_key")
        queryset = queryset.filter(_locale_is(locale) | (_locale_is(default) & ~Q(translation_key__in=translated)))
    else:
        queryset = queryset.filter(_locale_is(locale))
    return queryset.annotate(**{REQUESTED_LOCALE: Value(locale.pk)})
