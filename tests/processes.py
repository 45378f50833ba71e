"""Several server processes on one database, for tests of what must hold across processes (caches, generations).

Each server is a real `manage.py runserver` on a loopback port with its own local-memory cache; a third process
writes through `manage.py shell -c`, as an editor's request would. The database file is a copy of the migrated
test database (when the tests do not run on SQLite, of one file migrated for the run); every step has a timeout
and the servers are stopped whatever happens.
"""

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from django.db import connection

from tests.smtp import free_port

ROOT = Path(__file__).resolve().parents[1]
STEP_TIMEOUT = 60


def process_environment(database: Path) -> dict:
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


def manage(environment: dict, *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], check=False, cwd=ROOT, env=environment, timeout=STEP_TIMEOUT * 3,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    assert done.returncode == 0, done.stdout.decode()


@pytest.fixture(scope="module")
def shared_database(tmp_path_factory, django_db_setup, django_db_blocker) -> Path:
    """The database file the servers share, migrated: a copy of the test database when it is SQLite (seconds),
    a copy of the run's one freshly migrated file otherwise. Module-scoped, so the copy is made before any test
    transaction holds a lock."""
    database = tmp_path_factory.mktemp("processes") / "shared.sqlite3"
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            _sqlite_copy(connection.connection, database)
            return database
    source = sqlite3.connect(_migrated_file(tmp_path_factory))
    try:
        _sqlite_copy(source, database)
    finally:
        source.close()
    return database


_MIGRATED: list[Path] = []


def _migrated_file(tmp_path_factory) -> Path:
    """A SQLite file at the latest migrations, made once per run: a `migrate` from nothing takes a minute on a
    shared two-core machine, and each module of servers gets a copy of its own."""
    if not _MIGRATED:
        database = tmp_path_factory.mktemp("processes-migrated") / "migrated.sqlite3"
        manage(process_environment(database), "migrate", "--no-input")
        _MIGRATED.append(database)
    return _MIGRATED[0]


def _sqlite_copy(source: sqlite3.Connection, path: Path) -> None:
    target = sqlite3.connect(path)
    try:
        source.backup(target)
    finally:
        target.close()


class Server:
    def __init__(self, environment: dict, log: Path):
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
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
                if requests.get(f"{self.base_url}/healthz/", timeout=2).status_code == 200:
                    return
            except (requests.ConnectionError, requests.Timeout):  # not listening yet, or still starting up
                time.sleep(0.2)
        raise AssertionError(f"the server did not start in {STEP_TIMEOUT} s:\n{self.log.read_text()}")

    def get(self, path: str, **kwargs) -> requests.Response:
        response = requests.get(self.base_url + path, timeout=STEP_TIMEOUT, **kwargs)
        response.raise_for_status()
        return response

    def post(self, path: str, **kwargs) -> requests.Response:
        response = requests.post(self.base_url + path, timeout=STEP_TIMEOUT, **kwargs)
        response.raise_for_status()
        return response

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self._log.close()


def servers_start(environment: dict, folder: Path, count: int = 2) -> list[Server]:
    servers = [Server(environment, folder / f"server-{n}.log") for n in range(count)]
    try:
        for server in servers:
            server.wait_until_ready()
    except BaseException:
        for server in servers:
            server.stop()
        raise
    return servers
