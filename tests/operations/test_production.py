"""Production mode, as deployed: `check --deploy` clean, and gunicorn (gunicorn.conf.py) serving /metrics/ behind
its token with every worker's counts, and request logs as JSON lines without personal data."""

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

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "t" * 48


def production_env(database_url: str, **extra) -> dict[str, str]:
    # A clean environment, as a container gets: nothing leaks in from the developer's shell or a .env file.
    return {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "DJANGO_SETTINGS_MODULE": "cms.settings",
        "DJANGO_ENV": "production",
        "SECRET_KEY": "s" * 20 + "-production-like-secret-for-tests-" + "x" * 20,
        "ALLOWED_HOSTS": "cms.example.org",
        "DATABASE_URL": database_url,
        "CACHE_URL": "dummycache://",  # a shared cache is required; these tests need none
        "CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR",
        **extra,
    }


@pytest.fixture
def database_url(transactional_db, tmp_path) -> str:
    """The migrated test database, reachable from another process (no transaction open: SQLite's backup API waits
    for the test's own write lock otherwise)."""
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":  # the test database lives in this process's memory: copy it to a file
        path = tmp_path / "db.sqlite3"
        connection.ensure_connection()
        copy = sqlite3.connect(path)
        connection.connection.backup(copy)
        copy.close()
        return f"sqlite:///{path}"
    user = settings_dict["USER"] + (f":{settings_dict['PASSWORD']}" if settings_dict["PASSWORD"] else "")
    return f"postgres://{user}@{settings_dict['HOST']}:{settings_dict['PORT']}/{settings_dict['NAME']}"


def test_check_deploy_is_clean_under_production_settings(database_url):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(database_url),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def gunicorn(database_url, tmp_path):
    port = _free_port()
    env = production_env(
        database_url,
        PORT=str(port),
        GUNICORN_WORKERS="2",
        METRICS_TOKEN=TOKEN,
        PROMETHEUS_MULTIPROC_DIR=str(tmp_path / "prometheus"),
    )
    log = (tmp_path / "gunicorn.log").open("w+")
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "cms.wsgi:application"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            requests.get(f"{base}/healthz/", headers=PROXIED, timeout=10)
            break
        except requests.RequestException:  # not listening yet, or a worker still importing the app
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail(f"gunicorn did not start: {Path(log.name).read_text()}")
    yield base, Path(log.name)
    process.terminate()
    process.wait(timeout=30)
    log.close()


# What a TLS-terminating proxy in front of gunicorn sends.
PROXIED = {"Host": "cms.example.org", "X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.23"}


def test_gunicorn_serves_metrics_behind_the_token_and_logs_json_lines_without_personal_data(gunicorn):
    base, log = gunicorn
    for _ in range(6):
        requests.get(f"{base}/feeds/", headers=PROXIED, timeout=10).raise_for_status()
    personal = requests.get(
        f"{base}/feeds/?email=maria.rossi@example.org",
        headers={**PROXIED, "User-Agent": "Maria's phone"},
        timeout=10,
    )

    assert requests.get(f"{base}/metrics/", headers=PROXIED, timeout=10).status_code == 401
    response = requests.get(
        f"{base}/metrics/", headers={**PROXIED, "Authorization": f"Bearer {TOKEN}"}, timeout=10
    )

    assert response.status_code == 200
    line = next(
        line
        for line in response.text.splitlines()
        if line.startswith(
            'interazioni_http_request_duration_seconds_count{area="feeds",method="GET",status="2xx"}'
        )
    )
    assert float(line.split()[-1]) == 7  # two workers, one sum: prometheus_client's multiprocess mode
    assert "interazioni_database_up 1.0" in response.text

    time.sleep(0.5)
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    [request_line] = [line for line in lines if line.get("request_id") == personal.headers["X-Request-ID"]]
    assert request_line["path"] == "/feeds/" and request_line["status"] == 200
    assert {line["logger"] for line in lines} >= {"gunicorn.error", "operations.requests"}
    text = log.read_text()
    assert "maria" not in text.lower() and "198.51.100.23" not in text and "Maria's phone" not in text
