"""The portal's CDN purge: Wagtail's frontend cache, switched on by the environment, purges portal URLs."""

import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from wagtail.contrib.frontend_cache.utils import purge_page_from_cache

from tests.factories import EventPageFactory

ROOT = Path(__file__).resolve().parents[2]
SHOW = (
    "import django; django.setup(); from django.conf import settings; "
    "print('wagtail.contrib.frontend_cache' in settings.INSTALLED_APPS, getattr(settings, 'WAGTAILFRONTENDCACHE', None))"
)


def _settings_with(**env_vars) -> str:
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "cms.settings", "HOME": os.environ.get("HOME", "/tmp")}
    result = subprocess.run([sys.executable, "-c", SHOW], cwd=ROOT, env={**env, **env_vars},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_off_unless_configured():
    assert _settings_with() == "False None"


def test_purge_url_switches_wagtail_frontend_cache_on():
    shown = _settings_with(FRONTEND_CACHE_PURGE_URL="http://varnish.internal:6081")
    assert shown.startswith("True ")
    assert "wagtail.contrib.frontend_cache.backends.HTTPBackend" in shown and "http://varnish.internal:6081" in shown


@pytest.fixture
def purge_server():
    """A cache that accepts HTTP PURGE, as Varnish or nginx's cache purge module do; it records what it got."""
    received: list[tuple[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
            received.append((self.headers["Host"], self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", received
    server.shutdown()
    server.server_close()


@pytest.mark.django_db
def test_a_page_is_purged_at_its_portal_address(settings, sections, purge_server, locales):
    from content_models.models import EventIndexPage

    location, received = purge_server
    settings.PORTAL_BASE_URLS = {**settings.PORTAL_BASE_URLS, "it": "https://portale.example.org/it"}
    settings.WAGTAILFRONTENDCACHE = {
        "purge": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": location}
    }
    event = EventPageFactory(parent=sections[EventIndexPage], slug="corso-di-italiano")

    purge_page_from_cache(event)  # what Wagtail's publish handler calls, through the (immediate) task backend

    # Once, at the portal's own address for the page (its language is in the path already).
    assert received == [("portale.example.org", urlsplit(event.full_url).path)]
    assert received[0][1] == "/it/eventi/corso-di-italiano/"
