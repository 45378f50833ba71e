"""EventPage as schema.org `Event` (Google's required properties: name, startDate, location)."""

from django.utils import timezone

from .common import compact, geo, iso, postal_address, publisher, web_page_base

SCHEDULED = "https://schema.org/EventScheduled"
OFFLINE = "https://schema.org/OfflineEventAttendanceMode"
ONLINE = "https://schema.org/OnlineEventAttendanceMode"
MIXED = "https://schema.org/MixedEventAttendanceMode"


def _date(value, all_day: bool):
    return iso(value.date() if all_day and value is not None else value) if value is not None else None


def _locations(page) -> list[dict]:
    locations = []
    if page.venue_name or page.address or page.municipality:
        locations.append(compact({
            "@type": "Place",
            "name": page.venue_name or page.municipality,
            "address": postal_address(street=page.address, locality=page.municipality, province=page.province),
            "geo": geo(page.latitude, page.longitude),
        }))
    if page.online_url:
        locations.append({"@type": "VirtualLocation", "url": page.online_url})
    return locations


def _attendance_mode(page) -> str:
    physical = bool(page.venue_name or page.address or page.municipality)
    if physical and page.online_url:
        return MIXED
    return ONLINE if page.online_url and not physical else OFFLINE


def event(page, sources) -> dict:
    base = web_page_base(page, sources, "Event")
    organizer = sources.organizer(page)
    locations = _locations(page)
    data = {
        **base,
        "startDate": _date(timezone.localtime(page.start) if page.start else None, page.all_day),
        "endDate": _date(timezone.localtime(page.end) if page.end else None, page.all_day),
        "eventStatus": SCHEDULED,
        "eventAttendanceMode": _attendance_mode(page),
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": (
            {"@type": "Organization", "name": organizer.title, "url": sources.page_url(organizer)}
            if organizer is not None else publisher()
        ),
        # The language the event is held in; the page's own language when the editor named none.
        "inLanguage": list(page.event_languages) or base["inLanguage"],
        "image": [base["image"]["url"]] if base.get("image") else None,
        "isAccessibleForFree": page.is_free,
        "offers": compact({
            "@type": "Offer",
            "url": page.registration_url,
            "price": 0 if page.is_free else None,
            "priceCurrency": "EUR" if page.is_free else None,
        }) if page.registration_url or page.is_free else None,
    }
    return compact(data)
