"""Distribution fixtures: local HTTP servers standing in for the social networks and the portals' receivers."""

import pytest
from django.core.cache import cache

from .fakes import FakeNetworks, serve

WEBHOOK_SECRET = "test-webhook-secret"
SOCIAL_SECRET = "test-social-secret"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Wagtail caches renditions by image id; ids come back after a rollback, the files of the last test do not."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def networks():
    fake = FakeNetworks()
    server = serve(fake)
    yield fake
    server.shutdown()
    server.server_close()


@pytest.fixture
def channels(settings, networks):
    """All four channels on, pointed at the local server; timeouts tiny so timeout tests stay quick."""
    base = networks.base_url
    settings.DISTRIBUTION_HTTP_TIMEOUT_SECONDS = 0.3
    settings.DISTRIBUTION_CHANNELS = {
        "mastodon": {"enabled": True, "base_url": base, "token": "mastodon-token", "on_unpublish": "delete"},
        "telegram": {"enabled": True, "base_url": base, "token": "123:abc", "chat_id": "@interazioni",
                     "on_unpublish": "delete"},
        "facebook": {"enabled": True, "base_url": base, "api_version": "v23.0", "page_id": "555",
                     "token": "fb-token", "on_unpublish": "flag"},
        "webhook": {"enabled": True, "url": f"{base}/hooks/social", "secret": SOCIAL_SECRET,
                    "on_unpublish": "delete"},
    }
    return settings.DISTRIBUTION_CHANNELS


@pytest.fixture
def only(settings, channels):
    """only("mastodon"): switch every other channel off."""

    def _only(*names):
        settings.DISTRIBUTION_CHANNELS = {
            name: {**config, "enabled": name in names} for name, config in channels.items()
        }

    return _only


@pytest.fixture
def portal_webhooks(settings, networks):
    settings.DISTRIBUTION_WEBHOOK_URLS = [f"{networks.base_url}/hooks/portal"]
    settings.DISTRIBUTION_WEBHOOK_SECRET = WEBHOOK_SECRET
    return settings.DISTRIBUTION_WEBHOOK_URLS


@pytest.fixture
def no_portal_webhooks(settings):
    settings.DISTRIBUTION_WEBHOOK_URLS = []




@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """publish(page) publishes a new revision and runs what waits for the commit (the tasks)."""

    def _publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    return _publish


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs the block, then the on_commit callbacks it registered (tasks included)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)

