"""The package an editor submits to the national integration portal: only what is public.

A page that is not public (draft, scheduled, expired, restricted) has no package at all; images and documents in
private collections are left out; other languages are listed only where their translation is public.
"""

import datetime

from django.conf import settings
from django.utils import timezone, translation
from wagtail.models import Page

from content_models.kernel.presentation import page_summary
from content_models.kernel.reader import ContentReader
from media.renditions import image_renditions_get

from .body import html_to_text, page_body_html

PACKAGE_VERSION = 1


def _absolute(url: str) -> str:
    if url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def _iso(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def national_package_build(*, page) -> dict | None:
    """The package as a dict (JSON-ready), or None when the page is not public."""
    reader = ContentReader()
    page = page.specific
    if not reader.visibility.page_is_visible(page):
        return None
    reader.prepare([page])
    images = []
    ctx = {"reader": reader, "locale_id": page.locale_id, "images": images, "image_url": _image_url,
           "media_url": _absolute}
    lead = reader.main_image(page)
    if lead is not None:
        images.append(lead)
    with translation.override(page.locale.language_code):
        body_html = page_body_html(page, ctx)
    translations = reader.visible(
        Page.objects.filter(translation_key=page.translation_key).select_related("locale")
    ).order_by("locale_id")
    return {
        "version": PACKAGE_VERSION,
        "type": page.specific_class._meta.model_name,
        "id": page.pk,
        "language": page.locale.language_code,
        "title": page.title,
        "summary": page_summary(page),
        "body_html": body_html,
        "body_text": html_to_text(body_html),
        "dates": _dates(page),
        "place": _place(page),
        "images": [_image_entry(image) for image in dict.fromkeys(images)],
        "languages": [
            {"language": p.locale.language_code, "title": p.title, "url": reader.page_url(p)}
            for p in translations
        ],
        "source_url": reader.page_url(page),
        "first_published_at": _iso(page.first_published_at),
        "last_published_at": _iso(page.last_published_at),
    }


def _dates(page) -> dict:
    dates = {}
    for name in ("start", "end", "date", "last_reviewed", "data_date"):
        value = getattr(page, name, None)
        if value is not None:
            dates[name] = _iso(value)
    if hasattr(page, "all_day"):
        dates["all_day"] = page.all_day
    return dates


def _place(page) -> dict | None:
    fields = ("venue_name", "address", "municipality", "province", "latitude", "longitude", "online_url")
    place = {name: getattr(page, name) for name in fields if getattr(page, name, None) not in (None, "")}
    for name in ("latitude", "longitude"):
        if name in place:
            place[name] = float(place[name])
    return place or None


def _image_url(image) -> str:
    rendition = image_renditions_get(image, "content").get("content")
    return _absolute(rendition.url if rendition is not None else image.file.url)


def _image_entry(image) -> dict:
    return {
        "id": image.pk,
        "url": _image_url(image),
        "original_url": _absolute(image.file.url),
        "alt": image.default_alt_text,
        "title": image.title,
        "credit": image.credit,
        "licence": image.licence,
        "width": image.width,
        "height": image.height,
    }
