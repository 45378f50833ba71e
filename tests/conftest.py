"""Fixtures shared by every test package. Domain factories live in tests/factories/."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import Collection, Page

from cms.catalogues import compile_catalogues
from content_models import services
from content_models.models import (
    AssociationIndexPage,
    EventIndexPage,
    InfographicIndexPage,
    NewsIndexPage,
    ServiceIndexPage,
)
from tests.attempts import report as attempts_report
from tests.smtp import SMTPServer, free_port


def pytest_sessionstart(session):
    """The .mo files are build output (cms/catalogues.py): compile the ones older than their .po, as `make` does,
    so a bare `pytest` after a rebase or a catalogue edit tests the catalogues in the tree."""
    compile_catalogues()


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing():
    """Django's own advice for test suites: the real hasher costs a few tenths of a second a password by design
    (every test user, every login, every wrong password the throttling tests try). MD5 first for what tests hash;
    the real ones stay listed, so a hash made elsewhere (a subprocess, a restored backup) still checks."""
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher",
                                             *settings.PASSWORD_HASHERS]):
        yield


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files of a test land in its own folder, never in var/media."""
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def _api_cache_empty():
    """The API keeps its answers in a cache of its own (CACHES["graphql"]), stamped with the content generation,
    which starts again from the same value in every test's fresh database: an answer stored by one test must not
    be served to the next."""
    from django.core.cache import caches

    caches["graphql"].clear()
    # Wagtail caches renditions by image id and spec, and ids come back after a rollback: a rendition made in one
    # test would be "found" for the next test's image, which then never gets its own (reads never make one).
    caches["default"].clear()


@pytest.fixture(autouse=True)
def _print_on_publish_off(settings):
    """Publishing typesets printed editions (in a task, immediate in tests): only the print tests want that."""
    settings.PRINT_ON_PUBLISH = False


@pytest.fixture(autouse=True)
def _insights_buffer(settings):
    """Readers' signals stay in this process's buffer for the test to flush: no background thread writing to the
    database behind the test's back, and nothing carried over to the next test."""
    from insights.buffer import process_buffer

    settings.INSIGHTS_FLUSH_SECONDS = 0
    settings.INSIGHTS_BUFFER = "memory"
    process_buffer().take()
    yield
    process_buffer().take()


@pytest.fixture(autouse=True)
def _rendition_misses(settings):
    """Renditions a read found missing stay noted for the test to flush (media/rendition_misses.py): no thread
    enqueueing tasks behind the test's back, nothing carried over to the next test."""
    from media.rendition_misses import process_misses

    settings.MEDIA_RENDITION_MISSES_FLUSH_SECONDS = 0
    process_misses().clear()
    yield
    process_misses().clear()


@pytest.fixture(autouse=True)
def _generation_not_pushed(settings):
    """Readers read the content generation row (content_models/kernel/generation_push.py): no thread holding a
    connection to the test database, which PostgreSQL would then refuse to drop. Its own test turns it on."""
    settings.CONTENT_GENERATION_LISTEN = False


@pytest.fixture
def migrations_data(transactional_db):
    """What data migrations create, for transactional tests (browser tests with a live server).

    Such a test empties every table when it ends, migrations' data included, and Django only recreates content
    types and model permissions: whatever runs next must not depend on the order.
    """
    migrations_data_ensure()


def migrations_data_ensure() -> None:
    """The rows data migrations create (locales, the page and collection roots, a permission), where missing."""
    services.locales_sync()
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page)))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    # As wagtail_localize's migration 0006 does.
    Permission.objects.get_or_create(
        content_type=ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")[0],
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in services.locales_sync()}


@pytest.fixture
def home(locales):
    """The Italian home page with its five published sections, as `seed_demo` builds it."""
    return services.home_page_ensure()


@pytest.fixture
def sections(home):
    models = [ServiceIndexPage, EventIndexPage, NewsIndexPage, InfographicIndexPage, AssociationIndexPage]
    return {model: model.objects.child_of(home).get() for model in models}


@pytest.fixture
def default_language():
    return settings.LANGUAGE_CODE


# --- Browser tests: Playwright drives Debian's Chromium (never a downloaded browser) against the live server ---
# Playwright's sync API keeps an event loop in the test thread once a browser test has started, and Django then
# refuses ORM calls from that thread (fixtures included) unless told it is safe: no code here is async.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


# Fixtures that drive a browser or serve a live server: tests using them carry the `browser` or `clients` marker.
LIVE_FIXTURES = {"page", "context", "browser", "live_server", "signed_in"}
SLOW_MARKERS = ("browser", "clients")


@pytest.hookimpl(trylast=True)  # after pytest-django's own ordering (database tests, then transactional ones)
def pytest_collection_modifyitems(items):
    """The browser tests after every other test, and the client suite (its own browser test last) at the very
    end; a test that drives a browser or a live server without the `browser` or `clients` marker fails the
    collection.

    Once a browser test has started, Playwright's event loop keeps running in the test thread for the rest of the
    session: strawberry-django's resolvers then answer with coroutines, and a test after it that executes a query
    synchronously (through Django's test client) would fail. The client suite shares one seeded site between its
    tests (tests/clients/conftest.py): no other transactional test may empty the database in between. The markers
    also let CI's PostgreSQL pass leave those suites to the SQLite pass (.ci/run).
    """
    unmarked = [
        item.nodeid for item in items
        if LIVE_FIXTURES & set(getattr(item, "fixturenames", ()))
        and not any(item.get_closest_marker(marker) for marker in SLOW_MARKERS)
    ]
    if unmarked:
        raise pytest.UsageError("Browser tests without the `browser` marker: " + ", ".join(unmarked))

    def place(item) -> tuple[bool, bool]:
        return bool(item.get_closest_marker("clients")), bool(item.get_closest_marker("browser"))

    items.sort(key=place)  # stable: pytest-django's order holds within each group


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        # No background calls to Google's services: the machines have no internet and would wait on them.
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def artifacts_dir():
    """Screenshots and other files a test leaves for people to look at (git-ignored).

    A pass on another database keeps a folder of its own (test-artifacts/postgresql/): CI runs its two passes side
    by side, and a test that reads back what it wrote (a QR code from a rendered page) must read its own file."""
    folder = ARTIFACTS if connection.vendor == "sqlite" else ARTIFACTS / connection.vendor
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def translate(locales):
    """translate(page, "ar", title=...) -> the published translation (its missing ancestors are published too)."""
    from tests.factories import translation_publish

    return translation_publish


@pytest.fixture
def service_index(sections):
    return sections[ServiceIndexPage]


@pytest.fixture
def event_index(sections):
    return sections[EventIndexPage]


@pytest.fixture
def news_index(sections):
    return sections[NewsIndexPage]


@pytest.fixture
def infographic_index(sections):
    return sections[InfographicIndexPage]


@pytest.fixture
def association_index(sections):
    return sections[AssociationIndexPage]


@pytest.fixture
def smtp_server(settings):
    """aiosmtpd on 127.0.0.1 and a free port; Django's real SMTP backend pointed at it."""
    server = SMTPServer(free_port())
    server.start()
    # pytest-django swaps in the locmem backend: these tests want the SMTP code path.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.NEWSLETTER_EMAIL_BACKEND = None
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 10
    yield server
    server.stop()


# --- Cache faults: the project's Redis backend pointed at a refused port, a server that never answers, or a
# real redis-server (tests/netfaults.py). Test-sized timeouts; the circuit opens at the first failure.
@pytest.fixture
def redis_refused(settings):
    from tests.netfaults import caches_at, closed_port

    location = f"redis://127.0.0.1:{closed_port()}/0"
    settings.CACHES = caches_at(location)
    yield location
    _breakers_forget()


@pytest.fixture
def redis_hung(settings):
    from tests.netfaults import HungServer, caches_at

    with HungServer() as server:
        location = f"redis://127.0.0.1:{server.port}/0"
        settings.CACHES = caches_at(location)
        yield server
    _breakers_forget()


@pytest.fixture
def redis_server(tmp_path):
    from tests.netfaults import RedisServer

    server = RedisServer(tmp_path).start()
    yield server
    server.stop()
    _breakers_forget()


def _breakers_forget():
    from cms import redis_cache

    redis_cache.breakers_forget()


@pytest.fixture
def database_down(transactional_db):
    """database_down() makes the default database unreachable (PostgreSQL: a connection to a closed port; SQLite:
    a file that cannot be opened); database_down.up() brings it back, as the test's end does. The test's own
    connection is kept aside meanwhile and put back."""
    from django.db import connections

    from tests.netfaults import closed_port

    class Outage:
        connection = connections["default"]
        saved_settings = dict(connection.settings_dict)
        saved_connection = None

        def __call__(self):
            self.connection.ensure_connection()
            self.saved_connection, self.connection.connection = self.connection.connection, None
            if self.connection.vendor == "postgresql":
                self.connection.settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))
            else:
                self.connection.settings_dict["NAME"] = "/nonexistent/folder/db.sqlite3"

        def up(self):
            if self.saved_connection is None:
                return
            self.connection.settings_dict.clear()
            self.connection.settings_dict.update(self.saved_settings)
            self.connection.connection, self.saved_connection = self.saved_connection, None

    outage = Outage()
    yield outage
    outage.up()


def pytest_terminal_summary(terminalreporter):
    """The attacks the trust-boundary tests tried, by area (tests/attempts.py)."""
    attempts_report(terminalreporter)


@pytest.fixture
def schema_latest_after():
    """For tests that migrate the test database backwards: every app is migrated forward to its latest migration
    afterwards, whatever the test's own targets were (a later migration of another branch would stay unapplied,
    and every test after it would miss its tables)."""
    yield
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
