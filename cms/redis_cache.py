"""Django's Redis cache, made safe to use from any request, signal handler or task: Redis down costs speed only.

Every cache in this project (the API's response cache and persisted queries, the feeds' cache and generation
token, the newsletter's web view, django-ratelimit's counters) only saves work or counts, so this backend never
lets a Redis fault reach its caller:

- connect and socket timeouts are short (REDIS_CONNECT_TIMEOUT_SECONDS, REDIS_SOCKET_TIMEOUT_SECONDS, sub-second)
  and redis-py does not retry: a hung Redis costs one timeout per call, not redis-py's default 5 s several times;
- every operation is guarded: a Redis error is a miss (`get` returns the default, `add` and `delete` False,
  `set` does nothing), logged as one throttled line, never a traceback;
- a circuit breaker per Redis address, shared by every alias and thread of the process (circuit_breaker.py):
  after a few failures in a row nothing is asked for CIRCUIT_OPEN_SECONDS, then one call probes;
- with LOCAL_FALLBACK (the rate-limit alias) operations go to this process's memory instead while Redis is
  unreachable, so rate limits keep holding per process rather than refusing everybody or nobody.

OPTIONS: the keys below in capitals are this backend's; the others go to redis-py's connection pool, as with
Django's RedisCache.
"""

import logging
import pickle
import threading

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

from cms.circuit_breaker import CircuitBreaker, State

logger = logging.getLogger(__name__)

DEFAULT_OPTIONS = {
    "socket_connect_timeout": 0.1,
    "socket_timeout": 0.25,
    # No retries inside redis-py (its connections default to none when given no Retry): the breaker decides
    # when to try again.
    "retry": None,
}
OWN_OPTIONS = {
    "CIRCUIT_FAILURES": 2,
    "CIRCUIT_OPEN_SECONDS": 10.0,
    "WARNING_INTERVAL_SECONDS": 60.0,
    "LOCAL_FALLBACK": False,
}
# What a failed call answers, per operation (incr is special: see below).
MISS_ANSWERS = {
    "get": None,  # replaced by the caller's default
    "get_many": {},
    "set": None,
    "add": False,
    "touch": False,
    "delete": False,
    "has_key": False,
    "set_many": [],
    "delete_many": None,
}

_breakers: dict[str, CircuitBreaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(location: str, **settings) -> CircuitBreaker:
    """One breaker per Redis address in a process, whichever alias asks: they fail and recover together."""
    with _breakers_lock:
        if location not in _breakers:
            _breakers[location] = CircuitBreaker(f"Redis cache at {location}", logger=logger, **settings)
        return _breakers[location]


def _redis_errors() -> tuple[type[BaseException], ...]:
    import redis

    # OSError: socket errors redis-py does not wrap; pickle errors: an entry written by another release.
    return (redis.RedisError, OSError, pickle.UnpicklingError, EOFError)


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = {**params.get("OPTIONS", {})}
        own = {name: options.pop(name, default) for name, default in OWN_OPTIONS.items()}
        super().__init__(server, {**params, "OPTIONS": {**DEFAULT_OPTIONS, **options}})
        location = server if isinstance(server, str) else ",".join(server)
        self.breaker = breaker_for(
            _without_password(location),
            failures_to_open=int(own["CIRCUIT_FAILURES"]),
            open_seconds=float(own["CIRCUIT_OPEN_SECONDS"]),
            warning_interval=float(own["WARNING_INTERVAL_SECONDS"]),
        )
        self.local = (
            LocMemCache(f"redis-fallback:{location}", {k: v for k, v in params.items() if k != "OPTIONS"})
            if own["LOCAL_FALLBACK"]
            else None
        )
        self._errors = _redis_errors()

    def _guarded(self, operation: str, call, *args, **kwargs):
        """`call` when the breaker allows it and Redis answers; otherwise the fallback's or the miss answer."""
        if self.breaker.allow():
            try:
                result = call(*args, **kwargs)
            except self._errors as error:
                self.breaker.failed(error)
            else:
                self.breaker.succeeded()
                return result
        if self.local is not None:
            return getattr(self.local, operation)(*args, **kwargs)
        if operation == "incr":
            # BaseCache's contract for a counter it cannot read: the key "does not exist".
            raise ValueError("The cache is unavailable")
        if operation == "get":
            return kwargs.get("default", args[1] if len(args) > 1 else None)
        return MISS_ANSWERS[operation]

    def health(self) -> str:
        """"ok" or "unavailable"; asks Redis only when the breaker allows (an open circuit answers at once)."""
        if not self.breaker.allow():
            return "unavailable"
        try:
            self._cache.get_client(write=True).ping()
        except self._errors as error:
            self.breaker.failed(error)
            return "unavailable"
        self.breaker.succeeded()
        return "ok"

    @property
    def available(self) -> bool:
        return self.breaker.state is State.CLOSED

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("add", super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._guarded("get", super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("set", super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("touch", super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._guarded("delete", super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._guarded("get_many", super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._guarded("has_key", super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        return self._guarded("incr", super().incr, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("set_many", super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._guarded("delete_many", super().delete_many, keys, version)

    def clear(self):
        """False when Redis could not be cleared (a release reports it), whatever the local fallback did."""
        if self.local is not None:
            self.local.clear()
        if not self.breaker.allow():
            return False
        try:
            cleared = super().clear()
        except self._errors as error:
            self.breaker.failed(error)
            return False
        self.breaker.succeeded()
        return cleared


def _without_password(location: str) -> str:
    """The address as logs may show it: redis://:secret@host/0 -> redis://host/0."""
    scheme, separator, rest = location.partition("://")
    if not separator or "@" not in rest.split("/", 1)[0]:
        return location
    return f"{scheme}://{rest.split('@', 1)[1]}"


def breakers_forget() -> None:
    """Start every breaker afresh (tests; a process that just forked keeps its parent's otherwise)."""
    with _breakers_lock:
        _breakers.clear()
