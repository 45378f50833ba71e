"""The events calendar (`.ics`) of one locale, with the `icalendar` library.

- UID: the page's translation key and locale, so an edited, moved or renamed event updates in calendars.
- SEQUENCE: the number of saved revisions, so every published change counts as an update.
- Times in Europe/Rome with its VTIMEZONE; all-day events as dates (DTEND exclusive, as RFC 5545 wants).
- Cancellations: EventPage has no "cancelled" state, so an event once published and now unpublished or expired
  stays in the calendar as STATUS:CANCELLED until its window ends (see selectors.events_cancelled). It carries
  only its UID, times and sequence: the title and text an editor withdrew do not leave again.
"""

import datetime

from django.utils import timezone
from icalendar import Calendar, Event

from .conf import feeds_setting
from .content import event_place
from .items import FeedItem

PRODID = "-//Regione Liguria//InterAzioni//IT"
REFRESH = datetime.timedelta(hours=1)


def event_uid(page, language_code: str) -> str:
    return f"event-{page.translation_key}-{language_code}@{feeds_setting('UID_DOMAIN')}"


def _times(page) -> dict:
    start = timezone.localtime(page.start)
    end = timezone.localtime(page.end) if page.end else None
    if page.all_day:
        last_day = (end or start).date()
        return {"start": start.date(), "end": last_day + datetime.timedelta(days=1)}
    return {"start": start, "end": end}


def _text(*parts: str) -> str:
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def calendar_build(*, name: str, description: str, url: str, language: str, items: list[FeedItem],
                   cancelled: list, uid: str) -> bytes:
    calendar = Calendar.new(prodid=PRODID, name=name, description=description or None, url=url, uid=uid,
                            refresh_interval=REFRESH)
    calendar.add("x-wr-timezone", "Europe/Rome")
    lang = {"LANGUAGE": language}
    days = []
    for item in items:
        page = item.page
        event = Event.new(uid=event_uid(page, language), sequence=getattr(page, "revision_count", 0) or 0,
                          stamp=page.last_published_at or timezone.now(), url=item.link, status="CONFIRMED",
                          **_times(page))
        event.add("summary", page.title, parameters=lang)
        event.add("description", _text(page.summary, page.registration_url, item.link), parameters=lang)
        location = event_place(page) or page.online_url
        if location:
            event.add("location", location, parameters=lang)
        if page.latitude is not None and page.longitude is not None:
            event.add("geo", (float(page.latitude), float(page.longitude)))
        if item.categories:
            event.add("categories", list(item.categories), parameters=lang)
        if item.image is not None:
            event.add("image", item.image.url, parameters={"VALUE": "URI", "DISPLAY": "BADGE",
                                                           "FMTTYPE": item.image.mime_type})
        calendar.add_component(event)
        days.append(page.start)
    for page in cancelled:
        # Updates need a higher SEQUENCE than the last version calendars saw; unpublishing saves no revision.
        event = Event.new(uid=event_uid(page, language), sequence=(getattr(page, "revision_count", 0) or 0) + 1,
                          stamp=page.latest_revision_created_at or page.last_published_at, status="CANCELLED",
                          **_times(page))
        calendar.add_component(event)
        days.append(page.start)
    if days:
        # A VTIMEZONE covering just the years the events span keeps the file small.
        first, last = min(days).date(), max(days).date()
        calendar.add_missing_timezones(first_date=first.replace(month=1, day=1),
                                       last_date=last.replace(year=last.year + 1, month=1, day=1))
    return calendar.to_ical()
