"""Pieces several schema.org types share: the publisher, images, places, languages."""

from django.conf import settings
from django.utils import timezone

from content_models.choices import PROVINCES
from content_models.kernel.presentation import page_summary

CONTEXT = "https://schema.org"
IMAGE_SPEC = "social"  # 1200x630 JPEG: the size search engines and social cards ask for
PROVINCE_NAMES = dict(PROVINCES)
REGION = "Liguria"


def _setting(name: str, default: str) -> str:
    return getattr(settings, "DISTRIBUTION_FEEDS", {}).get(name, default)


def publisher() -> dict:
    """The Region: publisher of every page and provider of every service."""
    return {
        "@type": "GovernmentOrganization",
        "name": _setting("PUBLISHER_NAME", "Regione Liguria"),
        "url": _setting("PUBLISHER_URL", "https://www.regione.liguria.it"),
    }


def image_object(image, sources) -> dict | None:
    if image is None:
        return None
    rendition = sources.rendition(image, IMAGE_SPEC)
    if rendition is None:
        return None
    data = {
        "@type": "ImageObject",
        "url": sources.absolute(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "caption": "" if image.is_decorative else image.default_alt_text,
        "creditText": image.credit,
        "license": image.licence,
    }
    return compact(data)


def postal_address(*, street: str = "", locality: str = "", province: str = "", postcode: str = "") -> dict | None:
    if not (street or locality):
        return None
    return compact({
        "@type": "PostalAddress",
        "streetAddress": street,
        "postalCode": postcode,
        "addressLocality": locality,
        "addressRegion": province,
        "addressCountry": "IT",
    })


def geo(latitude, longitude) -> dict | None:
    if latitude is None or longitude is None:
        return None
    return {"@type": "GeoCoordinates", "latitude": float(latitude), "longitude": float(longitude)}


def area_served(province_codes) -> list[dict]:
    """The provinces a page covers, else the whole region."""
    areas = [{"@type": "AdministrativeArea", "name": PROVINCE_NAMES[code]} for code in province_codes or ()
             if code in PROVINCE_NAMES]
    return areas or [{"@type": "AdministrativeArea", "name": REGION}]


def languages(codes) -> list[dict]:
    """Spoken-language codes (ISO 639-1, BCP 47) as schema.org Language items."""
    return [{"@type": "Language", "alternateName": str(code)} for code in codes or ()]


def iso(value) -> str | None:
    """A datetime in Europe/Rome with its offset; a date as a date."""
    if value is None:
        return None
    if hasattr(value, "tzinfo"):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def topic_names(page, sources) -> list[str]:
    return [topic.name for topic in sources.topics(page)]


def web_page_base(page, sources, type_name: str) -> dict:
    """What every node describing a page says: identity, name, URL, language, dates, image."""
    url = sources.page_url(page)
    return compact({
        "@context": CONTEXT,
        "@type": type_name,
        "@id": url,
        "url": url,
        "name": page.title,
        "description": page_summary(page),
        "inLanguage": sources.language_code(page),
        "image": image_object(sources.main_image(page), sources),
        "datePublished": iso(page.first_published_at),
        "dateModified": iso(page.last_published_at),
        "keywords": topic_names(page, sources) if hasattr(page, "topics") else None,
    })


def compact(data: dict) -> dict:
    """Without empty values: schema.org consumers read a missing property and an empty one differently."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}
