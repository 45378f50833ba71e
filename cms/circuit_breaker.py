"""A circuit breaker for a shared service that only saves work (the Redis cache), and its throttled warnings.

Closed: every call goes through. After `failures_to_open` failures in a row it opens: for `open_seconds` no call
is made at all (callers take their fallback at once instead of each waiting for a timeout). Then one caller probes
(half-open): success closes the circuit, failure opens it again for another `open_seconds`.

A dead service is seen by every request of every process, so its warnings are throttled: at most one line per
`warning_interval` seconds per breaker, never a traceback, with the count of what was skipped meanwhile.
"""

import enum
import logging
import threading
import time
from collections.abc import Callable


class State(enum.Enum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half-open"


class ThrottledWarning:
    """One log line per interval at most; the lines held back are counted in the next one."""

    def __init__(self, logger: logging.Logger, interval: float, clock: Callable[[], float] = time.monotonic):
        self.logger = logger
        self.interval = interval
        self.clock = clock
        self._last: float | None = None
        self._held_back = 0
        self._lock = threading.Lock()

    def warning(self, message: str, *args) -> bool:
        with self._lock:
            now = self.clock()
            if self._last is not None and now - self._last < self.interval:
                self._held_back += 1
                return False
            held_back, self._held_back, self._last = self._held_back, 0, now
        if held_back:
            message += " (%d similar message(s) held back)"
            args = (*args, held_back)
        self.logger.warning(message, *args)
        return True


class CircuitBreaker:
    def __init__(
        self,
        name: str,
        *,
        failures_to_open: int = 3,
        open_seconds: float = 10.0,
        warning_interval: float = 60.0,
        logger: logging.Logger | None = None,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.name = name
        self.failures_to_open = max(1, failures_to_open)
        self.open_seconds = open_seconds
        self.clock = clock
        self.warnings = ThrottledWarning(logger or logging.getLogger(__name__), warning_interval, clock)
        self.state = State.CLOSED
        self._failures = 0
        self._opened_at = 0.0
        self._probe_started = 0.0
        self._skipped = 0
        self._lock = threading.Lock()

    def allow(self) -> bool:
        """Whether to call the service now; a False is counted as a skipped call."""
        with self._lock:
            if self.state is State.CLOSED:
                return True
            now = self.clock()
            if self.state is State.OPEN and now - self._opened_at >= self.open_seconds:
                self.state, self._probe_started = State.HALF_OPEN, now
                return True  # this caller is the probe
            if self.state is State.HALF_OPEN and now - self._probe_started >= self.open_seconds:
                self._probe_started = now  # the probe never reported (its thread died): another one
                return True
            self._skipped += 1
            return False

    def succeeded(self) -> None:
        with self._lock:
            if self.state is State.CLOSED:
                self._failures = 0
                return
            outage, skipped = self.clock() - self._opened_at, self._skipped
            self.state, self._failures, self._skipped = State.CLOSED, 0, 0
        self.warnings.warning(
            "%s answers again after %.1f s; %d call(s) were skipped meanwhile", self.name, outage, skipped
        )

    def failed(self, error: BaseException) -> None:
        with self._lock:
            self._failures += 1
            if self.state is State.CLOSED and self._failures < self.failures_to_open:
                return
            reopened = self.state is State.HALF_OPEN
            self.state, self._opened_at = State.OPEN, self.clock()
        self.warnings.warning(
            "%s unavailable (%s: %s)%s: calls skipped for %.0f s",
            self.name,
            type(error).__name__,
            error,
            " again" if reopened else "",
            self.open_seconds,
        )
