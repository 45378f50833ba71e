"""A page's body as HTML and plain text for the national portal, block by block.

Blocks carry no templates (docs/content-model.md), so each consumer maps them to its own output; this mapping
fails loudly on a block it does not know, rather than dropping content silently. What a package may show of other
content (pages, images, documents: public ones, pages in the package's language) and rich text are the content
kernel's, read through `ctx["reader"]` (package.py prepares it).
"""

from html import unescape

from django.utils.html import escape, format_html, strip_tags
from django.utils.translation import gettext_lazy as _lazy

from content_models.kernel.richtext import richtext_html


class UnmappedBlockError(LookupError):
    pass


def _rich(value, ctx) -> str:
    return richtext_html(value, ctx["reader"], locale_id=ctx["locale_id"], media_url=ctx["media_url"])


def _served(page, ctx):
    """A page pointed at, public, in the package's language else in Italian; None otherwise."""
    return ctx["reader"].page(page.pk, ctx["locale_id"]) if page is not None else None


def _heading(value, ctx):
    level = value.get("level") or "h2"
    return f"<{level}>{escape(value['text'])}</{level}>"


def _image(value, ctx):
    image = ctx["reader"].image(value["image"].pk) if value["image"] is not None else None
    if image is None:
        return ""
    ctx["images"].append(image)
    alt = value.get("alt_text") or image.default_alt_text
    caption = value.get("caption") or ""
    figcaption = format_html("<figcaption>{}</figcaption>", caption) if caption else ""
    return format_html('<figure><img src="{}" alt="{}">{}</figure>', ctx["image_url"](image), alt, figcaption)


def _link_url(value, ctx) -> str:
    if value.get("page") is not None:
        served = _served(value["page"], ctx)
        return ctx["reader"].page_url(served) if served is not None else ""
    return value.get("url") or ""


def _cta(value, ctx):
    url = _link_url(value, ctx)
    return format_html('<p><a href="{}">{}</a></p>', url, value["label"]) if url else ""


def _related(value, ctx):
    served = [page for page in (_served(page, ctx) for page in value["pages"]) if page is not None]
    items = [format_html('<li><a href="{}">{}</a></li>', ctx["reader"].page_url(page), page.title) for page in served]
    if not items:
        return ""
    title = format_html("<h2>{}</h2>", value["title"]) if value.get("title") else ""
    return title + "<ul>" + "".join(items) + "</ul>"


def _steps(value, ctx):
    title = format_html("<h2>{}</h2>", value["title"]) if value.get("title") else ""
    steps = "".join(format_html("<li><strong>{}</strong>", s["title"]) + _rich(s["description"], ctx) + "</li>"
                    for s in value["steps"])
    return f"{title}<ol>{steps}</ol>"


def _faq(value, ctx):
    title = format_html("<h2>{}</h2>", value["title"]) if value.get("title") else ""
    return title + "".join(format_html("<h3>{}</h3>", i["question"]) + _rich(i["answer"], ctx) for i in value["items"])


def _contact(value, ctx):
    lines = [value["name"], value.get("role"), value.get("phone"), value.get("email"), value.get("url"),
             value.get("notes")]
    return "<address>" + "<br>".join(escape(line) for line in lines if line) + "</address>"


def _figures(value, ctx):
    title = format_html("<h2>{}</h2>", value["title"]) if value.get("title") else ""
    rows = "".join(format_html("<li>{}: {} {}</li>", f["label"], f["value"], f.get("unit") or "")
                   for f in value["figures"])
    return f"{title}<ul>{rows}</ul>"


def _document(value, ctx):
    document = ctx["reader"].document(value["document"].pk) if value["document"] is not None else None
    if document is None:
        return ""
    return format_html('<p><a href="{}">{}</a></p>', ctx["media_url"](document.url), value.get("title") or document.title)


def _video(value, ctx):
    transcript = format_html("<p>{}</p>", value["transcript"]) if value.get("transcript") else ""
    return format_html('<p><a href="{}">{}</a></p>', value["url"], value["title"]) + transcript


def _quote(value, ctx):
    cite = format_html("<cite>{}</cite>", value["attribution"]) if value.get("attribution") else ""
    return format_html("<blockquote><p>{}</p>{}</blockquote>", value["quote"], cite)


def _alert(value, ctx):
    return format_html("<aside><strong>{}</strong>", value["title"]) + _rich(value["text"], ctx) + "</aside>"


BLOCKS = {
    "heading": _heading,
    "paragraph": _rich,
    "image": _image,
    "call_to_action": _cta,
    "related_pages": _related,
    "steps": _steps,
    "step": lambda value, ctx: _steps({"title": "", "steps": [value]}, ctx),
    "faq": _faq,
    "contact": _contact,
    "key_figures": _figures,
    "figure": lambda value, ctx: _figures({"title": "", "figures": [value]}, ctx),
    "document": _document,
    "video": _video,
    "quote": _quote,
    "alert": _alert,
}


def stream_html(stream, ctx) -> str:
    parts = []
    for child in stream or []:
        try:
            render = BLOCKS[child.block_type]
        except KeyError:
            raise UnmappedBlockError(f"No national-portal mapping for the block {child.block_type!r}") from None
        parts.append(render(child.value, ctx))
    return "\n".join(part for part in parts if part)


# Rich text and stream fields that make a page's body, in reading order, with the heading each gets.
SECTIONS = [
    ("description", None),
    ("long_description", None),
    ("audience_details", _lazy("Who it is for")),
    ("how_to_access", _lazy("How to access")),
    ("what_you_need", _lazy("What you need")),
    ("what_you_get", _lazy("What you get")),
    ("costs", _lazy("Costs")),
    ("deadlines", _lazy("Deadlines")),
    ("channels", _lazy("Channels")),
    ("body", None),
]


def page_body_html(page, ctx) -> str:
    parts = []
    for name, heading in SECTIONS:
        value = getattr(page, name, None)
        if not value:
            continue
        html = stream_html(value, ctx) if hasattr(value, "stream_block") else _rich(value, ctx)
        if html.strip():
            parts.append((format_html("<h2>{}</h2>\n", heading) if heading else "") + html)
    return "\n".join(parts)


def html_to_text(html: str) -> str:
    """Plain text for people who paste into a form: one paragraph per block-level element."""
    for tag in ("</p>", "</h2>", "</h3>", "</h4>", "</li>", "</figure>", "</blockquote>", "</address>", "</aside>",
                "<br>"):
        html = html.replace(tag, tag + "\n")
    lines = (line.strip() for line in strip_tags(html).splitlines())
    text, blank = [], False
    for line in lines:
        if line:
            text.append(line)
            blank = False
        elif not blank and text:
            text.append("")
            blank = True
    return unescape("\n".join(text)).strip()
