"""Teasers of existing pages, read in the edition's language with a fallback to the Italian source page."""

from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import Locale, Page

from cms.languages import ContentLanguage, get_content_language
from content_models.visibility import page_is_visible, private_collection_ids, private_page_paths

from .links import public_url

TEASER_RENDITION = "fill-1120x560"  # shown at 560 px wide: twice the pixels for high-density screens
TEASER_DISPLAY_WIDTH = 560


@dataclass(frozen=True)
class Teaser:
    title: str
    summary: str
    url: str
    language: ContentLanguage  # the language the page was actually served in
    meta: str = ""
    image_url: str = ""
    image_alt: str = ""


def localized_page(page: Page, locale: Locale) -> Page | None:
    """The public page in `locale`, else the public Italian page, else the page itself if public, else None.

    Public as the API means it (content_models.visibility): live, in its publishing window, not restricted.
    """
    now, private_paths = timezone.now(), private_page_paths()
    for target in (locale, Locale.get_default()):
        translation = page.get_translation_or_none(target)
        if translation is not None and page_is_visible(translation, now=now, private_paths=private_paths):
            return translation.specific
    return page.specific if page_is_visible(page, now=now, private_paths=private_paths) else None


def image_is_public(image) -> bool:
    """Images of a private collection never go out in an email or a web view (their renditions are public)."""
    return image is not None and image.collection_id not in private_collection_ids()


def _image(page):
    for field in ("main_image", "image", "logo", "social_image"):
        image = getattr(page, field, None)
        if image is not None:
            return image
    return None


def _meta(page, language: ContentLanguage) -> str:
    start = getattr(page, "start", None)
    if start is None:  # only events have a time and a place
        return ""
    when = date_format(timezone.localtime(start), "DATE_FORMAT" if page.all_day else "DATETIME_FORMAT")
    where = page.venue_name or page.municipality
    return f"{when} · {where}" if where else when


def _meta_in(page, language: ContentLanguage) -> str:
    # A teaser that fell back to Italian has its date in Italian too, not in the edition's language.
    with translation.override(language.code):
        return _meta(page, language)


def teaser_for(page: Page, locale: Locale, *, with_image: bool = True) -> Teaser | None:
    served = localized_page(page, locale)
    if served is None:
        return None
    language = get_content_language(served.locale.language_code)
    summary = getattr(served, "summary", "") or served.search_description
    image_url = image_alt = ""
    image = _image(served) if with_image else None
    if image_is_public(image):
        image_url = public_url(image.get_rendition(TEASER_RENDITION).url)
        image_alt = image.default_alt_text
    return Teaser(
        title=served.title,
        summary=summary,
        url=served.full_url,
        language=language,
        meta=_meta_in(served, language),
        image_url=image_url,
        image_alt=image_alt,
    )
