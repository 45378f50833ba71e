"""Filters and orderings of the page listings (XFilter, XOrdering).

Kept apart from types.py, which would otherwise pass 400 lines. Codes are matched as whole items of
multi-value fields (graphql_api/multiselect.py); topics by slug in any locale, since pages tag the Italian topic.
"""

import datetime

import strawberry
import strawberry_django
from django.db.models import Q
from django.utils import timezone
from strawberry import auto

from content_models.models import AssociationPage, EventPage, InfographicPage, NewsPage, ServicePage, Topic
from graphql_api.enums import AreaOfActivity, Audience, ProgrammeAction, Province, SpokenLanguage
from graphql_api.multiselect import multiselect_q

from graphql_api.errors import ApiError
from graphql_api.ids import page_id_argument

from .selectors import page_id_parse


def database_instant(value: datetime.datetime) -> datetime.datetime:
    """`value` as an aware UTC instant the database can compare with, even at the ends of the calendar.

    A time without an offset is Italian time (settings.TIME_ZONE), as Django reads it. 0001-01-01T00:00:00 in Rome
    is still year 0 in UTC, and 9999-12-31T23:59:59-01:00 already year 10000: Python cannot represent either, so
    such an instant becomes the calendar's first or last one, which selects exactly the same events.
    """
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    try:
        return value.astimezone(datetime.UTC)
    except OverflowError:
        end = datetime.datetime.min if value.year == datetime.MINYEAR else datetime.datetime.max
        return end.replace(tzinfo=datetime.UTC)


def topic_q(model, slug: str, prefix: str) -> Q:
    # A subquery, not a join: a page with two matching topics must not come back twice.
    keys = Topic.objects.filter(slug=slug).values("translation_key")
    return Q(**{f"{prefix}pk__in": model.objects.filter(topics__translation_key__in=keys).values("pk")})


@strawberry_django.filter_type(ServicePage, name="ServicePageFilter")
class ServicePageFilter:
    @strawberry_django.filter_field(description="A topic slug, in any locale.")
    def topic(self, value: str, prefix: str) -> Q:
        return topic_q(ServicePage, value, prefix)

    @strawberry_django.filter_field(description="Services covering this province.")
    def province(self, value: Province, prefix: str) -> Q:
        return multiselect_q(f"{prefix}provinces", value.value)

    @strawberry_django.filter_field
    def action(self, value: ProgrammeAction, prefix: str) -> Q:
        return Q(**{f"{prefix}programme_action": value.value})

    @strawberry_django.filter_field
    def audience(self, value: Audience, prefix: str) -> Q:
        return multiselect_q(f"{prefix}audiences", value.value)

    @strawberry_django.filter_field(description="Services offered in this language (e.g. through mediation).")
    def language(self, value: SpokenLanguage, prefix: str) -> Q:
        return multiselect_q(f"{prefix}service_languages", value.value)


@strawberry_django.filter_type(EventPage, name="EventPageFilter")
class EventPageFilter:
    @strawberry_django.filter_field(description="A topic slug, in any locale.")
    def topic(self, value: str, prefix: str) -> Q:
        return topic_q(EventPage, value, prefix)

    @strawberry_django.filter_field
    def province(self, value: Province, prefix: str) -> Q:
        return Q(**{f"{prefix}province": value.value})

    @strawberry_django.filter_field(description="Case-insensitive, e.g. Genova.")
    def municipality(self, value: str, prefix: str) -> Q:
        return Q(**{f"{prefix}municipality__iexact": value.strip()})

    @strawberry_django.filter_field
    def audience(self, value: Audience, prefix: str) -> Q:
        return multiselect_q(f"{prefix}audiences", value.value)

    @strawberry_django.filter_field(description="Events spoken in this language.")
    def language(self, value: SpokenLanguage, prefix: str) -> Q:
        return multiselect_q(f"{prefix}event_languages", value.value)

    @strawberry_django.filter_field(name="startsAfter", description="Events starting at or after this instant.")
    def starts_after(self, value: datetime.datetime, prefix: str) -> Q:
        return Q(**{f"{prefix}start__gte": database_instant(value)})

    @strawberry_django.filter_field(name="startsBefore", description="Events starting before this instant.")
    def starts_before(self, value: datetime.datetime, prefix: str) -> Q:
        return Q(**{f"{prefix}start__lt": database_instant(value)})

    @strawberry_django.filter_field(
        description="The organising association's page: its `id` or `databaseId`, in any locale."
    )
    def organizer(self, value: strawberry.ID, prefix: str) -> Q:
        try:
            page_id = page_id_parse(page_id_argument(value, "organizer").pk)
        except ApiError:  # a filter that names no page matches nothing, as an unknown page id does
            page_id = None
        if page_id is None:  # not a page id: no association organises the events
            return Q(**{f"{prefix}pk__in": []})
        keys = AssociationPage.objects.filter(pk=page_id).values("translation_key")
        return Q(**{f"{prefix}organizer__translation_key__in": keys})


@strawberry_django.filter_type(NewsPage, name="NewsPageFilter")
class NewsPageFilter:
    @strawberry_django.filter_field(description="A topic slug, in any locale.")
    def topic(self, value: str, prefix: str) -> Q:
        return topic_q(NewsPage, value, prefix)


@strawberry_django.filter_type(InfographicPage, name="InfographicPageFilter")
class InfographicPageFilter:
    @strawberry_django.filter_field(description="A topic slug, in any locale.")
    def topic(self, value: str, prefix: str) -> Q:
        return topic_q(InfographicPage, value, prefix)


@strawberry_django.filter_type(AssociationPage, name="AssociationPageFilter")
class AssociationPageFilter:
    @strawberry_django.filter_field(description="A topic slug, in any locale.")
    def topic(self, value: str, prefix: str) -> Q:
        return topic_q(AssociationPage, value, prefix)

    @strawberry_django.filter_field
    def province(self, value: Province, prefix: str) -> Q:
        return Q(**{f"{prefix}province": value.value})

    @strawberry_django.filter_field(description="Case-insensitive, e.g. Genova.")
    def municipality(self, value: str, prefix: str) -> Q:
        return Q(**{f"{prefix}municipality__iexact": value.strip()})

    @strawberry_django.filter_field(description="Associations whose members speak this language.")
    def language(self, value: SpokenLanguage, prefix: str) -> Q:
        return multiselect_q(f"{prefix}languages_spoken", value.value)

    @strawberry_django.filter_field(name="areaOfActivity")
    def area_of_activity(self, value: AreaOfActivity, prefix: str) -> Q:
        return multiselect_q(f"{prefix}areas_of_activity", value.value)


@strawberry_django.order_type(ServicePage, name="ServicePageOrdering")
class ServicePageOrdering:
    title: auto
    last_reviewed: auto


@strawberry_django.order_type(EventPage, name="EventPageOrdering")
class EventPageOrdering:
    start: auto
    title: auto


@strawberry_django.order_type(NewsPage, name="NewsPageOrdering")
class NewsPageOrdering:
    date: auto
    title: auto


@strawberry_django.order_type(InfographicPage, name="InfographicPageOrdering")
class InfographicPageOrdering:
    title: auto
    data_date: auto


@strawberry_django.order_type(AssociationPage, name="AssociationPageOrdering")
class AssociationPageOrdering:
    title: auto
