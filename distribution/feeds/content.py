"""A page's full content as one HTML fragment, per page type: what a feed reader shows for an item.

Headings reuse the models' own (translatable) field labels, rendered in the page's language; the fragment is
wrapped in `<div lang dir>` so right-to-left text displays correctly in readers that ignore the feed's language.
"""

from django.utils import formats, timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from cms.languages import get_content_language
from content_models.models import AssociationPage, EventPage, InfographicPage, NewsPage, ServicePage

from .html import image_tag, richtext_html, stream_html


def page_content_html(page, ctx) -> str:
    language = get_content_language(ctx.language_code(page))
    with translation.override(language.code):
        builder = BUILDERS.get(type(page), _generic)
        inner = builder(page, ctx)
    return format_html('<div lang="{}" dir="{}">{}</div>', language.code, language.direction, mark_safe(inner))


def _label(model, field_name: str) -> str:
    return str(model._meta.get_field(field_name).verbose_name).capitalize()


def _section(model, field_name: str, html: str) -> str:
    return format_html("<h2>{}</h2>{}", _label(model, field_name), mark_safe(html)) if html.strip() else ""


def _summary(page) -> str:
    return format_html("<p><strong>{}</strong></p>", page.summary) if getattr(page, "summary", "") else ""


def _figure(page, ctx, image=None, alt: str | None = None) -> str:
    image = image or ctx.main_image(page)
    if image is None:
        return ""
    alt = alt if alt is not None else ("" if image.is_decorative else image.default_alt_text)
    tag = image_tag(image, ctx, alt=alt)
    credit = format_html("<figcaption>{}</figcaption>", image.credit) if image.credit else ""
    return format_html("<figure>{}{}</figure>", mark_safe(tag), credit) if tag else ""


def event_when(page) -> str:
    """The event's date (and times unless all day), in Europe/Rome, formatted for the active language."""
    start = timezone.localtime(page.start)
    fmt = "DATE_FORMAT" if page.all_day else "DATETIME_FORMAT"
    text = formats.date_format(start, fmt)
    if page.end:
        end = timezone.localtime(page.end)
        if end.date() == start.date():
            text += "" if page.all_day else " – " + formats.time_format(end, "TIME_FORMAT")
        else:
            text += " – " + formats.date_format(end, fmt)
    return text


def event_place(page) -> str:
    return ", ".join(part for part in (page.venue_name, page.address, page.municipality, page.province) if part)


def _news(page, ctx) -> str:
    return _figure(page, ctx) + _summary(page) + stream_html(page.body, ctx)


def _event(page, ctx) -> str:
    facts = [(_label(EventPage, "start"), format_html('<time datetime="{}">{}</time>', page.start.isoformat(),
                                                      event_when(page)))]
    if place := event_place(page):
        facts.append((_label(EventPage, "venue_name"), place))
    if page.online_url:
        facts.append((_label(EventPage, "online_url"), format_html('<a href="{0}">{0}</a>', page.online_url)))
    if organizer := ctx.organizer(page):
        facts.append((_label(EventPage, "organizer"),
                      format_html('<a href="{}">{}</a>', ctx.page_url(organizer), organizer.title)))
    if page.registration_url:
        facts.append((_label(EventPage, "registration_url"),
                      format_html('<a href="{0}">{0}</a>', page.registration_url)))
    if page.cost:
        facts.append((_label(EventPage, "cost"), page.cost))
    facts_html = format_html("<dl>{}</dl>", format_html_join("", "<dt>{}</dt><dd>{}</dd>", facts))
    return _figure(page, ctx) + _summary(page) + facts_html + stream_html(page.body, ctx)


def _service(page, ctx) -> str:
    steps = stream_html(page.how_to_access, ctx)
    points = format_html_join(
        "", "<li>{}, {} {}</li>", ((point.name, point.address, point.municipality) for point in ctx.service_points(page))
    )
    parts = [
        _summary(page),
        _section(ServicePage, "audience_details", richtext_html(page.audience_details, ctx)),
        _section(ServicePage, "how_to_access", steps),
        _section(ServicePage, "what_you_need", richtext_html(page.what_you_need, ctx)),
        _section(ServicePage, "what_you_get", richtext_html(page.what_you_get, ctx)),
        _section(ServicePage, "costs", richtext_html(page.costs, ctx)),
        _section(ServicePage, "deadlines", richtext_html(page.deadlines, ctx)),
        _section(ServicePage, "channels", richtext_html(page.channels, ctx)),
        _section(ServicePage, "service_points", format_html("<ul>{}</ul>", points) if points else ""),
        stream_html(page.body, ctx),
    ]
    return "".join(parts)


def _association(page, ctx) -> str:
    contacts = [format_html('<a href="{0}">{0}</a>', page.website)] if page.website else []
    if page.email:
        contacts.append(format_html('<a href="mailto:{0}">{0}</a>', page.email))
    if page.phone:
        contacts.append(format_html("{}", page.phone))
    place = ", ".join(part for part in (page.address, page.municipality, page.province) if part)
    return "".join([
        _figure(page, ctx),
        _summary(page),
        richtext_html(page.description, ctx),
        stream_html(page.body, ctx),
        format_html("<p>{}</p>", place) if place else "",
        format_html("<p>{}</p>", mark_safe("<br>".join(contacts))) if contacts else "",
        stream_html(page.social_links, ctx),
    ])


def _infographic(page, ctx) -> str:
    image = ctx.image(page.image_id)
    return "".join([
        _figure(page, ctx, image=image, alt=page.alt_text) if image else "",
        _summary(page),
        richtext_html(page.long_description, ctx),
        stream_html(page.key_figures, ctx),
        format_html("<p>{}: {} ({})</p>", _label(InfographicPage, "data_source"), page.data_source,
                    formats.date_format(page.data_date, "DATE_FORMAT")),
    ])


def _generic(page, ctx) -> str:
    return _summary(page) + stream_html(getattr(page, "body", None), ctx)


BUILDERS = {
    NewsPage: _news,
    EventPage: _event,
    ServicePage: _service,
    AssociationPage: _association,
    InfographicPage: _infographic,
}
