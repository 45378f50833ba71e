"""A pacing clock for bulk sending: at most `rate` messages per second, evenly spaced.

Clock and sleep are injected, so tests check the computed schedule without waiting on the wall clock.
"""

import time
from collections.abc import Callable


class Throttle:
    def __init__(self, rate: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self._clock = clock
        self._sleep = sleep
        self._next_slot: float | None = None

    def wait(self) -> float:
        """Block until the next slot is due; returns the slot's time on the injected clock."""
        now = self._clock()
        slot = now if self._next_slot is None else max(now, self._next_slot)
        if slot > now:
            self._sleep(slot - now)
        self._next_slot = slot + self.interval
        return slot


class FakeClock:
    """A clock that only moves when slept on: deterministic throttling in tests and benchmarks."""

    def __init__(self, start: float = 0.0):
        self.now = start

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds
