"""Production hardening, layered on base when DJANGO_ENV=production.

Start-up fails loudly when a secret is missing: a misconfigured deployment must not run with defaults.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import CACHES, MIDDLEWARE, env


def _required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"{name} must be set when DJANGO_ENV=production")
    return value


SECRET_KEY = _required("SECRET_KEY")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("dev-only"):
    raise ImproperlyConfigured("SECRET_KEY must be a random string of at least 50 characters in production")
ALLOWED_HOSTS = [host.strip() for host in _required("ALLOWED_HOSTS").split(",") if host.strip()]
_required("DATABASE_URL")  # production never runs on the embedded SQLite file
# Rate limits, the API response cache and persisted queries must be shared by every worker and machine: a
# per-process memory cache would multiply the limits and serve each process its own documents.
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    raise ImproperlyConfigured("REDIS_URL (or CACHE_URL to a shared cache) must be set when DJANGO_ENV=production")
# Behind a reverse proxy REMOTE_ADDR is the proxy: per-client rate limits would throttle everybody together, and
# consent records would hash the proxy's address. The deployment must say where the client address is
# (HTTP_X_FORWARDED_FOR behind a proxy, REMOTE_ADDR when the CMS faces clients directly).
_required("CLIENT_IP_HEADER")

DEBUG = False
# WhiteNoise serves the collected static files (admin assets) straight from gunicorn, right after security.
_security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1
MIDDLEWARE = [*MIDDLEWARE[:_security], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[_security:]]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# The container health check calls /healthz/ over plain HTTP from inside the container, and Prometheus scrapes
# /metrics/ over the internal network (its token protects it; docs/operations.md, "Metrics").
SECURE_REDIRECT_EXEMPT = [r"^healthz/$", r"^metrics/$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"  # the Wagtail preview panel frames our own pages
# `manage.py check --deploy` is clean (tests/operations/test_production.py) with two warnings answered here:
# - W019: X_FRAME_OPTIONS is SAMEORIGIN, not DENY, on purpose (above): the preview panel frames our own pages;
# - W021: HSTS preload is the Region's decision for its whole domain, hard to undo: SECURE_HSTS_PRELOAD=true.
SILENCED_SYSTEM_CHECKS = ["security.W019", *([] if SECURE_HSTS_PRELOAD else ["security.W021"])]
