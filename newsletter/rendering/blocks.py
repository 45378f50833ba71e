"""Email markup (MJML) and plain text for every block of the newsletter stream.

Each MJML renderer returns whole <mj-section>s, so a block can choose its own layout. Values are escaped with
format_html; rich text is already sanitised by Wagtail's whitelist on save. What a block may show of other content
(pages, documents, images: public ones only, pages in the edition's language) is asked of the content kernel's
reader (`ctx.reader`), as every other channel asks it.
"""

from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from content_models import blocks as content_blocks
from content_models.kernel.untranslated import lang_attrs, lang_span
from media.renditions import ORIGINAL_SPEC, rendition_get

from ..blocks import PageTeasersBlock
from .context import RenderContext
from .links import public_url
from .registry import registry
from .richtext import rich_text_html, rich_text_text
from .teasers import TEASER_DISPLAY_WIDTH, served_page, teaser_for

HEADING_SIZES = {"h2": "22px", "h3": "19px", "h4": "17px"}
ALERT_COLOURS = {"info": ("#e8f0fe", "#0b5394"), "warning": ("#fff4e5", "#8a4b00"), "urgent": ("#fdecea", "#a50e0e")}


def section(inner, *, padding="8px 0") -> str:
    return format_html(
        '<mj-section background-color="#ffffff" padding="{}"><mj-column>{}</mj-column></mj-section>',
        padding,
        inner,
    )


def text(inner, *, css_class="") -> str:
    if css_class:
        return format_html('<mj-text css-class="{}">{}</mj-text>', css_class, inner)
    return format_html("<mj-text>{}</mj-text>", inner)


def _page_url(page, ctx: RenderContext) -> str:
    served = served_page(page, ctx)
    return ctx.reader.page_url(served) if served is not None else ""


def _public_image(value, ctx: RenderContext):
    """The block's image when it is public (with its renditions prefetched), else None."""
    return ctx.reader.image(value["image"].pk) if value.get("image") is not None else None


def _public_document(value, ctx: RenderContext):
    """The block's document when it is public, else None: a private one shows neither title, size nor address."""
    return ctx.reader.document(value["document"].pk) if value.get("document") is not None else None


def _cta_url(value, ctx: RenderContext) -> str:
    return _page_url(value.get("page"), ctx) or value.get("url") or ""


# --- Text ---------------------------------------------------------------------------------------------------
def heading_mjml(value, ctx):
    level = value["level"] or "h2"
    return section(
        text(format_html('<{} style="margin:0;font-size:{};line-height:1.3;"{}>{}</{}>',
                         level, HEADING_SIZES.get(level, "22px"), lang_attrs(value["text"]), value["text"], level)),
        padding="16px 0 0",
    )


def heading_text(value, ctx):
    return value["text"].upper() if value["level"] == "h2" else value["text"]


def paragraph_mjml(value, ctx):
    return section(text(mark_safe(rich_text_html(value, ctx)), css_class="nl-rich"))


def paragraph_text(value, ctx):
    return rich_text_text(value, ctx)


def quote_mjml(value, ctx):
    side = "right" if ctx.language.is_rtl else "left"
    attribution = format_html("<br><cite{}>— {}</cite>", lang_attrs(value["attribution"]), value["attribution"]) \
        if value["attribution"] else ""
    return section(text(format_html(
        '<blockquote style="margin:0;padding-{}:16px;border-{}:4px solid #0b5394;font-style:italic;"{}>'
        "{}{}</blockquote>", side, side, lang_attrs(value["quote"]), value["quote"], attribution,
    )))


def quote_text(value, ctx):
    return f"“{value['quote']}”" + (f"\n— {value['attribution']}" if value["attribution"] else "")


def alert_mjml(value, ctx):
    background, colour = ALERT_COLOURS.get(value["level"], ALERT_COLOURS["info"])
    return section(text(format_html(
        '<div role="note" style="background:{};border:2px solid {};padding:12px 16px;border-radius:4px;">'
        '<strong style="color:{};"{}>{}</strong>{}</div>',
        background, colour, colour, lang_attrs(value["title"]), value["title"],
        mark_safe(rich_text_html(value["text"], ctx)),
    ), css_class="nl-rich"))


def alert_text(value, ctx):
    return f"[!] {value['title']}\n{rich_text_text(value['text'], ctx)}"


# --- Media --------------------------------------------------------------------------------------------------
def image_mjml(value, ctx):
    image = _public_image(value, ctx)
    if image is None:
        return ""
    # Outside a task (the web view) a missing rendition is not made: the full-size copy, or no picture.
    rendition = rendition_get(image, "width-1100") or rendition_get(image, ORIGINAL_SPEC)
    if rendition is None:
        return ""
    alt = value.get("alt_text") or image.default_alt_text
    caption = text(format_html('<p style="margin:0;font-size:14px;color:#444444;"{}>{}</p>',
                               lang_attrs(value["caption"]), value["caption"])) \
        if value.get("caption") else ""
    return section(format_html(
        '<mj-image src="{}" alt="{}" width="550px" padding="8px 25px" />{}', public_url(rendition.url), alt, caption
    ))


def image_text(value, ctx):
    image = _public_image(value, ctx)
    if image is None:
        return ""
    alt = value.get("alt_text") or image.default_alt_text
    return "\n".join(part for part in (f"[{alt}]" if alt else "", value.get("caption") or "") if part)


def video_mjml(value, ctx):
    # Email clients cannot play video: a clear link, and the transcript for those who cannot watch it.
    transcript = format_html('<p style="margin:8px 0 0;"{}>{}</p>', lang_attrs(value["transcript"]),
                             value["transcript"]) if value["transcript"] else ""
    return section(text(format_html(
        '<p style="margin:0;">▶ <a href="{}"{}>{}</a></p>{}', value["url"], lang_attrs(value["title"]), value["title"],
        transcript
    )))


def video_text(value, ctx):
    return f"▶ {value['title']} <{value['url']}>" + (f"\n{value['transcript']}" if value["transcript"] else "")


def document_mjml(value, ctx):
    document = _public_document(value, ctx)
    if document is None:
        return ""
    title = value.get("title") or document.title
    details = f"{document.file_extension.upper()}, {filesizeformat(document.get_file_size() or 0)}"
    description = format_html('<p style="margin:4px 0 0;"{}>{}</p>', lang_attrs(value["description"]),
                              value["description"]) if value.get("description") else ""
    return section(text(format_html(
        '<p style="margin:0;">📄 <a href="{}"{}>{}</a> <span style="color:#444444;">({})</span></p>{}',
        public_url(document.url), lang_attrs(title), title, details, description,
    )))


def document_text(value, ctx):
    document = _public_document(value, ctx)
    if document is None:
        return ""
    title = value.get("title") or document.title
    return f"{title} <{public_url(document.url)}>" + (f"\n{value['description']}" if value.get("description") else "")


# --- Links --------------------------------------------------------------------------------------------------
def call_to_action_mjml(value, ctx):
    url = _cta_url(value, ctx)
    description = text(format_html('<p style="margin:0;"{}>{}</p>', lang_attrs(value["description"]),
                                   value["description"])) if value.get("description") else ""
    return section(format_html('{}<mj-button href="{}">{}</mj-button>', description, url, lang_span(value["label"])))


def call_to_action_text(value, ctx):
    return "\n".join(filter(None, [value.get("description"), f"{value['label']}: {_cta_url(value, ctx)}"]))


def related_pages_mjml(value, ctx):
    served = [page for page in (served_page(page, ctx) for page in value["pages"]) if page is not None]
    links = format_html_join(
        "", '<li><a href="{}" lang="{}">{}</a></li>',
        ((ctx.reader.page_url(page), ctx.reader.language_code(page.locale_id), page.title) for page in served),
    )
    title = format_html('<h3 style="margin:0 0 8px;"{}>{}</h3>', lang_attrs(value["title"]), value["title"]) \
        if value["title"] else ""
    return section(text(format_html("{}<ul>{}</ul>", title, links)))


def related_pages_text(value, ctx):
    lines = [value["title"]] if value["title"] else []
    for page in value["pages"]:
        served = served_page(page, ctx)
        if served is not None:
            lines.append(f"- {served.title} <{ctx.reader.page_url(served)}>")
    return "\n".join(lines)


def teasers_mjml(value, ctx):
    teasers = [teaser_for(page, ctx, with_image=value["show_images"]) for page in value["pages"]]
    parts = []
    if value["title"]:
        parts.append(section(text(format_html('<h2 style="margin:0;font-size:22px;"{}>{}</h2>',
                                              lang_attrs(value["title"]), value["title"])),
                             padding="16px 0 0"))
    for teaser in filter(None, teasers):
        with translation.override(teaser.language.code):  # a fallback teaser is Italian throughout
            read_more = _("Read more")
        image = format_html(
            '<mj-image src="{}" alt="{}" href="{}" width="{}px" padding="8px 20px 0" />',
            teaser.image_url, teaser.image_alt, teaser.url, TEASER_DISPLAY_WIDTH,
        ) if teaser.image_url else ""
        meta = format_html('<p style="margin:0 0 4px;font-size:14px;color:#444444;">{}</p>', teaser.meta_html) \
            if teaser.meta_html else ""
        # A teaser that fell back to Italian says so to screen readers and keeps its own direction; so does a title
        # or summary of a translation still in Italian.
        body = format_html(
            '<div lang="{}" dir="{}"><h3 style="margin:0 0 4px;font-size:19px;"{}><a href="{}">{}</a></h3>{}'
            '<p style="margin:0 0 8px;"{}>{}</p><p style="margin:0;"><a href="{}">{}</a></p></div>',
            teaser.language.code, teaser.language.direction, teaser.title_attrs, teaser.url, teaser.title, meta,
            teaser.summary_attrs, teaser.summary, teaser.url, read_more,
        )
        parts.append(section(format_html("{}{}", image, text(body)), padding="8px 0 16px"))
    return mark_safe("".join(parts))


def teasers_text(value, ctx):
    lines = [value["title"].upper()] if value["title"] else []
    for page in value["pages"]:
        teaser = teaser_for(page, ctx, with_image=False)
        if teaser is not None:
            lines.append("\n".join(filter(None, [f"* {teaser.title}", teaser.meta, teaser.summary, teaser.url])))
    return "\n\n".join(lines)


# --- Structured ---------------------------------------------------------------------------------------------
def steps_mjml(value, ctx):
    items = format_html_join(
        "", "<li><strong{}>{}</strong>{}</li>",
        ((lang_attrs(step["title"]), step["title"],
          mark_safe(rich_text_html(step["description"], ctx)) if step["description"] else "")
         for step in value["steps"]),
    )
    title = format_html('<h3 style="margin:0 0 8px;"{}>{}</h3>', lang_attrs(value["title"]), value["title"]) \
        if value["title"] else ""
    return section(text(format_html("{}<ol>{}</ol>", title, items), css_class="nl-rich"))


def steps_text(value, ctx):
    lines = [value["title"]] if value["title"] else []
    for number, step in enumerate(value["steps"], start=1):
        lines.append(f"{number}. {step['title']}")
        if step["description"]:
            lines.append("   " + rich_text_text(step["description"], ctx).replace("\n", "\n   "))
    return "\n".join(lines)


def faq_mjml(value, ctx):
    items = format_html_join(
        "", '<h4 style="margin:12px 0 4px;font-size:17px;"{}>{}</h4>{}',
        ((lang_attrs(item["question"]), item["question"], mark_safe(rich_text_html(item["answer"], ctx)))
         for item in value["items"]),
    )
    title = format_html('<h3 style="margin:0;"{}>{}</h3>', lang_attrs(value["title"]), value["title"]) \
        if value["title"] else ""
    return section(text(format_html("{}{}", title, items), css_class="nl-rich"))


def faq_text(value, ctx):
    lines = [value["title"]] if value["title"] else []
    for item in value["items"]:
        lines.append(f"? {item['question']}\n{rich_text_text(item['answer'], ctx)}")
    return "\n\n".join(lines)


def contact_mjml(value, ctx):
    rows = [format_html("<strong{}>{}</strong>", lang_attrs(value["name"]), value["name"])]
    if value["role"]:
        rows.append(lang_span(value["role"]))
    if value["phone"]:
        rows.append(format_html('☎ <a href="tel:{}">{}</a>', value["phone"].replace(" ", ""), value["phone"]))
    if value["email"]:
        rows.append(format_html('✉ <a href="mailto:{}">{}</a>', value["email"], value["email"]))
    if value["url"]:
        rows.append(format_html('<a href="{}">{}</a>', value["url"], value["url"]))
    if value["notes"]:
        rows.append(lang_span(value["notes"]))
    return section(text(format_html('<p style="margin:0;">{}</p>', mark_safe("<br>".join(rows)))))


def contact_text(value, ctx):
    return "\n".join(filter(None, [value["name"], value["role"], value["phone"], value["email"], value["url"],
                                   value["notes"]]))


def _figure(figure) -> str:
    value = figure["value"]
    number = "" if value is None else number_format(
        value, decimal_pos=0 if value == value.to_integral_value() else None, force_grouping=True
    )
    return f"{number} {figure['unit']}".strip()


def key_figures_mjml(value, ctx):
    rows = format_html_join(
        "", '<tr><td style="padding:4px 8px;font-size:22px;font-weight:bold;white-space:nowrap;">{}</td>'
            '<td style="padding:4px 8px;"{}>{}{}</td></tr>',
        ((_figure(figure), lang_attrs(figure["label"]), figure["label"],
          format_html('<br><small style="color:#444444;"{}>{}</small>', lang_attrs(figure["source"]),
                      figure["source"]) if figure["source"] else "")
         for figure in value["figures"]),
    )
    title = format_html('<h3 style="margin:0 0 8px;"{}>{}</h3>', lang_attrs(value["title"]), value["title"]) \
        if value["title"] else ""
    return section(text(format_html('{}<table role="presentation">{}</table>', title, rows)))


def key_figures_text(value, ctx):
    lines = [value["title"]] if value["title"] else []
    lines += [f"{_figure(figure)} — {figure['label']}" for figure in value["figures"]]
    return "\n".join(lines)


registry.register(content_blocks.HeadingBlock, mjml=heading_mjml, text=heading_text)
registry.register(content_blocks.ParagraphBlock, mjml=paragraph_mjml, text=paragraph_text)
registry.register(content_blocks.QuoteBlock, mjml=quote_mjml, text=quote_text)
registry.register(content_blocks.AlertBlock, mjml=alert_mjml, text=alert_text)
registry.register(content_blocks.ImageBlock, mjml=image_mjml, text=image_text)
registry.register(content_blocks.VideoEmbedBlock, mjml=video_mjml, text=video_text)
registry.register(content_blocks.DocumentDownloadBlock, mjml=document_mjml, text=document_text)
registry.register(content_blocks.CallToActionBlock, mjml=call_to_action_mjml, text=call_to_action_text)
registry.register(content_blocks.RelatedPagesBlock, mjml=related_pages_mjml, text=related_pages_text)
registry.register(content_blocks.StepsBlock, mjml=steps_mjml, text=steps_text)
registry.register(content_blocks.FaqBlock, mjml=faq_mjml, text=faq_text)
registry.register(content_blocks.ContactBlock, mjml=contact_mjml, text=contact_text)
registry.register(content_blocks.KeyFiguresBlock, mjml=key_figures_mjml, text=key_figures_text)
registry.register(PageTeasersBlock, mjml=teasers_mjml, text=teasers_text)
