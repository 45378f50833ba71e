"""Error reporting with SENTRY_DSN: an error reaches the Sentry server, without personal data.

The SDK runs for real in a subprocess (it is initialised with the settings, once per process) and sends to an HTTP
server on loopback standing in for Sentry's ingestion endpoint.
"""

import gzip
import json
import os
import subprocess
import sys
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import django, sentry_sdk
django.setup()
from django.test import Client, override_settings
with override_settings(ROOT_URLCONF="tests.operations.failing_urls"):
    response = Client(raise_request_exception=False).get(
        "/fails/?email=maria.rossi@example.org", REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="203.0.113.7",
        HTTP_COOKIE="sessionid=abc123secret",
    )
print(response.status_code, response["X-Request-ID"])
sentry_sdk.flush(timeout=10)
"""


@pytest.fixture
def sentry_server():
    received: list[bytes] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            encoding = self.headers.get("Content-Encoding", "")
            if encoding == "gzip":
                body = gzip.decompress(body)
            elif encoding == "deflate":
                body = zlib.decompress(body)
            elif encoding == "br":
                import brotli

                body = brotli.decompress(body)
            received.append(body)
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://public@127.0.0.1:{server.server_port}/1", received
    server.shutdown()


def test_an_error_is_reported_with_its_request_id_and_nothing_personal(sentry_server, tmp_path):
    dsn, received = sentry_server
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "DJANGO_SETTINGS_MODULE": "cms.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
        "SENTRY_DSN": dsn,
        "LOG_LEVEL": "CRITICAL",
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    status, request_id = result.stdout.split()
    assert status == "500"

    payload = b"\n".join(received).decode()
    events = [
        json.loads(line) for line in payload.splitlines() if line.startswith("{") and '"exception"' in line
    ]
    [event] = events
    assert event["exception"]["values"][-1]["value"] == "the view failed"
    assert event["tags"]["request_id"] == request_id
    assert "failing_urls.py" in json.dumps(
        event["exception"]
    )  # where it failed: file and line, not the values
    for personal in ("maria.rossi", "203.0.113.7", "abc123secret"):
        assert personal not in payload
