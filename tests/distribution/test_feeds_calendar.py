"""The events calendar (.ics) read back with icalendar; publishing an event in Italian and Arabic updates it all."""

import datetime

import feedparser
import pytest
from icalendar import Calendar
from wagtail.models import Page

from content_models.models import EventPage
from tests.factories import EventPageFactory, translation_publish

from .feeds_support import INDEXES, SEEDED_LOCALES, empty_cache

ARABIC_TITLE = "يوم مفتوح"


@pytest.fixture(autouse=True)
def _empty_cache():
    empty_cache()
    yield
    empty_cache()


def _events(client, code):
    response = client.get(f"/feeds/{code}/events.ics")
    assert response.status_code == 200 and response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return calendar, {str(event["UID"]): event for event in calendar.walk("VEVENT")}


@pytest.mark.django_db
def test_calendar_in_every_seeded_locale(client, sections, django_capture_on_commit_callbacks):
    start = datetime.datetime(2030, 7, 1, 18, 30, tzinfo=datetime.UTC)
    event = EventPageFactory(parent=sections[INDEXES["events"]], title="Festa", start=start,
                             end=start + datetime.timedelta(hours=2), address="Piazza Matteotti 9",
                             latitude="44.407000", longitude="8.934000")
    for code in SEEDED_LOCALES[1:]:
        translation_publish(event, code, title=ARABIC_TITLE if code == "ar" else "Fest")
    for code in SEEDED_LOCALES:
        calendar, events = _events(client, code)
        assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Rome"
        [(uid, vevent)] = events.items()
        assert uid == f"event-{event.translation_key}-{code}@interazioni.regione.liguria.it"
        assert vevent["DTSTART"].dt == start and str(vevent["DTSTART"].dt.tzinfo) == "Europe/Rome"
        assert vevent["DTSTART"].params["TZID"] == "Europe/Rome"
        assert vevent["SUMMARY"].params["LANGUAGE"] == code
        assert str(vevent["URL"]).startswith(f"http://localhost:3000/{code}/eventi/")
        assert "Palazzo Ducale, Piazza Matteotti 9, Genova, GE" == str(vevent["LOCATION"])
        assert (vevent["GEO"].latitude, vevent["GEO"].longitude) == (44.407, 8.934)
        assert str(vevent["STATUS"]) == "CONFIRMED"
        assert str(vevent["URL"]) in str(vevent["DESCRIPTION"]) and "<" not in str(vevent["DESCRIPTION"])
    _calendar, events = _events(client, "ar")
    assert str(next(iter(events.values()))["SUMMARY"]) == ARABIC_TITLE


@pytest.mark.django_db
def test_all_day_events_are_dates(client, sections):
    EventPageFactory(parent=sections[INDEXES["events"]], all_day=True,
                     start=datetime.datetime(2030, 5, 2, 8, tzinfo=datetime.UTC),
                     end=datetime.datetime(2030, 5, 3, 8, tzinfo=datetime.UTC))
    _calendar, events = _events(client, "it")
    vevent = next(iter(events.values()))
    assert vevent["DTSTART"].dt == datetime.date(2030, 5, 2)
    assert vevent["DTEND"].dt == datetime.date(2030, 5, 4), "DTEND is exclusive"


@pytest.mark.django_db
def test_publishing_an_event_in_italian_and_arabic_updates_feeds_and_calendar(
    client, sections, django_capture_on_commit_callbacks
):
    """The issue's "done when": feeds and .ics served (and cached) before the publish show it right after."""
    for code in ("it", "ar"):
        assert client.get(f"/feeds/{code}/events.rss")["X-Feed-Cache"] == "miss"
        assert client.get(f"/feeds/{code}/events.rss")["X-Feed-Cache"] == "hit"
        assert not _events(client, code)[1]
        _events(client, code)

    with django_capture_on_commit_callbacks(execute=True):
        event = EventPageFactory(parent=sections[INDEXES["events"]], title="Giornata aperta")
    translation_publish(event, "ar", title=ARABIC_TITLE)

    for code, title in (("it", "Giornata aperta"), ("ar", ARABIC_TITLE)):
        assert [entry.title for entry in feedparser.parse(client.get(f"/feeds/{code}/events.rss").content).entries] \
            == [title]
        assert [item["title"] for item in client.get(f"/feeds/{code}/events.json").json()["items"]] == [title]
        [vevent] = _events(client, code)[1].values()
        assert str(vevent["SUMMARY"]) == title

    # An update keeps the UID and raises SEQUENCE.
    [(uid, before)] = _events(client, "ar")[1].items()
    arabic = EventPage.objects.get(translation_key=event.translation_key, locale__language_code="ar")
    arabic.title = "يوم مفتوح للجميع"
    arabic.save_revision().publish()
    [(same_uid, after)] = _events(client, "ar")[1].items()
    assert same_uid == uid and after["SEQUENCE"] > before["SEQUENCE"]
    assert str(after["SUMMARY"]) == "يوم مفتوح للجميع"


@pytest.mark.django_db
def test_an_unpublished_event_is_cancelled_without_its_text(client, sections):
    event = EventPageFactory(parent=sections[INDEXES["events"]], title="Annullato", summary="Testo ritirato")
    [(uid, published)] = _events(client, "it")[1].items()
    Page.objects.get(pk=event.pk).specific.unpublish()

    [(same_uid, cancelled)] = _events(client, "it")[1].items()
    assert same_uid == uid
    assert str(cancelled["STATUS"]) == "CANCELLED" and cancelled["SEQUENCE"] > published["SEQUENCE"]
    assert "SUMMARY" not in cancelled and "DESCRIPTION" not in cancelled
    body = client.get("/feeds/it/events.ics").content.decode()
    assert "Annullato" not in body and "Testo ritirato" not in body
    assert "Annullato" not in client.get("/feeds/it/events.rss").content.decode()


@pytest.mark.django_db
def test_a_never_published_event_is_not_in_the_calendar(client, sections):
    EventPageFactory(parent=sections[INDEXES["events"]], title="Bozza", live=False)
    assert not _events(client, "it")[1]
