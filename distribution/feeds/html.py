"""Stored rich text and StreamField data as self-contained HTML for feed readers (full content in feeds).

Feed readers show HTML as is, with no stylesheet and no script: plain semantic markup, absolute URLs, links to our
pages at the portal. Every block of the library has a renderer here, looked up by its exact class; a block
without one raises `UnmappedBlockError` (tests walk the whole library, so a new block cannot be forgotten).
Blocks know nothing of feeds: the mapping lives here.
"""

from collections.abc import Callable

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from wagtail import blocks

from content_models import blocks as library
from content_models.blocks.structured import WEEKDAY_NAMES
from content_models.kernel.references import as_pk, list_items, raw_stream
from content_models.kernel.richtext import richtext_html as portal_html

HEADING_LEVELS = {"h2", "h3", "h4"}


class UnmappedBlockError(LookupError):
    pass


# --- Rich text ---------------------------------------------------------------------------------------------------
def richtext_html(value, ctx) -> str:
    """The kernel's portal HTML (links to pages that are not public keep their text and lose their address;
    images as absolute renditions), in the feed's locale, with the feeds' public address for media."""
    return portal_html(value, ctx.reader, locale_id=ctx.locale.pk, media_url=ctx.absolute)


def image_tag(image, ctx, *, alt: str, spec_name: str = "content") -> str:
    rendition = ctx.rendition(image, spec_name)
    if rendition is None:
        return ""
    return format_html(
        '<img src="{}" alt="{}" width="{}" height="{}">',
        ctx.absolute(rendition.url), alt, rendition.width, rendition.height,
    )


# --- Blocks ------------------------------------------------------------------------------------------------------
def stream_html(stream_value, ctx) -> str:
    """A StreamField as HTML, from its stored data."""
    if not stream_value:
        return ""
    return stream_raw_html(stream_value.stream_block, raw_stream(stream_value), ctx)


def stream_raw_html(stream_block, raw: list, ctx) -> str:
    parts = []
    for child in raw or []:
        child_block = stream_block.child_blocks.get(child.get("type")) if isinstance(child, dict) else None
        if child_block is None:  # a block type since removed from the library: nothing to show
            continue
        parts.append(block_html(child_block, child.get("value"), ctx))
    return "".join(parts)


def block_html(block, raw, ctx) -> str:
    try:
        renderer = RENDERERS[type(block)]
    except KeyError:
        raise UnmappedBlockError(f"{type(block).__qualname__} has no feed renderer (distribution/feeds/html.py)")
    return renderer(raw if raw is not None else {}, ctx)


def _text(raw: dict, name: str) -> str:
    value = raw.get(name) if isinstance(raw, dict) else None
    return "" if value is None else str(value).strip()


def _heading(raw, ctx) -> str:
    level = raw.get("level") if raw.get("level") in HEADING_LEVELS else "h2"
    return format_html("<{0}>{1}</{0}>", mark_safe(level), _text(raw, "text"))


def _paragraph(raw, ctx) -> str:
    return richtext_html(raw if isinstance(raw, str) else "", ctx)


def _image(raw, ctx) -> str:
    image = ctx.image(as_pk(raw.get("image")))
    if image is None:
        return ""
    alt = "" if image.is_decorative else (_text(raw, "alt_text") or image.default_alt_text)
    caption = _text(raw, "caption")
    figcaption = format_html("<figcaption>{}</figcaption>", caption) if caption else ""
    return format_html("<figure>{}{}</figure>", mark_safe(image_tag(image, ctx, alt=alt)), figcaption)


def _link(href: str | None, label: str) -> str:
    return format_html('<a href="{}">{}</a>', href, label) if href else escape(label)


def _call_to_action(raw, ctx) -> str:
    page = ctx.page(as_pk(raw.get("page")))
    href = ctx.page_url(page) if page is not None else _text(raw, "url")
    description = _text(raw, "description")
    return format_html(
        "<p><strong>{}</strong>{}</p>", mark_safe(_link(href, _text(raw, "label"))),
        format_html(" {}", description) if description else "",
    )


def _title(raw, tag: str = "h3") -> str:
    title = _text(raw, "title")
    return format_html("<{0}>{1}</{0}>", mark_safe(tag), title) if title else ""


def _step(raw, ctx) -> str:
    return format_html(
        "<li><strong>{}</strong>{}</li>", _text(raw, "title"), mark_safe(richtext_html(raw.get("description"), ctx))
    )


def _steps(raw, ctx) -> str:
    items = "".join(_step(item, ctx) for item in list_items(raw.get("steps")) if isinstance(item, dict))
    return format_html("{}<ol>{}</ol>", mark_safe(_title(raw)), mark_safe(items))


def _faq(raw, ctx) -> str:
    items = format_html_join(
        "", "<dt>{}</dt><dd>{}</dd>",
        ((_text(item, "question"), mark_safe(richtext_html(item.get("answer"), ctx)))
         for item in list_items(raw.get("items")) if isinstance(item, dict)),
    )
    return format_html("{}<dl>{}</dl>", mark_safe(_title(raw)), items)


def _contact(raw, ctx) -> str:
    lines = [format_html("<strong>{}</strong>", _text(raw, "name"))]
    if role := _text(raw, "role"):
        lines.append(escape(role))
    if phone := _text(raw, "phone"):
        lines.append(_link("tel:" + "".join(phone.split()), phone))
    if email := _text(raw, "email"):
        lines.append(_link("mailto:" + email, email))
    if url := _text(raw, "url"):
        lines.append(_link(url, url))
    if notes := _text(raw, "notes"):
        lines.append(escape(notes))
    return format_html("<p>{}</p>", mark_safe("<br>".join(lines)))


def _key_figure(raw, ctx) -> str:
    source = _text(raw, "source")
    return format_html(
        "<li>{}: <strong>{} {}</strong>{}</li>", _text(raw, "label"), _text(raw, "value"), _text(raw, "unit"),
        format_html(" ({})", source) if source else "",
    )


def _key_figures(raw, ctx) -> str:
    items = "".join(_key_figure(item, ctx) for item in list_items(raw.get("figures")) if isinstance(item, dict))
    return format_html("{}<ul>{}</ul>", mark_safe(_title(raw)), mark_safe(items))


def _document(raw, ctx) -> str:
    document = ctx.document(as_pk(raw.get("document")))
    if document is None:
        return ""
    description = _text(raw, "description")
    return format_html(
        "<p>{}{}</p>", mark_safe(_link(ctx.absolute(document.url), _text(raw, "title") or document.title)),
        format_html("<br>{}", description) if description else "",
    )


def _related_pages(raw, ctx) -> str:
    pages = {page.pk: page for page in (ctx.page(as_pk(item)) for item in list_items(raw.get("pages"))) if page}
    if not pages:
        return ""
    items = format_html_join("", '<li><a href="{}">{}</a></li>', ((ctx.page_url(p), p.title) for p in pages.values()))
    return format_html("{}<ul>{}</ul>", mark_safe(_title(raw)), items)


def _video(raw, ctx) -> str:
    transcript = _text(raw, "transcript")
    return format_html(
        "<p>{}</p>{}", mark_safe(_link(_text(raw, "url"), _text(raw, "title") or _text(raw, "url"))),
        format_html("<p>{}</p>", transcript) if transcript else "",
    )


def _quote(raw, ctx) -> str:
    attribution = _text(raw, "attribution")
    return format_html(
        "<blockquote><p>{}</p>{}</blockquote>", _text(raw, "quote"),
        format_html("<footer>{}</footer>", attribution) if attribution else "",
    )


def _alert(raw, ctx) -> str:
    return format_html(
        "<aside><p><strong>{}</strong></p>{}</aside>", _text(raw, "title"), mark_safe(richtext_html(raw.get("text"), ctx))
    )


def _social_link(raw, ctx) -> str:
    return format_html("<p>{}</p>", mark_safe(_link(_text(raw, "url"), _text(raw, "platform"))))


def _opening_hours(raw, ctx) -> str:
    day = _text(raw, "weekday")
    return format_html("<p>{} {}–{}</p>", WEEKDAY_NAMES.get(day, day), _text(raw, "opens")[:5], _text(raw, "closes")[:5])


RENDERERS: dict[type, Callable[[dict, object], str]] = {
    library.HeadingBlock: _heading,
    library.ParagraphBlock: _paragraph,
    library.ImageBlock: _image,
    library.CallToActionBlock: _call_to_action,
    library.StepsBlock: _steps,
    library.StepBlock: lambda raw, ctx: format_html("<ol>{}</ol>", mark_safe(_step(raw, ctx))),
    library.FaqBlock: _faq,
    library.ContactBlock: _contact,
    library.KeyFiguresBlock: _key_figures,
    library.KeyFigureBlock: lambda raw, ctx: format_html("<ul>{}</ul>", mark_safe(_key_figure(raw, ctx))),
    library.DocumentDownloadBlock: _document,
    library.RelatedPagesBlock: _related_pages,
    library.VideoEmbedBlock: _video,
    library.QuoteBlock: _quote,
    library.AlertBlock: _alert,
    library.SocialLinkBlock: _social_link,
    library.OpeningHoursBlock: _opening_hours,
}


def check_renderers(*stream_blocks: blocks.StreamBlock) -> None:
    """Fail when a child of these stream blocks has no renderer: run by the tests over every StreamField."""
    classes = {type(child) for stream in stream_blocks for child in stream.child_blocks.values()}
    missing = sorted(cls.__qualname__ for cls in classes - set(RENDERERS))
    if missing:
        raise UnmappedBlockError(f"Blocks without a feed renderer: {', '.join(missing)}")
