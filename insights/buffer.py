"""Where signals wait between a request and the database: a dict in each process's memory.

A request only adds to the dict (under a lock held for a few microseconds): nothing is written inside a public
read. A background thread of the same process hands the counts on every INSIGHTS_FLUSH_SECONDS (sooner when the
dict grows past INSIGHTS_BUFFER_MAX_KEYS): to the database directly ("memory"), or to Redis, from which one
process at a time writes every process's counts to the database ("redis", sinks.py). gunicorn's worker_exit
hook and the interpreter's exit flush what is left; a process killed outright loses at most one interval.

The thread, fork safety and exit flush are cms/periodic_flush.py's: the thread starts with the first signal a
process records, so a forked worker starts its own (the dict is emptied in a child: the parent's counts are the
parent's to flush).
"""

import contextlib
import contextvars
import datetime
import logging
import time

from django.conf import settings
from django.utils import timezone

from cms.periodic_flush import PeriodicFlushBuffer, process_wide

logger = logging.getLogger(__name__)

# The day counts are recorded under; set by the week simulation (insights_simulate_week) only.
_day_override: contextvars.ContextVar[datetime.date | None] = contextvars.ContextVar("insights_day", default=None)
PRUNE_EVERY_SECONDS = 24 * 3600


@contextlib.contextmanager
def recording_day(day: datetime.date):
    """Count the signals recorded inside the block under `day` instead of today (simulated traffic)."""
    token = _day_override.set(day)
    try:
        yield
    finally:
        _day_override.reset(token)


class Buffer(PeriodicFlushBuffer):
    """Counts per (day, kind, locale, subject): [signals, flagged signals, last value]."""

    interval_setting = "INSIGHTS_FLUSH_SECONDS"
    thread_name = "insights-flush"

    def __init__(self):
        super().__init__()
        self._counts: dict[tuple, list[int]] = {}
        self._day: datetime.date | None = None
        self._day_ends = 0.0
        self._last_prune = 0.0
        self.dropped = 0
        self.failures = 0

    # --- The request side: microseconds, no I/O ----------------------------------------------------------------
    def add(self, signals) -> None:
        day = self._today()
        limit = settings.INSIGHTS_BUFFER_MAX_KEYS
        with self._lock:
            self._own()
            counts = self._counts
            for signal in signals:
                if signal is None:
                    continue
                kind, locale, subject, flag, value = signal
                key = (day, kind, locale, subject)
                entry = counts.get(key)
                if entry is not None:
                    entry[0] += 1
                    entry[1] += flag
                    entry[2] = value
                elif len(counts) < 2 * limit:
                    counts[key] = [1, flag, value]
                else:
                    self.dropped += 1
            size = len(counts)
        self._start_once()
        if size >= limit:
            self.flush_soon()

    def _today(self) -> datetime.date:
        override = _day_override.get()
        if override is not None:
            return override
        now = time.time()
        if now >= self._day_ends:  # recomputed once a day (and at first use), not per request
            local = timezone.localtime()
            self._day = local.date()
            midnight = (local + datetime.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
            self._day_ends = midnight.timestamp()
        return self._day

    def note_failure(self) -> None:
        self.failures += 1

    # --- The flushing side ---------------------------------------------------------------------------------------
    def take(self) -> dict[tuple, list[int]]:
        """Everything counted so far, leaving the buffer empty."""
        with self._lock:
            self._own()
            counts, self._counts = self._counts, {}
            return counts

    def give_back(self, counts: dict[tuple, list[int]]) -> None:
        """Counts that could not be written: kept for the next flush (within the same size bound)."""
        with self._lock:
            for key, (count, flags, value) in counts.items():
                entry = self._counts.get(key)
                if entry is not None:
                    entry[0] += count
                    entry[1] += flags
                elif len(self._counts) < 2 * settings.INSIGHTS_BUFFER_MAX_KEYS:
                    self._counts[key] = [count, flags, value]
                else:
                    self.dropped += count

    def __len__(self) -> int:
        return len(self._counts)

    def _drop_inherited(self) -> None:
        self._counts = {}

    def flush(self) -> int:
        """Hand the counts on (database, or Redis and then the database); returns how many counters.

        Never raises: counts that could not be written go back into the buffer for the next flush.
        """
        from .sinks import sink

        counts = self.take()
        if self.dropped:
            logger.warning("Insights buffer full: %d signals dropped since the last flush", self.dropped)
            self.dropped = 0
        try:
            return sink().write(counts)
        except Exception:  # noqa: BLE001
            logger.warning("Insights counts not written: kept for the next flush", exc_info=True)
            self.give_back(counts)
            return 0

    def tick(self) -> None:
        self.flush()  # even with nothing counted here: with Redis, this drains every other process's counts
        if time.time() - self._last_prune >= PRUNE_EVERY_SECONDS:
            self._last_prune = time.time()
            _prune_quietly()


_buffer = process_wide(Buffer())


def process_buffer() -> Buffer:
    return _buffer


def flush(buffer: Buffer | None = None) -> int:
    """Hand this process's counts (or `buffer`'s) on now; returns how many counters. Never raises."""
    return (_buffer if buffer is None else buffer).flush()


def _prune_quietly() -> None:
    from .services import counts_prune

    try:
        counts_prune()
    except Exception:  # noqa: BLE001
        logger.warning("Insights pruning failed: retried tomorrow", exc_info=True)
