"""Request logs: one JSON line per request with its id, path, status and duration, and nothing personal."""

import io
import json
import logging

import pytest

from newsletter.models import Subscriber
from operations.logs import JsonFormatter, RequestIdFilter

pytestmark = pytest.mark.django_db

SUBSCRIBE = 'mutation { subscribeNewsletter(input: {email: "maria.rossi@example.org", locale: "it"}) { ok } }'


@pytest.fixture
def json_lines():
    """What the console handler writes in production: JSON lines, read back as dicts."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    loggers = [logging.getLogger(name) for name in ("operations.requests", "django.request")]
    for logger in loggers:
        logger.addHandler(handler)

    def read() -> list[dict]:
        return [json.loads(line) for line in stream.getvalue().splitlines()]

    yield read
    for logger in loggers:
        logger.removeHandler(handler)


def test_one_line_per_request_with_its_id_path_status_and_duration(client, json_lines):
    response = client.get(
        "/feeds/?email=maria.rossi@example.org",
        REMOTE_ADDR="203.0.113.7",
        HTTP_USER_AGENT="Mozilla/5.0 (Maria)",
    )

    [line] = [line for line in json_lines() if line["logger"] == "operations.requests"]
    assert line["request_id"] == response["X-Request-ID"] and len(line["request_id"]) == 32
    assert line["method"] == "GET" and line["path"] == "/feeds/" and line["route"] == "feeds/"
    assert line["status"] == 200 and line["duration_ms"] > 0 and line["level"] == "INFO"
    assert line["bytes"] == len(response.content)
    raw = json.dumps(line)
    assert "maria" not in raw.lower() and "203.0.113.7" not in raw and "Mozilla" not in raw


def test_django_s_own_error_lines_carry_the_request_id_and_not_the_request(client, json_lines):
    response = client.get("/nowhere/?token=secret-value")

    [not_found] = [line for line in json_lines() if line["logger"] == "django.request"]
    assert not_found["message"] == "Not Found: /nowhere/"
    assert not_found["request_id"] == response["X-Request-ID"]
    assert "secret-value" not in json.dumps(
        json_lines()
    )  # the request's repr, with its query string, is dropped


def test_credentials_in_the_path_are_masked(client, json_lines):
    subscriber = Subscriber.objects.create(email="ahmed@example.org", language="ar")

    client.get(f"/newsletter/unsubscribe/{subscriber.key}/")

    [line] = [line for line in json_lines() if line["logger"] == "operations.requests"]
    assert line["path"] == "/newsletter/unsubscribe/<key>/"
    assert subscriber.key not in json.dumps(json_lines())


def test_graphql_lines_say_what_the_api_did_and_never_hold_the_variables(client, json_lines, locales):
    client.post("/graphql/", {"query": SUBSCRIBE}, content_type="application/json")
    client.get("/graphql/", {"query": "{ locales { code } }"})
    client.get("/graphql/", {"query": "{ locales { code } }"})

    lines = [line for line in json_lines() if line["logger"] == "operations.requests"]
    assert [(line["graphql_operation"], line["graphql_cache"]) for line in lines] == [
        ("mutation", "none"),
        ("query", "miss"),
        ("query", "hit"),
    ]
    assert all(line["path"] == "/graphql/" for line in lines)
    assert "maria.rossi" not in json.dumps(lines) and "locales" not in json.dumps(lines)


def test_a_request_id_from_our_proxy_is_kept_and_a_strange_one_replaced(client):
    kept = client.get("/healthz/", HTTP_X_REQUEST_ID="edge-4f1c2a9b")
    replaced = client.get("/healthz/", HTTP_X_REQUEST_ID="<script>alert(1)</script>")

    assert kept["X-Request-ID"] == "edge-4f1c2a9b"
    assert replaced["X-Request-ID"] != "<script>alert(1)</script>" and len(replaced["X-Request-ID"]) == 32
