"""The five listings: Relay connections with locale fallback, filters and ordering."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import (
    AssociationPageFactory,
    EventPageFactory,
    InfographicPageFactory,
    NewsPageFactory,
    ServicePageFactory,
    TopicFactory,
)

EVENTS = """
query ($locale: String, $fallback: Boolean! = true, $filters: EventPageFilter, $first: Int, $after: String,
       $ordering: [EventPageOrdering!]! = []) {
  events(locale: $locale, fallback: $fallback, filters: $filters, first: $first, after: $after, ordering: $ordering) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { title isFallback locale { code } } }
  }
}
"""

EVENTS_WITH_IDS = """
query ($first: Int, $after: String, $ordering: [EventPageOrdering!]!) {
  events(first: $first, after: $after, ordering: $ordering) {
    pageInfo { hasNextPage endCursor }
    edges { node { id databaseId } }
  }
}
"""

SERVICES = """
query ($filters: ServicePageFilter, $locale: String) {
  servicePages(filters: $filters, locale: $locale) { totalCount edges { node { title topics { slug name isFallback } } } }
}
"""

ASSOCIATIONS = """
query ($filters: AssociationPageFilter) {
  associations(filters: $filters) { totalCount edges { node { title languagesSpoken areasOfActivity } } }
}
"""

NEWS_AND_INFOGRAPHICS = """
{
  newsPages { edges { node { title date } } }
  infographics { edges { node { title image { alt } altText } } }
}
"""


def _titles(connection):
    return [edge["node"]["title"] for edge in connection["edges"]]


@pytest.mark.django_db
def test_events_are_ordered_by_start_and_paginated(graphql, event_index):
    now = timezone.now()
    for days, title in [(3, "C"), (1, "A"), (2, "B")]:
        EventPageFactory(parent=event_index, title=title, start=now + datetime.timedelta(days=days))

    first = graphql.data(EVENTS, {"first": 2})["events"]
    second = graphql.data(EVENTS, {"first": 2, "after": first["pageInfo"]["endCursor"]})["events"]

    assert _titles(first) == ["A", "B"] and first["totalCount"] == 3 and first["pageInfo"]["hasNextPage"]
    assert _titles(second) == ["C"] and not second["pageInfo"]["hasNextPage"]
    descending = graphql.data(EVENTS, {"ordering": [{"title": "DESC"}]})["events"]
    assert _titles(descending) == ["C", "B", "A"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "ordering",
    [[], [{"start": "ASC"}], [{"start": "DESC"}], [{"title": "DESC"}]],
    ids=["default", "start-asc", "start-desc", "title-desc"],
)
def test_pages_of_items_with_equal_sort_values_never_repeat_or_skip(graphql, event_index, ordering):
    """Ties are broken by id, ascending, after whatever order the client asks for."""
    start = timezone.now() + datetime.timedelta(days=1)
    ids = [EventPageFactory(parent=event_index, title="Stesso titolo", start=start).pk for _ in range(7)]

    seen, after = [], None
    with CaptureQueriesContext(connection) as queries:
        while True:
            events = graphql.data(EVENTS_WITH_IDS, {"first": 2, "after": after, "ordering": ordering})["events"]
            seen += [edge["node"]["databaseId"] for edge in events["edges"]]
            assert all(edge["node"]["id"] == f"page:{edge['node']['databaseId']}:it" for edge in events["edges"])
            if not events["pageInfo"]["hasNextPage"]:
                break
            after = events["pageInfo"]["endCursor"]

    assert seen == ids
    # SQLite happens to return ties in a stable order anyway; Postgres does not promise to. The SQL must say so.
    listings = [query["sql"] for query in queries if "LIMIT" in query["sql"] and "eventpage" in query["sql"]]
    assert listings and all(
        re.search(r'ORDER BY .*"content_models_eventpage"\."page_ptr_id" ASC LIMIT', sql) for sql in listings
    ), listings


@pytest.mark.django_db
def test_listing_falls_back_to_italian_without_duplicates(graphql, event_index, translate):
    translated = EventPageFactory(parent=event_index, title="Tradotto")
    EventPageFactory(parent=event_index, title="Solo italiano")
    translate(translated, "en", title="Translated")

    english = graphql.data(EVENTS, {"locale": "en"})["events"]
    strict = graphql.data(EVENTS, {"locale": "en", "fallback": False})["events"]

    nodes = {edge["node"]["title"]: edge["node"] for edge in english["edges"]}
    assert set(nodes) == {"Translated", "Solo italiano"} and english["totalCount"] == 2
    assert nodes["Translated"]["isFallback"] is False and nodes["Translated"]["locale"]["code"] == "en"
    assert nodes["Solo italiano"]["isFallback"] is True and nodes["Solo italiano"]["locale"]["code"] == "it"
    assert _titles(strict) == ["Translated"]


@pytest.mark.django_db
def test_events_this_week_in_genova(graphql, event_index):
    monday = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    EventPageFactory(parent=event_index, title="In settimana", start=monday + datetime.timedelta(days=2))
    EventPageFactory(parent=event_index, title="Dopo", start=monday + datetime.timedelta(days=9))
    EventPageFactory(parent=event_index, title="Savona", province="SV", municipality="Savona",
                     start=monday + datetime.timedelta(days=2))
    filters = {
        "province": "GE",
        "startsAfter": monday.isoformat(),
        "startsBefore": (monday + datetime.timedelta(days=7)).isoformat(),
    }

    assert _titles(graphql.data(EVENTS, {"filters": filters})["events"]) == ["In settimana"]
    assert _titles(graphql.data(EVENTS, {"filters": {"municipality": "genova"}})["events"]) == ["In settimana", "Dopo"]


@pytest.mark.django_db
def test_events_by_organizer_in_any_locale(graphql, event_index, association_index, translate):
    association = AssociationPageFactory(parent=association_index)
    english = translate(association, "en")
    EventPageFactory(parent=event_index, title="Sua", organizer=association)
    EventPageFactory(parent=event_index, title="Altra")

    assert _titles(graphql.data(EVENTS, {"filters": {"organizer": english.pk}})["events"]) == ["Sua"]


@pytest.mark.django_db
def test_services_by_topic_province_action_and_audience(graphql, service_index, translate):
    health = TopicFactory(name="Salute", slug="salute")
    english_health = translate_snippet(health, "en", name="Health", slug="health")
    ServicePageFactory(parent=service_index, title="Medico", topics=[health], provinces=["GE", "SV"],
                       audiences=["adults"], programme_action="02")
    ServicePageFactory(parent=service_index, title="Scuola", provinces=["SP"], audiences=["minors"], programme_action="01")

    def titles(filters, locale=None):
        return _titles(graphql.data(SERVICES, {"filters": filters, "locale": locale})["servicePages"])

    assert titles({"topic": "salute"}) == ["Medico"]
    assert titles({"topic": english_health.slug}) == ["Medico"], "a topic slug in any locale"
    assert titles({"province": "SV"}) == ["Medico"]
    assert titles({"action": "ACTION_01"}) == ["Scuola"]
    assert titles({"audience": "MINORS"}) == ["Scuola"]
    result = graphql.data(SERVICES, {"filters": {"topic": "salute"}, "locale": "en"})["servicePages"]
    assert result["edges"][0]["node"]["topics"] == [{"slug": "health", "name": "Health", "isFallback": False}]
    result = graphql.data(SERVICES, {"filters": {"topic": "salute"}, "locale": "fr"})["servicePages"]
    assert result["edges"][0]["node"]["topics"] == [{"slug": "salute", "name": "Salute", "isFallback": True}]


def translate_snippet(snippet, code, **fields):
    from wagtail.models import Locale

    translation = snippet.copy_for_translation(Locale.objects.get(language_code=code))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return translation


@pytest.mark.django_db
def test_associations_speaking_arabic_match_whole_codes(graphql, association_index):
    AssociationPageFactory(parent=association_index, title="Araba", languages_spoken=["fr", "ar"],
                           areas_of_activity=["culture", "legal"])
    AssociationPageFactory(parent=association_index, title="Senegalese", languages_spoken=["wo", "fr"])

    def titles(filters):
        return _titles(graphql.data(ASSOCIATIONS, {"filters": filters})["associations"])

    assert titles({"language": "AR"}) == ["Araba"]
    assert titles({"language": "FR"}) == ["Araba", "Senegalese"]
    assert titles({"areaOfActivity": "LEGAL"}) == ["Araba"]
    assert titles({"language": "PA"}) == []


@pytest.mark.django_db
def test_news_newest_first_and_infographics(graphql, news_index, infographic_index):
    NewsPageFactory(parent=news_index, title="Vecchia", date=datetime.date(2024, 1, 1))
    NewsPageFactory(parent=news_index, title="Nuova", date=datetime.date(2025, 1, 1))
    InfographicPageFactory(parent=infographic_index, title="Grafico")

    data = graphql.data(NEWS_AND_INFOGRAPHICS)

    assert _titles(data["newsPages"]) == ["Nuova", "Vecchia"]
    assert data["infographics"]["edges"][0]["node"]["image"]["alt"].startswith("Descrizione")


@pytest.mark.django_db
def test_more_than_100_items_is_a_coded_error(graphql, home):
    result = graphql(EVENTS, {"first": 101})

    assert result["errors"][0]["extensions"]["code"] == "PAGE_SIZE_TOO_LARGE"


@pytest.mark.django_db
def test_a_forged_cursor_is_a_coded_error(graphql, home):
    result = graphql(EVENTS, {"after": "not-a-cursor"})

    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


EVENT_DAYS = """
query ($filters: EventPageFilter) {
  events(filters: $filters, first: 10, ordering: [{title: ASC}]) {
    edges { node { title allDay start end startDate endDate timeZone } }
  }
}
"""


@pytest.mark.django_db
def test_all_day_events_give_their_days_and_zone(graphql, event_index):
    rome = datetime.timezone(datetime.timedelta(hours=2))  # summer time
    EventPageFactory(parent=event_index, title="A festa", all_day=True,
                     start=datetime.datetime(2031, 6, 1, 0, 0, tzinfo=rome),
                     end=datetime.datetime(2031, 6, 2, 23, 59, tzinfo=rome))
    EventPageFactory(parent=event_index, title="B fino a mezzanotte", all_day=True,
                     start=datetime.datetime(2031, 6, 5, 0, 0, tzinfo=rome),
                     end=datetime.datetime(2031, 6, 7, 0, 0, tzinfo=rome))
    EventPageFactory(parent=event_index, title="C serata", start=datetime.datetime(2031, 6, 9, 23, 30, tzinfo=rome))

    nodes = [edge["node"] for edge in graphql.data(EVENT_DAYS)["events"]["edges"]]

    assert nodes[0] == {
        "title": "A festa", "allDay": True, "timeZone": "Europe/Rome",
        # The instant stays an instant (UTC: still 31 May); the day is Rome's.
        "start": "2031-05-31T22:00:00+00:00", "end": "2031-06-02T21:59:00+00:00",
        "startDate": "2031-06-01", "endDate": "2031-06-02",
    }
    assert (nodes[1]["startDate"], nodes[1]["endDate"]) == ("2031-06-05", "2031-06-06"), "midnight ends the day before"
    assert (nodes[2]["startDate"], nodes[2]["endDate"], nodes[2]["allDay"]) == ("2031-06-09", None, False)


SNIPPETS_IN_ARABIC = """
{
  topics(locale: "ar") { edges { node { name isFallback locale { code } untranslated { fields } } } }
  servicePoints(locale: "ar") {
    edges { node { name isFallback locale { code } untranslated { language { code direction } fields } } }
  }
}
"""


@pytest.mark.django_db
def test_a_snippet_translation_still_all_in_italian_is_served_as_the_italian_fallback(graphql, service_index):
    """Issue 12, item 3: topics and service points cannot be drafts, so a translation nobody has translated yet
    is live at once; it is served as what it is, the Italian original flagged as a fallback, not as Arabic."""
    from tests.factories import ServicePointFactory, TopicFactory, translation_sync

    topic = TopicFactory(name="Salute", slug="salute", description="Medici e ospedali.")
    point = ServicePointFactory(name="Sportello Unico", address="Via Roma 1", municipality="Genova")
    translation_sync(topic, "ar", {})
    translation_sync(point, "ar", {"Sportello Unico": "الشباك الموحد"})
    service = ServicePageFactory(parent=service_index, slug="salute", topics=[topic], service_points=[point])

    data = graphql.data(SNIPPETS_IN_ARABIC)
    assert [edge["node"] for edge in data["topics"]["edges"]] == [
        {"name": "Salute", "isFallback": True, "locale": {"code": "it"}, "untranslated": None}
    ]
    served_point = data["servicePoints"]["edges"][0]["node"]
    assert served_point["name"] == "الشباك الموحد" and served_point["isFallback"] is False
    assert served_point["untranslated"]["language"] == {"code": "it", "direction": "LTR"}
    assert "address" in served_point["untranslated"]["fields"] and "name" not in served_point["untranslated"]["fields"]
    # A page's topics follow the same rule.
    page = graphql.data(
        'query ($id: ID!) { page(id: $id, locale: "ar") {'
        " ... on ServicePage { topics { name isFallback locale { code } } } } }",
        {"id": str(service.pk)},
    )["page"]
    assert page["topics"] == [{"name": "Salute", "isFallback": True, "locale": {"code": "it"}}]
