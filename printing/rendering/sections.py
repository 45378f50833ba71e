"""What each kind of content is on paper: its header facts and its sections, in the edition's language.

One builder per model, looked up by exact class (a new page type without a builder fails at start-up, see
`check_mappings`). Builders run inside `translation.override(<edition language>)`, so labels, dates and choice
names come out in the reader's language. A section's `key` is the same in every language (a field name, or a
StreamField block id, which wagtail-localize keeps across translations): the bilingual edition pairs sections by it.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django_countries import countries

from content_models.choices import AREAS_OF_ACTIVITY, AUDIENCES, SERVICE_POINT_KINDS, SPOKEN_LANGUAGES
from content_models.kernel.presentation import page_summary, page_summary_field
from content_models.kernel.untranslated import field_text, lang_attrs, lang_span, untranslated_of, untranslated_stream
from content_models.models import (
    AssociationPage,
    EventPage,
    InfographicPage,
    NewsPage,
    ServicePage,
    ServicePoint,
)

from . import labels
from .blocks import (
    contact_lines,
    key_figures_list_html,
    ltr,
    opening_hours_rows,
    registry,
    steps_list_html,
    url_text,
)


@dataclass
class Section:
    key: str
    heading: str | None
    html: SafeString


@dataclass
class Fact:
    """A key fact shown large on posters and in the header box of leaflets."""

    label: str
    html: SafeString


@dataclass
class PrintedSubject:
    kind: str
    title: str
    summary: str = ""
    url: str = ""  # the portal page the QR code leads to; empty for snippets, which have none
    map_url: str = ""
    image: SafeString = field(default_factory=SafeString)
    facts: list[Fact] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    updated: datetime.datetime | None = None
    poster_figures: SafeString = field(default_factory=SafeString)
    # ` lang="it" dir="ltr"` on a title or summary of a translation still in its source's language (else "").
    title_attrs: str = ""
    summary_attrs: str = ""


def _choices(codes, choices) -> str:
    names = dict(choices)
    return ", ".join(str(names.get(code, code)) for code in codes or [])


def _section(key: str, heading, html) -> Section | None:
    """A section, or None when it has nothing to say. Plain text is escaped and made a paragraph."""
    if not str(html or "").strip():
        return None
    if not isinstance(html, SafeString):
        html = format_html("<p>{}</p>", html)
    return Section(key, str(heading) if heading else None, html)


def _body_sections(page, ctx) -> list[Section]:
    """Each body block is its own section, keyed by block id; headings stay inside the flow. Its strings still in
    the source's language carry their lang and dir (untranslated_stream, lang_attrs)."""
    return [
        Section(f"block-{child.id}", None, mark_safe(registry.renderer_for(child.block)(child.value, ctx)))
        for child in untranslated_stream(page, "body") or []
    ]


def _page_subject(page, ctx, kind) -> PrintedSubject:
    return PrintedSubject(
        kind=str(kind),
        title=page.title,
        summary=page_summary(page),
        url=ctx.content.page_url(page),
        updated=page.last_published_at,
        title_attrs=untranslated_of(page).html_attrs("title"),
        summary_attrs=untranslated_of(page).html_attrs(page_summary_field(page)),
    )


def _joined(separator: str, parts) -> SafeString:
    """Strings of a line ("venue, address, town"), each read with field_text: an untranslated one in its own span."""
    return format_html_join(separator, "{}", ((lang_span(part),) for part in parts if part))


def _fields_joined(obj, separator: str, *names: str) -> SafeString:
    return _joined(separator, (field_text(obj, name) for name in names))


def _main_figure(image, ctx, alt=None) -> SafeString:
    if image is None:
        return SafeString("")
    alt = image.default_alt_text if alt is None else alt
    tag = ctx.image_html(image, alt)
    credit = format_html("<figcaption>{}</figcaption>", image.credit) if image.credit and tag else ""
    return format_html('<figure class="main-image">{}{}</figure>', tag, credit) if tag else SafeString("")


def _date(day) -> SafeString:
    """A date as the edition's language writes it; its digits are isolated by the bidi pass where needed (a
    whole date in a left-to-right span would put an Arabic month name in the wrong place)."""
    return format_html("{}", date_format(day, "DATE_FORMAT"))


# Times on the 24-hour clock in every language: events happen in Italy, where that is how times are written
# (and Django's Arabic DATETIME_FORMAT puts the month before the day, as in American English).
TIME = "H:i"


def event_when(page) -> str:
    """Date (and times unless all day) in Europe/Rome, the date as the active language writes it."""
    start = timezone.localtime(page.start)
    text = date_format(start, "DATE_FORMAT") + ("" if page.all_day else ", " + date_format(start, TIME))
    if page.end:
        end = timezone.localtime(page.end)
        if end.date() == start.date():
            text += "" if page.all_day else " – " + date_format(end, TIME)
        else:
            text += (
                " – "
                + date_format(end, "DATE_FORMAT")
                + ("" if page.all_day else ", " + date_format(end, TIME))
            )
    return text


# --- Help desks ------------------------------------------------------------------------------------------------
def opening_hours_table(point, ctx) -> SafeString:
    slots = [child.value for child in point.opening_hours]
    if not slots:
        return SafeString("")
    note = (
        format_html('<p class="note">* {}</p>', labels.BY_APPOINTMENT)
        if any(slot.get("by_appointment") for slot in slots)
        else ""
    )
    return format_html(
        '<table class="hours"><caption>{}</caption>{}</table>{}',
        labels.OPENING_HOURS,
        opening_hours_rows(slots, ctx),
        note,
    )


def point_address(point) -> SafeString:
    place = _fields_joined(point, " ", "postcode", "municipality")
    return _joined(", ", (
        field_text(point, "address"), format_html("{} ({})", place, point.province) if point.province else place
    ))


def point_summary_html(point, ctx) -> SafeString:
    """A service point inside a service page: name, address, contacts, hours."""
    lines = contact_lines(
        address=point_address(point), phone=field_text(point, "phone"), email=point.email, url=point.website
    )
    if point.languages_spoken:
        lines.append(
            format_html("{}: {}", labels.LANGUAGES_SPOKEN, _choices(point.languages_spoken, SPOKEN_LANGUAGES))
        )
    notes = _notes(point, "opening_notes")
    return format_html(
        '<div class="service-point"><p><strong{}>{}</strong><br>{}</p>{}{}</div>',
        untranslated_of(point).html_attrs("name"),
        point.name,
        mark_safe("<br>".join(lines)),
        opening_hours_table(point, ctx),
        notes,
    )


def _notes(point, name: str) -> SafeString | str:
    text = field_text(point, name)
    return format_html("<p{}>{}</p>", lang_attrs(text), text) if text else ""


def map_url(point) -> str:
    """OpenStreetMap at the desk's coordinates: any phone's browser opens it (a geo: URI is not universal)."""
    if point.latitude is None or point.longitude is None:
        return ""
    lat, lon = (f"{Decimal(str(value)):.6f}" for value in (point.latitude, point.longitude))
    return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"


def service_point_subject(point, ctx) -> PrintedSubject:
    subject = PrintedSubject(
        kind=str(labels.KIND_SERVICE_POINT),
        title=point.name,
        summary=str(dict(SERVICE_POINT_KINDS).get(point.kind, "")),
        map_url=map_url(point),
        title_attrs=untranslated_of(point).html_attrs("name"),
    )
    contacts = contact_lines(
        address=point_address(point), phone=field_text(point, "phone"), email=point.email, url=point.website
    )
    subject.facts = [Fact(str(labels.ADDRESS), format_html("{}", point_address(point)))]
    if point.phone:
        subject.facts.append(Fact(str(labels.PHONE), ltr(field_text(point, "phone"))))
    subject.sections = [
        section
        for section in [
            _section("hours", None, opening_hours_table(point, ctx)),
            _section(
                "opening_notes",
                None,
                _notes(point, "opening_notes"),
            ),
            _section("contacts", labels.CONTACTS, format_html("<p>{}</p>", mark_safe("<br>".join(contacts)))),
            _section(
                "languages", labels.LANGUAGES_SPOKEN, _choices(point.languages_spoken, SPOKEN_LANGUAGES)
            ),
            _section(
                "accessibility",
                labels.ACCESSIBILITY,
                _notes(point, "accessibility_notes"),
            ),
        ]
        if section
    ]
    return subject


# --- Pages -----------------------------------------------------------------------------------------------------
def service_subject(page, ctx) -> PrintedSubject:
    subject = _page_subject(page, ctx, labels.KIND_SERVICE)
    points = [
        ctx.content.snippet_in(point, ctx.code)
        for point in page.service_points.all()
        if point.translation_key not in ctx.points_printed
    ]
    who = format_html(
        "{}{}",
        format_html("<p>{}</p>", _choices(page.audiences, AUDIENCES)) if page.audiences else "",
        ctx.richtext(page.audience_details),
    )
    costs = ctx.richtext(page.costs) if page.costs else ""
    if page.is_free:
        costs = format_html("<p><strong>{}</strong></p>{}", labels.FREE_OF_CHARGE, costs)
    channels = format_html(
        "{}{}",
        ctx.richtext(page.channels),
        format_html("<p>{}: {}</p>", labels.ONLINE_SERVICE, url_text(page.online_url))
        if page.online_url
        else "",
    )
    subject.sections = [
        section
        for section in [
            _section("who", labels.WHO_IT_IS_FOR, who),
            _section(
                "how",
                labels.HOW_TO_ACCESS,
                steps_list_html([child.value for child in untranslated_stream(page, "how_to_access")], ctx)
                if page.how_to_access
                else "",
            ),
            _section("need", labels.WHAT_YOU_NEED, ctx.richtext(page.what_you_need)),
            _section("get", labels.WHAT_YOU_GET, ctx.richtext(page.what_you_get)),
            _section("costs", labels.COSTS, costs),
            _section("deadlines", labels.DEADLINES, ctx.richtext(page.deadlines)),
            _section("channels", labels.HOW_TO_REACH, channels),
            _section(
                "where",
                labels.WHERE,
                format_html_join("", "{}", ((point_summary_html(point, ctx),) for point in points)),
            ),
            _section(
                "languages", labels.LANGUAGES_OFFERED, _choices(page.service_languages, SPOKEN_LANGUAGES)
            ),
        ]
        if section
    ] + _body_sections(page, ctx)
    subject.facts = [Fact(str(labels.LAST_REVIEWED), _date(page.last_reviewed))]
    return subject


def event_subject(page, ctx) -> PrintedSubject:
    subject = _page_subject(page, ctx, labels.KIND_EVENT)
    subject.image = _main_figure(ctx.content.main_image(page), ctx)
    facts = [Fact(str(labels.WHEN), format_html("{}", event_when(page)))]
    place = _fields_joined(page, ", ", "venue_name", "address", "municipality")
    if place:
        facts.append(Fact(str(labels.WHERE), place))
    if page.online_url:
        facts.append(Fact(str(labels.ONLINE), url_text(page.online_url)))
    cost = lang_span(field_text(page, "cost")) if page.cost else format_html("{}", labels.FREE_OF_CHARGE)
    facts.append(Fact(str(labels.COSTS), cost))
    organizer = ctx.content.served(page.organizer_id, ctx.code)
    if organizer is not None:
        facts.append(Fact(str(labels.ORGANISER), format_html("{}", organizer.title)))
    if page.registration_url:
        facts.append(Fact(str(labels.REGISTRATION), url_text(page.registration_url)))
    if page.event_languages:
        facts.append(
            Fact(
                str(labels.LANGUAGES_SPOKEN),
                format_html("{}", _choices(page.event_languages, SPOKEN_LANGUAGES)),
            )
        )
    subject.facts = facts
    subject.sections = [
        section
        for section in [
            _section("who", labels.WHO_IT_IS_FOR, _choices(page.audiences, AUDIENCES)),
        ]
        if section
    ] + _body_sections(page, ctx)
    return subject


def news_subject(page, ctx) -> PrintedSubject:
    subject = _page_subject(page, ctx, labels.KIND_NEWS)
    subject.image = _main_figure(ctx.content.main_image(page), ctx)
    subject.facts = [Fact(str(labels.WHEN), _date(page.date))]
    subject.sections = _body_sections(page, ctx)
    return subject


def infographic_subject(page, ctx) -> PrintedSubject:
    subject = _page_subject(page, ctx, labels.KIND_INFOGRAPHIC)
    image = ctx.content.image(page.image_id)
    subject.image = _main_figure(image, ctx, alt=field_text(page, "alt_text")) if image is not None else SafeString("")
    figures = [child.value for child in untranslated_stream(page, "key_figures")]
    subject.poster_figures = key_figures_list_html(figures, ctx) if figures else SafeString("")
    subject.facts = [
        Fact(str(labels.DATA_SOURCE), lang_span(field_text(page, "data_source"))),
        Fact(str(labels.DATA_DATE), _date(page.data_date)),
    ]
    document = ctx.content.document(page.document_id)
    subject.sections = [
        section
        for section in [
            _section("figures", labels.KEY_FIGURES, subject.poster_figures),
            _section("long_description", labels.IN_WORDS, ctx.richtext(page.long_description)),
            _section(
                "document",
                labels.DOCUMENT,
                format_html("<p>{}<br>{}</p>", document.title, url_text(ctx.content.document_url(document)))
                if document is not None
                else "",
            ),
        ]
        if section
    ]
    return subject


def association_subject(page, ctx) -> PrintedSubject:
    subject = _page_subject(page, ctx, labels.KIND_ASSOCIATION)
    logo = ctx.content.image(page.logo_id)
    subject.image = _main_figure(logo, ctx) if logo is not None else SafeString("")
    place = _fields_joined(page, ", ", "address", "municipality")
    contacts = contact_lines(address=place, phone=field_text(page, "phone"), email=page.email, url=page.website)
    social = format_html_join(
        "", "{}", ((registry.renderer_for(child.block)(child.value, ctx),) for child in page.social_links)
    )
    communities = ", ".join(str(countries.name(country.code)) for country in page.communities_served)
    subject.sections = [
        section
        for section in [
            _section("description", labels.WHO_WE_ARE, ctx.richtext(page.description)),
            _section("areas", labels.AREAS_OF_ACTIVITY, _choices(page.areas_of_activity, AREAS_OF_ACTIVITY)),
            _section("communities", labels.COMMUNITIES_SERVED, communities),
            _section("languages", labels.LANGUAGES_SPOKEN, _choices(page.languages_spoken, SPOKEN_LANGUAGES)),
            _section(
                "contacts",
                labels.CONTACTS,
                format_html(
                    "<p>{}</p>{}",
                    mark_safe("<br>".join(contacts)),
                    format_html("<ul>{}</ul>", social) if social else "",
                ),
            ),
        ]
        if section
    ] + _body_sections(page, ctx)
    return subject


BUILDERS = {
    ServicePage: service_subject,
    EventPage: event_subject,
    NewsPage: news_subject,
    InfographicPage: infographic_subject,
    AssociationPage: association_subject,
    ServicePoint: service_point_subject,
}


class UnmappedSubjectError(LookupError):
    pass


def subject_build(obj, ctx) -> PrintedSubject:
    try:
        builder = BUILDERS[type(obj)]
    except KeyError:
        raise UnmappedSubjectError(
            f"No print layout for {type(obj).__name__}: add one in printing/rendering/sections.py"
        ) from None
    return builder(obj, ctx)
