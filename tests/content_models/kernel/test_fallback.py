"""The fallback rule in SQL (`in_locale`): the plan SQLite gets for a listing ordered by an indexed field.

What the rule serves is tested through the API (tests/graphql_api/pages/test_listings.py); here, only the shape of
the query: on SQLite, a listing ordered by an index walks it and stops after the page, whatever the site's size.
"""

import pytest
from django.db import connection
from wagtail.models import Locale

from content_models.kernel.fallback import in_locale
from content_models.models import EventPage, ServicePage

pytestmark = pytest.mark.django_db

ITALIAN, ENGLISH = Locale(pk=1, language_code="it"), Locale(pk=2, language_code="en")


def _listing(model, order: str, locale: Locale, fallback: bool):
    return in_locale(model.objects.all(), locale=locale, default=ITALIAN, fallback=fallback).order_by(order, "pk")


def _plan(queryset) -> str:
    sql, params = queryset[:51].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return "\n".join(row[-1] for row in cursor.fetchall())


@pytest.mark.parametrize("locale, fallback", [(ITALIAN, True), (ENGLISH, True), (ENGLISH, False)])
def test_events_by_start_walk_the_start_index_instead_of_sorting_a_locale(locale, fallback):
    queryset = _listing(EventPage, "start", locale, fallback)
    sql = str(queryset.query)
    if connection.vendor != "sqlite":
        assert '+"wagtailcore_page"."locale_id"' not in sql  # PostgreSQL gets the plain condition
        return
    plan = _plan(queryset)
    assert "USING INDEX event_start_idx" in plan and "TEMP B-TREE" not in plan, plan
    # The fallback's subquery on the asked locale's translations still uses the locale index.
    assert ("wagtailcore_page_locale_id" in plan) == (fallback and locale != ITALIAN), plan


def test_a_listing_ordered_by_a_field_without_index_keeps_the_locale_index():
    sql = str(_listing(ServicePage, "title", ITALIAN, True).query)
    assert '+"wagtailcore_page"."locale_id"' not in sql and '"wagtailcore_page"."locale_id" = 1' in sql
    if connection.vendor == "sqlite":
        assert "wagtailcore_page_locale_id" in _plan(_listing(ServicePage, "title", ITALIAN, True))
