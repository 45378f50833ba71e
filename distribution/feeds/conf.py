"""The feeds' settings (`DISTRIBUTION_FEEDS` in cms/settings/base.py), read at call time so tests can override."""

from urllib.parse import urljoin

from django.conf import settings

DEFAULTS = {
    "PUBLIC_BASE_URL": "http://127.0.0.1:8000",
    "MAX_ITEMS": 50,
    "CACHE_SECONDS": 900,
    "MAX_AGE": 300,
    "EVENTS_PAST_DAYS": 30,
    "UID_DOMAIN": "interazioni.regione.liguria.it",
    "PUBLISHER_NAME": "Regione Liguria",
    "PUBLISHER_URL": "https://www.regione.liguria.it",
}


def feeds_setting(name: str):
    return {**DEFAULTS, **getattr(settings, "DISTRIBUTION_FEEDS", {})}[name]


def absolute_url(path_or_url: str) -> str:
    """Media and document URLs are relative on this server and absolute in object storage: make both absolute."""
    return urljoin(feeds_setting("PUBLIC_BASE_URL").rstrip("/") + "/", path_or_url)
