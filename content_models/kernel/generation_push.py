"""The content generation pushed to every process (PostgreSQL LISTEN/NOTIFY), so a cached read needs no query.

Every cached response is served only after a read of the generation row (generation.py): on PostgreSQL that is a
round trip, and Django's connection health check adds a second before a request's first query. A response served
from the cache was 0.39 of the Django floor over HTTP because of them (benchmarks/README.md).

Here each process keeps the row it last read, and a thread of the process LISTENs on its own connection. A writer's
bump sends NOTIFY in its own transaction, which PostgreSQL delivers when (and only if) it commits; the listener then
forgets the kept row, so the next reader reads it again. The kept row is used only while the listener is known to
be connected: its last round trip (a notification wait that ended, then `SELECT 1`, every HEARTBEAT_SECONDS) is
younger than TRUST_SECONDS. Otherwise, and inside a transaction (a writer reading its own bump), the row is read
as before. A reader stores what it read only if no notification (nor reconnection) came while it was reading, so a
commit that raced the read is never hidden.

What this promises, measured against reading the row each time: a commit made in this process is seen at once (it
forgets the kept row when the commit returns); a commit made elsewhere is seen once its notification reaches this
process, normally well under a millisecond after the commit on the same network, which is also about the time a
row read takes. A connection that dies silently (no reset, no error) is noticed within TRUST_SECONDS at most.

On by default on PostgreSQL (CONTENT_GENERATION_LISTEN); nothing to do on SQLite, whose read is a local call.
"""

import logging
import os
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

logger = logging.getLogger(__name__)

CHANNEL = "content_generation"
HEARTBEAT_SECONDS = 1.0
TRUST_SECONDS = 2.5
RECONNECT_SECONDS = 5.0


class GenerationListener:
    def __init__(self):
        self._lock = threading.Lock()
        self._epoch = 0  # notifications received and reconnections: a row read in an older epoch may be stale
        self._alive_at: float | None = None  # monotonic time of the listener's last round trip
        self._kept: tuple[int, tuple | None] | None = None  # (epoch it was read in, row)
        self._pid: int | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # --- Readers ---------------------------------------------------------------------------------------------
    def row(self, read: Callable[[], tuple | None]) -> tuple | None:
        """The generation row: kept in memory while the listener vouches for it, else `read()` (and kept)."""
        if self._pid != os.getpid():
            self._start()
        with self._lock:
            epoch, alive_at, kept = self._epoch, self._alive_at, self._kept
        trusted = alive_at is not None and time.monotonic() - alive_at < TRUST_SECONDS
        if trusted and kept is not None and kept[0] == epoch:
            return kept[1]
        row = read()
        if trusted:
            with self._lock:
                if self._epoch == epoch:  # nothing arrived while reading: the row is at least as new as the epoch
                    self._kept = (epoch, row)
        return row

    def forget(self) -> None:
        """A commit this process made (or saw): the next reader reads the row."""
        with self._lock:
            self._epoch += 1
            self._kept = None

    # --- The listening thread ------------------------------------------------------------------------------
    def _start(self) -> None:
        with self._lock:
            if self._pid == os.getpid():
                return
            # A forked child starts afresh: the parent's thread and connection are the parent's.
            self._pid, self._epoch, self._alive_at, self._kept = os.getpid(), self._epoch + 1, None, None
            self._stop = threading.Event()
            self._thread = threading.Thread(
                target=self._run, args=(self._stop,), name="generation-listener", daemon=True
            )
        self._thread.start()

    def _run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                self._listen(stop)
            except Exception:  # noqa: BLE001 - any failure: distrust, reconnect later
                logger.warning("Content generation listener disconnected: reading the row until it reconnects",
                               exc_info=True)
            with self._lock:
                self._alive_at = None
                self._epoch += 1
            try:
                connections[DEFAULT_DB_ALIAS].close()
            except Exception:  # noqa: BLE001
                pass
            stop.wait(RECONNECT_SECONDS)

    def _listen(self, stop: threading.Event) -> None:
        wrapper = connections[DEFAULT_DB_ALIAS]  # this thread's own connection
        wrapper.ensure_connection()
        raw = wrapper.connection
        raw.autocommit = True
        raw.execute(f"LISTEN {CHANNEL}")
        with self._lock:  # listening from now on: rows read from here are covered
            self._epoch += 1
            self._alive_at = time.monotonic()
        while not stop.is_set():
            # Each notification is acted on the moment it arrives: `notifies(timeout=...)` keeps yielding until the
            # timeout ends, so counting them first would keep a stale row trusted for up to a heartbeat (the load
            # run saw stale answers right after publishes that way).
            for _ in raw.notifies(timeout=HEARTBEAT_SECONDS):
                self.forget()
                if stop.is_set():
                    break
            raw.execute("SELECT 1")
            with self._lock:
                self._alive_at = time.monotonic()

    def stop(self) -> None:
        """Stop this process's thread and close its connection (tests); the next reader starts another."""
        self._stop.set()
        if self._thread is not None and self._thread.is_alive():
            try:  # wake the thread from its wait (it stops at the next notification or heartbeat)
                with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
                    cursor.execute(f"NOTIFY {CHANNEL}")
            except Exception:  # noqa: BLE001 - best effort: the heartbeat ends the wait anyway
                pass
        if self._thread is not None:
            self._thread.join(timeout=HEARTBEAT_SECONDS * 3)
        with self._lock:
            self._pid, self._alive_at, self._kept, self._thread = None, None, None, None

    def trusted(self) -> bool:
        with self._lock:
            return self._alive_at is not None and time.monotonic() - self._alive_at < TRUST_SECONDS


_listener = GenerationListener()


def generation_listener() -> GenerationListener | None:
    """This process's listener where it applies (PostgreSQL, CONTENT_GENERATION_LISTEN on), else None."""
    if connections[DEFAULT_DB_ALIAS].vendor != "postgresql" or not getattr(
        settings, "CONTENT_GENERATION_LISTEN", False
    ):
        return None
    return _listener


def generation_notify(cursor) -> None:
    """Inside a bump's transaction: every listener hears of it when, and only if, the transaction commits."""
    cursor.execute(f"NOTIFY {CHANNEL}")
