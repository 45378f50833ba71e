"""Teasers of existing pages, read in the edition's language with a fallback to the Italian source page.

What a teaser shows of a page (whether it may be shown at all, in which language, its summary, its image, its
portal address) is the content kernel's, exactly as the API, the feeds and social posts show it.
"""

from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString

from cms.languages import ContentLanguage, get_content_language
from content_models.kernel.presentation import page_summary, page_summary_field
from content_models.kernel.untranslated import field_text, lang_span, untranslated_of
from media.renditions import ORIGINAL_SPEC, rendition_get

from .context import RenderContext
from .links import public_url

TEASER_RENDITION = "fill-1120x560"  # shown at 560 px wide: twice the pixels for high-density screens
TEASER_DISPLAY_WIDTH = 560


@dataclass(frozen=True)
class Teaser:
    title: str
    summary: str
    url: str
    language: ContentLanguage  # the language the page was actually served in
    meta: str = ""  # plain text; meta_html marks a place still in the source's language
    meta_html: SafeString = SafeString("")
    image_url: str = ""
    image_alt: str = ""
    # ` lang="it" dir="ltr"` when the title or summary of a translation is still the source's (else "").
    title_attrs: str = ""
    summary_attrs: str = ""


def served_page(page, ctx: RenderContext):
    """The public page in the edition's locale, else the public Italian page, else None (the kernel's rule)."""
    return ctx.reader.page(page.pk, ctx.locale.pk) if page is not None else None


def _meta(page) -> tuple[str, SafeString]:
    """"<date> · <place>" of an event, as text and as escaped HTML (its place in a `<span lang dir>` when it is
    still in the source's language)."""
    start = getattr(page, "start", None)
    if start is None:  # only events have a time and a place
        return "", SafeString("")
    when = date_format(timezone.localtime(start), "DATE_FORMAT" if page.all_day else "DATETIME_FORMAT")
    where = field_text(page, "venue_name") or field_text(page, "municipality")
    if not where:
        return when, format_html("{}", when)
    return f"{when} · {where}", format_html("{} · {}", when, lang_span(where))


def teaser_for(page, ctx: RenderContext, *, with_image: bool = True) -> Teaser | None:
    served = served_page(page, ctx)
    if served is None:
        return None
    language = get_content_language(ctx.reader.language_code(served.locale_id))
    image_url = image_alt = ""
    image = ctx.reader.main_image(served) if with_image else None
    if image is not None:
        # Outside a task (the web view) a missing rendition is not made: the full-size copy, or no picture.
        rendition = rendition_get(image, TEASER_RENDITION) or rendition_get(image, ORIGINAL_SPEC)
        if rendition is not None:
            image_url = public_url(rendition.url)
            image_alt = image.default_alt_text
    # A teaser that fell back to Italian has its date in Italian too, not in the edition's language.
    with translation.override(language.code):
        meta, meta_html = _meta(served)
    return Teaser(
        title=served.title,
        summary=page_summary(served),
        url=ctx.reader.page_url(served),
        language=language,
        meta=meta,
        meta_html=meta_html,
        image_url=image_url,
        image_alt=image_alt,
        title_attrs=untranslated_of(served).html_attrs("title"),
        summary_attrs=untranslated_of(served).html_attrs(page_summary_field(served)),
    )
