"""/healthz/ says which part is down, in every fault; a database outage logs one line, not one per request."""

import logging
import re

import pytest

from cms.unavailable import DatabaseOutageLogFilter
from tests.netfaults import caches_at


def healthz(client):
    response = client.get("/healthz/")
    return response.status_code, response.json()


@pytest.mark.django_db
def test_healthy_with_the_local_cache(client):
    assert healthz(client) == (200, {"status": "ok", "database": "ok", "cache": "local"})
    assert re.fullmatch(r"database;dur=[\d.]+, cache;dur=[\d.]+", client.get("/healthz/")["Server-Timing"])


@pytest.mark.django_db
def test_healthy_with_redis(client, redis_server, settings):
    settings.CACHES = caches_at(redis_server.url)

    assert healthz(client) == (200, {"status": "ok", "database": "ok", "cache": "ok"})


@pytest.mark.django_db
@pytest.mark.parametrize("fault", ["redis_refused", "redis_hung"])
def test_degraded_when_only_redis_is_down(client, fault, request):
    request.getfixturevalue(fault)

    for _ in range(3):  # the first check meets the fault, the next ones the open circuit
        assert healthz(client) == (200, {"status": "degraded", "database": "ok", "cache": "unavailable"})


def test_unavailable_when_the_database_is_down(client, database_down):
    database_down()

    response = client.get("/healthz/")

    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert response.json() == {"status": "unavailable", "database": "unavailable", "cache": "local"}


def test_an_outage_is_one_log_line_per_interval(client, database_down, caplog):
    caplog.handler.addFilter(DatabaseOutageLogFilter())  # as settings.LOGGING puts it on the console handler
    database_down()
    with caplog.at_level(logging.WARNING):
        for _ in range(20):
            client.get("/healthz/")
            client.post("/graphql/", data='{"query": "{ locales { code } }"}', content_type="application/json")
            client.get("/feeds/it/news.rss")

    # The request log (operations.requests) writes its one line per request, whatever the answer, without traceback.
    access = [record for record in caplog.records if record.name == "operations.requests"]
    assert len(access) == 60 and all(record.exc_info is None for record in access)
    lines = [record for record in caplog.records
             if record.levelno >= logging.WARNING and record.name != "operations.requests"]
    assert len(lines) <= 1, [record.getMessage() for record in lines]
    assert all(record.exc_info is None for record in lines)
