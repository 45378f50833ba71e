"""Absolute media URLs (images, renditions, documents) in API responses, and the address they start with.

GRAPHQL_MEDIA_BASE_URL, when set (a CDN, object storage's own domain, a proxy that rewrites Host), is the base of
every media URL. Unset, the base is the scheme and host each request came in on (one of ALLOWED_HOSTS, as Django
checked): a portal that reaches the API on another allowed host gets images it can load from that host. The view
sets the base for the request (`media_urls_for`) and the response cache keys on it (caching/responses.py), so a
response made for one host is never served to another.
"""

import contextlib
from contextvars import ContextVar
from urllib.parse import urljoin

from django.conf import settings

from graphql_api.conf import api_setting

_request_media_base: ContextVar[str | None] = ContextVar("graphql_api_media_base", default=None)


def media_base_url(request=None) -> str:
    configured = api_setting("MEDIA_BASE_URL")
    if configured:
        return configured
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    return settings.WAGTAILADMIN_BASE_URL  # a schema executed outside a request (scripts, tests)


@contextlib.contextmanager
def media_urls_for(request):
    token = _request_media_base.set(media_base_url(request))
    try:
        yield
    finally:
        _request_media_base.reset(token)


def current_media_base_url() -> str:
    return _request_media_base.get() or media_base_url()


def absolute_media_url(url: str) -> str:
    """Media may live on this server (relative URLs) or in object storage (already absolute)."""
    return urljoin(current_media_base_url().rstrip("/") + "/", url)
