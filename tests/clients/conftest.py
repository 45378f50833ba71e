"""The client suite: real portal clients (Apollo Client, urql, graphql-codegen, Chromium) against a live API.

One server and one small demo-like site for the whole package, made once and committed: a service page in Italian
with an Arabic translation (and none in Spanish, so Spanish readers get the Italian fallback), and events to page
through. The tests speak HTTP to it; each still runs in a rolled-back transaction (django_db), as any database
test. The package empties the database when it ends, as a transactional test does, so its tests run last of all
(pytest_collection_modifyitems below).

Node.js drivers (js/*.mjs) run one scenario each and print what they observed as JSON; the tests decide what is
right. The npm packages come from package-lock.json (scripts/client-packages.sh, also run by `make test`).
"""

import dataclasses
import datetime
import json
import os
import subprocess
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from pytest_django.live_server_helper import LiveServer

from content_models import services
from content_models.models import EventIndexPage, ServiceIndexPage
from tests.conftest import migrations_data_ensure
from tests.factories import EventPageFactory, ServicePageFactory, translation_publish

CLIENTS = Path(__file__).resolve().parent
ROOT = CLIENTS.parents[1]
NODE_TIMEOUT = 60  # seconds; a scenario takes one or two

SERVICE_PATH = "/servizi/corsi-di-italiano/"
HEADING_IT = "Come iscriversi"
HEADING_AR = "كيفية التسجيل"
EVENT_TITLES = [f"Evento {number}" for number in range(1, 6)]


@dataclasses.dataclass(frozen=True)
class PortalApi:
    url: str  # .../graphql/
    origin: str  # scheme://host:port of the server
    service_path: str
    heading_it: str
    heading_ar: str
    event_titles: list[str]


def pytest_collection_modifyitems(items):
    """Each client test in its database mode (their place at the end of the run is tests/conftest.py's).

    A browser test is transactional: its page's requests write (a mutation) from the server's thread, which with
    SQLite in memory a test's open transaction on another connection (Playwright runs the test in its own context)
    would lock out.
    """
    for item in items:
        if item.get_closest_marker("clients"):
            browser = bool(item.get_closest_marker("browser"))
            item.add_marker(pytest.mark.django_db(transaction=browser))


class NodeScenarioError(RuntimeError):
    """A driver failed to run (not an assertion about the API): never an expected failure."""


@pytest.fixture(scope="session")
def node_packages():
    subprocess.run([ROOT / "scripts" / "client-packages.sh"], check=True)


def _site_make() -> None:
    services.locales_sync()
    home = services.home_page_ensure()
    service_index = ServiceIndexPage.objects.child_of(home).get()
    service = ServicePageFactory(
        parent=service_index, title="Corsi di italiano", slug="corsi-di-italiano",
        body=[("heading", {"text": HEADING_IT, "level": "h2"}), ("paragraph", "<p>Porta un documento.</p>")],
    )
    # wagtail-localize's copy keeps each block's id: the translated heading is the same block, in Arabic.
    arabic = translation_publish(service, "ar", title="دورات اللغة الإيطالية")
    body = arabic.body.get_prep_value()
    body[0]["value"]["text"] = HEADING_AR
    arabic.body = body
    arabic.save_revision().publish()
    event_index = EventIndexPage.objects.child_of(home).get()
    start = timezone.now() + datetime.timedelta(days=3)
    for number, title in enumerate(EVENT_TITLES):
        EventPageFactory(parent=event_index, title=title, start=start + datetime.timedelta(days=number))


@pytest.fixture(scope="package")
def portal_api(django_db_setup, django_db_blocker, node_packages):
    # Held open for the whole package: the server thread reads the database while tests run.
    with django_db_blocker.unblock():
        migrations_data_ensure()
        _site_make()
        cache.clear()
        server = LiveServer("127.0.0.1")  # an address, not a name: Node's fetch may try ::1 first for "localhost"
        try:
            yield PortalApi(
                url=f"{server.url}/graphql/", origin=server.url, service_path=SERVICE_PATH,
                heading_it=HEADING_IT, heading_ar=HEADING_AR, event_titles=EVENT_TITLES,
            )
        finally:
            server.stop()
            call_command("flush", interactive=False, verbosity=0)
            cache.clear()


@pytest.fixture
def node(portal_api):
    """node(driver, scenario, name=value...) -> what the driver observed."""

    def run(driver: str, scenario: str, **arguments) -> dict:
        command = ["node", str(CLIENTS / "js" / f"{driver}.mjs"), scenario]
        command += [f"{name}={value}" for name, value in arguments.items()]
        done = subprocess.run(
            command, cwd=CLIENTS, capture_output=True, text=True, timeout=NODE_TIMEOUT,
            env={**os.environ, "GRAPHQL_URL": portal_api.url},
        )
        if done.returncode != 0:
            raise NodeScenarioError(f"{driver} {scenario} failed:\n{done.stderr}")
        return json.loads(done.stdout.splitlines()[-1])

    return run
