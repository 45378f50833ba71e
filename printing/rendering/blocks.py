"""Print HTML for every block of the library. Blocks know nothing of print: the mapping lives here.

Paper has no links to follow, so whatever a block points at is printed as an address a reader can type (links in
rich text stay clickable in the PDF, and the page's QR code leads to the whole page online). Values are escaped
with format_html; rich text comes through the content adapter (links and images checked for visibility).
"""

from decimal import Decimal
from itertools import groupby

from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from content_models import blocks as library
from content_models.blocks.structured import WEEKDAYS
from content_models.kernel.untranslated import lang_attrs, lang_span

from . import labels
from .registry import registry

ALERT_LEVELS = {"info", "warning", "urgent"}


def _join(parts) -> SafeString:
    return mark_safe("".join(str(part) for part in parts if part))


def url_text(url: str) -> SafeString:
    """An address printed for typing: left to right even inside Arabic text, breakable anywhere."""
    return format_html('<span class="url" dir="ltr">{}</span>', url)


def ltr(text: str) -> SafeString:
    """Numbers and Latin runs kept left to right; a string still in its source's language also says which."""
    language = getattr(text, "language", None)  # an UntranslatedText (field_text, untranslated_stream)
    if language:
        return format_html('<span lang="{}" dir="ltr">{}</span>', language, text)
    return format_html('<span dir="ltr">{}</span>', text)


def _title(value, tag="h3") -> SafeString:
    if not value.get("title"):
        return SafeString("")
    return format_html("<{0}{1}>{2}</{0}>", tag, lang_attrs(value["title"]), value["title"])


# --- Text ----------------------------------------------------------------------------------------------------
def heading_html(value, ctx):
    level = value["level"] if value["level"] in {"h2", "h3", "h4"} else "h2"
    return format_html("<{0}{1}>{2}</{0}>", level, lang_attrs(value["text"]), value["text"])


def paragraph_html(value, ctx):
    return format_html('<div class="rich">{}</div>', ctx.richtext(value))


def quote_html(value, ctx):
    attribution = (
        format_html("<footer{}>— {}</footer>", lang_attrs(value["attribution"]), value["attribution"])
        if value["attribution"]
        else ""
    )
    return format_html(
        "<blockquote><p{}>{}</p>{}</blockquote>", lang_attrs(value["quote"]), value["quote"], attribution
    )


def alert_html(value, ctx):
    level = value["level"] if value["level"] in ALERT_LEVELS else "info"
    return format_html(
        '<aside class="alert alert-{}"><p class="alert-title"{}>{}</p>{}</aside>',
        level,
        lang_attrs(value["title"]),
        value["title"],
        ctx.richtext(value["text"]),
    )


# --- Media ---------------------------------------------------------------------------------------------------
def image_html(value, ctx):
    image = ctx.content.image(value["image"].pk) if value.get("image") else None
    if image is None:
        return ""
    alt = value.get("alt_text") or image.default_alt_text
    caption = format_html(
        "{}{}{}",
        lang_span(value.get("caption") or ""),
        " · " if value.get("caption") and image.credit else "",
        image.credit or "",
    )
    figcaption = format_html("<figcaption>{}</figcaption>", caption) if caption else ""
    tag = ctx.image_html(image, alt)
    return format_html("<figure>{}{}</figure>", tag, figcaption) if tag else ""


def video_html(value, ctx):
    transcript = (
        format_html(
            '<div class="transcript"><p class="label">{}</p><p{}>{}</p></div>',
            labels.TRANSCRIPT,
            lang_attrs(value["transcript"]),
            value["transcript"],
        )
        if value["transcript"]
        else ""
    )
    return format_html(
        '<div class="video"><p><strong>{}: {}</strong><br>{}</p>{}</div>',
        labels.VIDEO,
        lang_span(value["title"]),
        url_text(value["url"]),
        transcript,
    )


def document_html(value, ctx):
    document = ctx.content.document(value["document"].pk) if value.get("document") else None
    if document is None:
        return ""
    title = value.get("title") or document.title
    details = ltr(f"{document.file_extension.upper()}, {filesizeformat(document.get_file_size() or 0)}")
    description = format_html("<br>{}", lang_span(value["description"])) if value.get("description") else ""
    return format_html(
        '<p class="document"><strong>{}: {}</strong> ({}){}<br>{}</p>',
        labels.DOCUMENT,
        lang_span(title),
        details,
        description,
        url_text(ctx.content.document_url(document)),
    )


# --- Links ---------------------------------------------------------------------------------------------------
def _target_url(value, ctx) -> str:
    page = ctx.content.served(value["page"].pk, ctx.code) if value.get("page") else None
    return ctx.content.page_url(page) if page is not None else (value.get("url") or "")


def call_to_action_html(value, ctx):
    url = _target_url(value, ctx)
    description = format_html("<br>{}", lang_span(value["description"])) if value.get("description") else ""
    address = format_html("<br>{}", url_text(url)) if url else ""
    return format_html(
        '<p class="cta"><strong{}>{}</strong>{}{}</p>',
        lang_attrs(value["label"]),
        value["label"],
        description,
        address,
    )


def related_pages_html(value, ctx):
    served = [ctx.content.served(page.pk, ctx.code) for page in value["pages"] if page is not None]
    items = format_html_join(
        "",
        '<li><span lang="{}">{}</span><br>{}</li>',
        (
            (ctx.content.page_language(page), page.title, url_text(ctx.content.page_url(page)))
            for page in served
            if page is not None
        ),
    )
    if not items:
        return ""
    return format_html('<section class="related">{}<ul>{}</ul></section>', _title(value), items)


# --- Structured ----------------------------------------------------------------------------------------------
def step_html(value, ctx):
    description = ctx.richtext(value["description"]) if value.get("description") else ""
    return format_html(
        '<li><p class="step-title"{}>{}</p>{}</li>', lang_attrs(value["title"]), value["title"], description
    )


def steps_list_html(steps, ctx) -> SafeString:
    return format_html('<ol class="steps">{}</ol>', _join(step_html(step, ctx) for step in steps))


def steps_html(value, ctx):
    return format_html("<section>{}{}</section>", _title(value), steps_list_html(value["steps"], ctx))


def faq_html(value, ctx):
    items = _join(
        format_html(
            '<div class="faq-item"><p class="question"{}>{}</p>{}</div>',
            lang_attrs(item["question"]),
            item["question"],
            ctx.richtext(item["answer"]),
        )
        for item in value["items"]
    )
    return format_html('<section class="faq">{}{}</section>', _title(value), items)


def contact_lines(*, phone="", email="", url="", address="") -> list[SafeString]:
    """Labelled contact lines; the values stay left to right in every language."""
    lines = []
    if address:
        lines.append(format_html("{}: {}", labels.ADDRESS, address))
    if phone:
        lines.append(format_html("{}: {}", labels.PHONE, ltr(phone)))
    if email:
        lines.append(format_html("{}: {}", labels.EMAIL, url_text(email)))
    if url:
        lines.append(format_html("{}: {}", labels.WEBSITE, url_text(url)))
    return lines


def contact_html(value, ctx):
    lines = [format_html("<strong{}>{}</strong>", lang_attrs(value["name"]), value["name"])]
    if value.get("role"):
        lines.append(lang_span(value["role"]))
    lines += contact_lines(
        phone=value.get("phone", ""), email=value.get("email", ""), url=value.get("url", "")
    )
    if value.get("notes"):
        lines.append(lang_span(value["notes"]))
    return format_html('<div class="contact"><p>{}</p></div>', mark_safe("<br>".join(lines)))


def figure_number(value) -> str:
    """A key figure's value as people write it in the edition's language (grouped, no needless decimals)."""
    if value is None:
        return ""
    value = Decimal(value)
    if value == value.to_integral_value():
        return number_format(value, decimal_pos=0, force_grouping=True)
    return number_format(value.normalize(), force_grouping=True)  # 9.70 is stored; 9.7 is written


def key_figure_html(figure, ctx):
    source = (
        format_html('<p class="figure-source">{}: {}</p>', labels.SOURCE, lang_span(figure["source"]))
        if figure.get("source")
        else ""
    )
    unit = (
        format_html(' <span class="figure-unit"{}>{}</span>', lang_attrs(figure["unit"]), figure["unit"])
        if figure.get("unit")
        else ""
    )
    return format_html(
        '<div class="figure"><p class="figure-value">{}{}</p><p class="figure-label"{}>{}</p>{}</div>',
        ltr(figure_number(figure["value"])),
        unit,
        lang_attrs(figure["label"]),
        figure["label"],
        source,
    )


def key_figures_list_html(figures, ctx) -> SafeString:
    return format_html(
        '<div class="figures">{}</div>', _join(key_figure_html(figure, ctx) for figure in figures)
    )


def key_figures_html(value, ctx):
    return format_html("<section>{}{}</section>", _title(value), key_figures_list_html(value["figures"], ctx))


def opening_hours_rows(slots, ctx) -> SafeString:
    """Table rows, one per day, the day's slots side by side: "Monday | 09:00–13:00, 14:00–17:00"."""
    day_names = dict(WEEKDAYS)
    order = [code for code, _name in WEEKDAYS]
    slots = sorted(slots, key=lambda slot: (order.index(slot["weekday"]), slot["opens"]))
    rows = []
    for weekday, day_slots in groupby(slots, key=lambda slot: slot["weekday"]):
        times = ", ".join(
            f"{slot['opens']:%H:%M}–{slot['closes']:%H:%M}" + (" *" if slot.get("by_appointment") else "")
            for slot in day_slots
        )
        rows.append(
            format_html('<tr><th scope="row">{}</th><td>{}</td></tr>', day_names[weekday], ltr(times))
        )
    return mark_safe("".join(str(row) for row in rows))


def opening_hours_html(value, ctx):
    """One slot on its own; the help-desk card groups a day's slots with opening_hours_rows."""
    return opening_hours_rows([value], ctx)


def social_link_html(value, ctx):
    return format_html(
        "<li>{}: {}</li>",
        value["platform"].capitalize() if value["platform"] != "x" else "X",
        url_text(value["url"]),
    )


registry.register(library.HeadingBlock, heading_html)
registry.register(library.ParagraphBlock, paragraph_html)
registry.register(library.QuoteBlock, quote_html)
registry.register(library.AlertBlock, alert_html)
registry.register(library.ImageBlock, image_html)
registry.register(library.VideoEmbedBlock, video_html)
registry.register(library.DocumentDownloadBlock, document_html)
registry.register(library.CallToActionBlock, call_to_action_html)
registry.register(library.RelatedPagesBlock, related_pages_html)
registry.register(library.StepsBlock, steps_html)
registry.register(library.StepBlock, step_html)
registry.register(library.FaqBlock, faq_html)
registry.register(library.ContactBlock, contact_html)
registry.register(library.KeyFiguresBlock, key_figures_html)
registry.register(library.KeyFigureBlock, key_figure_html)
registry.register(library.OpeningHoursBlock, opening_hours_html)
registry.register(library.SocialLinkBlock, social_link_html)


def stream_html(stream_value, ctx) -> SafeString:
    """A StreamField's blocks in order, each through its registered renderer."""
    if not stream_value:
        return SafeString("")
    return _join(registry.renderer_for(child.block)(child.value, ctx) for child in stream_value)


def stream_children(stream_value) -> list:
    """The stream's children (block id, block, value), for layouts that pair blocks of two languages."""
    return [(child.id, child.block, child.value) for child in stream_value] if stream_value else []
