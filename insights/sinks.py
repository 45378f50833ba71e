"""Where a flush hands its counts: the database itself, or Redis (where every process's counts gather and one
process at a time writes them all, so the database sees one transaction per interval for the whole site).

Redis only ever saves work here: when it is unreachable, a flush writes its counts to the database directly.
"""

import functools
import json
import logging
import uuid

from django.conf import settings

from .store import counts_store

logger = logging.getLogger(__name__)

PENDING_KEY = "insights:pending"
DRAINING_PREFIX = "insights:draining:"
DRAIN_LOCK_KEY = "insights:drain-lock"
DRAIN_LOCK_SECONDS = 300


class DatabaseSink:
    def write(self, counts: dict) -> int:
        return counts_store(counts) if counts else 0


class RedisSink:
    """Counts in one Redis hash, fields "<c|f|v>:<json key>" (signals, flagged, last value), drained by renaming
    the hash (atomic: increments arriving meanwhile start a new one) and writing it to the database."""

    def __init__(self, url: str):
        import redis

        self.client = redis.Redis.from_url(url, socket_timeout=1.0, socket_connect_timeout=0.5)

    def write(self, counts: dict) -> int:
        if counts:
            try:
                self._hand_off(counts)
            except Exception:  # noqa: BLE001
                logger.warning("Redis unavailable: insights counts written to the database directly", exc_info=True)
                return counts_store(counts)  # if this fails too, flush() keeps the counts for the next time
        # From here the counts are Redis's: a failed drain leaves them there for the next one.
        try:
            return self.drain()
        except Exception:  # noqa: BLE001
            logger.warning("Insights counts not drained from Redis: kept there for the next drain", exc_info=True)
            return 0

    def _hand_off(self, counts: dict) -> None:
        # One MULTI/EXEC: a connection lost halfway applies none of it, so a retry never counts twice.
        pipeline = self.client.pipeline(transaction=True)
        for (day, kind, locale, subject), (count, flags, value) in counts.items():
            field = json.dumps([day.isoformat(), kind, locale, subject], ensure_ascii=False, separators=(",", ":"))
            pipeline.hincrby(PENDING_KEY, f"c:{field}", count)
            if flags:
                pipeline.hincrby(PENDING_KEY, f"f:{field}", flags)
            pipeline.hset(PENDING_KEY, f"v:{field}", value)
        pipeline.execute()

    def drain(self) -> int:
        """Write what every process handed to Redis, if no other process is doing it; returns the counters written."""
        import datetime

        token = uuid.uuid4().hex
        if not self.client.set(DRAIN_LOCK_KEY, token, nx=True, ex=DRAIN_LOCK_SECONDS):
            return 0
        written = 0
        try:
            # Hashes a drain renamed and then failed to write (database down) come first.
            leftovers = [key for key in self.client.scan_iter(match=f"{DRAINING_PREFIX}*", count=100)]
            draining = f"{DRAINING_PREFIX}{token}"
            try:
                self.client.rename(PENDING_KEY, draining)
                leftovers.append(draining.encode())
            except Exception as error:  # redis.ResponseError "no such key": nothing pending
                if "no such key" not in str(error).lower():
                    raise
            for key in leftovers:
                counts: dict[tuple, list[int]] = {}
                for field, raw in self.client.hgetall(key).items():
                    part, _, name = field.decode().partition(":")
                    day, kind, locale, subject = json.loads(name)
                    entry = counts.setdefault((datetime.date.fromisoformat(day), kind, locale, subject), [0, 0, 0])
                    entry["cfv".index(part)] = int(raw)
                written += counts_store(counts)
                self.client.delete(key)
        finally:
            # Only our own lock: a drain slower than the lock's expiry must not free another process's.
            if self.client.get(DRAIN_LOCK_KEY) == token.encode():
                self.client.delete(DRAIN_LOCK_KEY)
        return written


@functools.cache
def _redis_sink(url: str) -> RedisSink:
    return RedisSink(url)


def sink():
    if settings.INSIGHTS_BUFFER == "redis" and settings.INSIGHTS_REDIS_URL:
        return _redis_sink(settings.INSIGHTS_REDIS_URL)
    return DatabaseSink()
