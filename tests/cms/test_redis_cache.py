"""The Redis cache backend: the cache of a real redis-server, and misses (never errors) when Redis is refused or
hung, with a circuit breaker that stops asking and warnings that do not flood the logs."""

import logging

import pytest
from django.core.cache import caches
from django_ratelimit.core import is_ratelimited

from cms.circuit_breaker import CircuitBreaker, State
from cms.redis_cache import ResilientRedisCache
from tests.netfaults import caches_at, resilient_cache


def test_a_working_redis_is_an_ordinary_cache(redis_server, settings):
    settings.CACHES = caches_at(redis_server.url)
    cache = caches["default"]

    cache.set("greeting", {"it": "ciao"})
    assert cache.get("greeting") == {"it": "ciao"}
    assert cache.add("greeting", "other") is False
    assert cache.add("counter", 1) is True
    assert cache.incr("counter", 4) == 5
    assert cache.get_many(["greeting", "counter", "missing"]) == {"greeting": {"it": "ciao"}, "counter": 5}
    assert cache.delete("greeting") is True
    assert cache.get("greeting", "gone") == "gone"
    assert cache.health() == "ok"
    with pytest.raises(ValueError):
        cache.incr("missing")  # the contract callers rely on (django-ratelimit)


@pytest.mark.parametrize("fault", ["redis_refused", "redis_hung"])
def test_a_redis_that_is_down_answers_misses(fault, request):
    request.getfixturevalue(fault)
    cache = caches["default"]

    assert cache.get("key") is None
    assert cache.get("key", "default") == "default"
    assert cache.set("key", "value") is None
    assert cache.add("key", "value") is False
    assert cache.get_many(["a", "b"]) == {}
    assert cache.delete("key") is False
    assert cache.has_key("key") is False
    assert cache.touch("key") is False
    assert cache.get_or_set("key", "computed") == "computed"
    cache.set_many({"a": 1})
    cache.delete_many(["a"])
    with pytest.raises(ValueError):
        cache.incr("key")
    assert cache.health() == "unavailable"


def test_the_circuit_opens_so_a_hung_redis_is_not_asked_on_every_call(redis_hung, settings):
    settings.CACHES = {"default": resilient_cache(f"redis://127.0.0.1:{redis_hung.port}/0", CIRCUIT_FAILURES=3)}
    cache = caches["default"]

    for _ in range(50):
        cache.get("key")

    assert cache.breaker.state is State.OPEN
    # Three calls reached the server (one connection each, as redis-py drops a connection that timed out); the
    # other 47 were answered without a socket.
    assert len(redis_hung.connections) == 3


def test_after_the_open_period_one_probe_closes_the_circuit_when_redis_is_back(redis_server, settings):
    settings.CACHES = {"default": resilient_cache(redis_server.url, CIRCUIT_OPEN_SECONDS=0)}
    cache = caches["default"]
    cache.set("kept", "yes")
    redis_server.pause()

    assert cache.get("kept") is None
    assert cache.breaker.state is State.OPEN

    redis_server.resume()
    assert cache.get("kept") == "yes"  # the probe
    assert cache.breaker.state is State.CLOSED


def test_a_redis_outage_is_one_warning_line_per_interval_without_traceback(redis_refused, caplog):
    cache = caches["default"]
    with caplog.at_level(logging.WARNING, logger="cms.redis_cache"):
        for _ in range(1000):
            cache.get("key")
            cache.set("key", "value")

    assert len(caplog.records) == 1
    (record,) = caplog.records
    assert record.exc_info is None
    assert "unavailable (ConnectionError" in record.getMessage()


def test_rate_limits_keep_counting_in_memory_while_redis_is_down(redis_refused):
    def limited():
        return is_ratelimited(None, group="test", key=lambda _group, _request: "1.2.3.4", rate="2/m", increment=True)

    assert [limited(), limited(), limited()] == [False, False, True]


def test_a_password_never_reaches_the_logs():
    cache = ResilientRedisCache("redis://:secret@127.0.0.1:1/0", {})
    assert "secret" not in cache.breaker.name


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_the_breaker_lets_one_probe_through_when_half_open():
    clock = FakeClock()
    breaker = CircuitBreaker("service", failures_to_open=2, open_seconds=10, clock=clock)

    breaker.failed(ConnectionError())
    assert breaker.state is State.CLOSED and breaker.allow()
    breaker.failed(ConnectionError())
    assert breaker.state is State.OPEN and not breaker.allow()

    clock.now = 10
    assert breaker.allow()  # the probe
    assert not breaker.allow()  # everybody else waits for its answer
    breaker.failed(ConnectionError())
    assert breaker.state is State.OPEN and not breaker.allow()

    clock.now = 20
    assert breaker.allow()
    breaker.succeeded()
    assert breaker.state is State.CLOSED and breaker.allow()
