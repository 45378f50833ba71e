"""Two server processes with their own local-memory caches and one database: a publish made by a third process
reaches both on their very next request, whatever each had cached. This is the multi-worker deployment in small.

The processes are real `manage.py runserver` servers on loopback ports, started from a copy of the migrated test
database (a fresh `migrate` when the tests do not run on SQLite); each step has a timeout and the servers are
stopped whatever happens.
"""

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]
STEP_TIMEOUT = 60

SEED = """
from content_models import services
from content_models.models import ServiceIndexPage
from tests.factories import ServicePageFactory

home = services.home_page_ensure()
ServicePageFactory(parent=ServiceIndexPage.objects.child_of(home).get(), title="Prima", slug="corsi")
"""
PUBLISH = """
from content_models.models import ServicePage

page = ServicePage.objects.get(slug="corsi")
page.title = "Seconda"
page.save_revision().publish()
"""
PAGE = "query ($path: String!) { page(path: $path) { title } }"
VARIABLES = {"path": "/servizi/corsi/"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _environment(database: Path) -> dict:
    environment = {
        key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "CACHE_URL", "DATABASE_URL"}
    }
    environment |= {
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_ENV": "development",
        "MEDIA_ROOT": str(database.parent / "media"),
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "PYTHONUNBUFFERED": "1",
    }
    return environment


def _manage(environment: dict, *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], check=False, cwd=ROOT, env=environment, timeout=STEP_TIMEOUT * 3,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    assert done.returncode == 0, done.stdout.decode()


@pytest.fixture(scope="module")
def shared_database(tmp_path_factory, django_db_setup, django_db_blocker) -> Path:
    """The database file both servers share, migrated: a copy of the test database when it is SQLite (seconds),
    a fresh `migrate` otherwise. Module-scoped, so the copy is made before any test transaction holds a lock."""
    database = tmp_path_factory.mktemp("two-processes") / "shared.sqlite3"
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            target = sqlite3.connect(database)
            try:
                connection.connection.backup(target)
            finally:
                target.close()
            return database
    _manage(_environment(database), "migrate", "--no-input")
    return database


class Server:
    def __init__(self, environment: dict, log: Path):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/graphql/"
        self._log = log.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", "--skip-checks", f"127.0.0.1:{self.port}"],
            cwd=ROOT, env=environment, stdout=self._log, stderr=subprocess.STDOUT,
        )
        self.log = log

    def wait_until_ready(self) -> None:
        deadline = time.monotonic() + STEP_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the server stopped:\n{self.log.read_text()}")
            try:
                if requests.get(f"http://127.0.0.1:{self.port}/healthz/", timeout=2).status_code == 200:
                    return
            except (requests.ConnectionError, requests.Timeout):  # not listening yet, or still starting up
                time.sleep(0.2)
        raise AssertionError(f"the server did not start in {STEP_TIMEOUT} s:\n{self.log.read_text()}")

    def title(self) -> tuple[str, str]:
        response = requests.post(self.url, json={"query": PAGE, "variables": VARIABLES}, timeout=STEP_TIMEOUT)
        response.raise_for_status()
        return response.json()["data"]["page"]["title"], response.headers["X-GraphQL-Cache"]

    def get(self, **headers) -> requests.Response:
        params = {"query": PAGE, "variables": json.dumps(VARIABLES)}
        return requests.get(self.url, params=params, headers=headers, timeout=STEP_TIMEOUT)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self._log.close()


# Marked so that pytest-django creates the test database the fixture copies; this test never writes to it.
@pytest.mark.django_db
def test_a_publish_reaches_every_process_at_once(shared_database, tmp_path):
    started = time.monotonic()
    environment = _environment(shared_database)
    _manage(environment, "shell", "-c", SEED)
    servers = [Server(environment, tmp_path / f"server-{name}.log") for name in "ab"]
    try:
        for server in servers:
            server.wait_until_ready()
        for server in servers:
            assert server.title() == ("Prima", "miss")
            assert server.title() == ("Prima", "hit"), "each process has the page in its own cache"

        _manage(environment, "shell", "-c", PUBLISH)  # a third process, as an editor's request would be

        assert [server.title() for server in servers] == [("Seconda", "miss"), ("Seconda", "miss")]
        # The ETag is the body's: a client may revalidate against any process.
        etag = servers[0].get().headers["ETag"]
        assert servers[1].get(**{"If-None-Match": etag}).status_code == 304
    finally:
        for server in servers:
            server.stop()
    print(f"two processes: publish seen by both on the next request; the test took {time.monotonic() - started:.1f} s")
