"""Absolute URLs for emails: this server's public pages, the portal's pages, media and documents.

Personal links (unsubscribe, preferences) are the only per-recipient part of a message: editions are rendered
with placeholders and personalised by string replacement (see Edition.personalise).
"""

from dataclasses import dataclass
from urllib.parse import urljoin

from django.conf import settings
from django.urls import reverse


@dataclass(frozen=True)
class PersonalLinks:
    unsubscribe_url: str
    preferences_url: str


# Placeholders that survive MJML and CSS inlining untouched (they look like ordinary URLs).
UNSUBSCRIBE_PLACEHOLDER = "https://placeholder.invalid/newsletter-unsubscribe"
PREFERENCES_PLACEHOLDER = "https://placeholder.invalid/newsletter-preferences"


def public_url(path_or_url: str) -> str:
    """An absolute URL on this server (documents, renditions, newsletter pages); absolute input is kept."""
    return urljoin(settings.NEWSLETTER_PUBLIC_BASE_URL.rstrip("/") + "/", path_or_url)


def portal_url(language: str, path: str) -> str:
    base = settings.PORTAL_BASE_URLS.get(language) or settings.PORTAL_BASE_URLS[settings.LANGUAGE_CODE]
    return base.rstrip("/") + path


def unsubscribe_url(key: str, delivery_id: int | None = None) -> str:
    if delivery_id is None:
        return public_url(reverse("newsletter:unsubscribe", args=[key]))
    return public_url(reverse("newsletter:unsubscribe_delivery", args=[key, delivery_id]))


def preferences_url(key: str, language: str) -> str:
    return portal_url(language, settings.NEWSLETTER_PREFERENCES_PATH.format(token=key))


def confirm_url(token: str, language: str) -> str:
    return portal_url(language, settings.NEWSLETTER_CONFIRM_PATH.format(token=token))


def unsubscribe_mailto(key: str) -> str | None:
    if not settings.NEWSLETTER_UNSUBSCRIBE_MAILTO:
        return None
    return f"mailto:{settings.NEWSLETTER_UNSUBSCRIBE_MAILTO}?subject=unsubscribe%20{key}"


def web_view_url(translation_key, language: str) -> str:
    return public_url(reverse("newsletter:web_view", args=[translation_key, language]))


def subscriber_links(key: str, language: str, delivery_id: int | None = None) -> PersonalLinks:
    return PersonalLinks(unsubscribe_url(key, delivery_id), preferences_url(key, language))


def anonymous_links(language: str) -> PersonalLinks:
    """For the web view: no token, so the links lead to the portal's preferences page (which asks for one)."""
    url = portal_url(language, settings.NEWSLETTER_PREFERENCES_PATH.split("?")[0])
    return PersonalLinks(url, url)


def preview_links() -> PersonalLinks:
    return PersonalLinks("#unsubscribe", "#preferences")
