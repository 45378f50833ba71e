"""A buffer in one process's memory that a thread of the same process flushes every few seconds.

Why this shape: a public read must not write (with the database task backend even enqueueing is an INSERT), so
a request only adds to memory, under a lock held for microseconds, and a background thread hands the buffer on,
on its own database connection, outside any request's transaction. Insights' signals (insights/buffer.py) and
the renditions reads found missing (media/rendition_misses.py) stand on it; each says what it holds and what a
flush does with it.

- The thread starts with the first thing a process adds, not at import: a gunicorn worker forked from a master
  that imported the module starts its own.
- A buffer inherited through a fork is the parent's to flush: the child empties its copy on first use, so
  nothing is flushed twice.
- With the interval setting at 0 there is no thread: flushes are explicit (tests, scripts).
- `process_wide()` flushes a process's buffer when the interpreter exits; a process killed outright loses at
  most one interval.
"""

import atexit
import os
import threading

from django.conf import settings
from django.db import connections

NO_THREAD = threading.Thread()  # marks "started" when the interval is 0: flushes are explicit


class PeriodicFlushBuffer:
    """A subclass names `interval_setting` and `thread_name`, and writes `_drop_inherited()`, `flush()` and
    `__len__()`. Its request side takes `self._lock`, calls `self._own()` inside it, adds, and once the lock is
    released calls `self._start_once()`.
    """

    interval_setting: str  # the setting: seconds between flushes; 0 or less, no thread
    thread_name: str

    def __init__(self):
        self._lock = threading.Lock()
        self._pid = os.getpid()
        self._thread: threading.Thread | None = None
        self._wake = threading.Event()

    # --- What a subclass holds and does --------------------------------------------------------------------------
    def _drop_inherited(self) -> None:
        """Drop what is held (a forked child's copy of its parent's buffer); called with the lock held."""
        raise NotImplementedError

    def flush(self) -> int:
        """Hand on what is held; how much. Must never raise: it runs in the thread, which would die."""
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    # --- The same for every buffer --------------------------------------------------------------------------------
    def _own(self) -> None:
        """Call with the lock held, before touching the buffer: in a forked child, forget the parent's."""
        if self._pid != os.getpid():
            self._pid = os.getpid()
            self._thread = None  # the parent's thread did not survive the fork
            self._wake = threading.Event()
            self._drop_inherited()

    def _start_once(self) -> None:
        """Start the flushing thread if this process has none yet (cheap when it has: no lock taken)."""
        if self._thread is not None:
            return
        interval = getattr(settings, self.interval_setting)
        with self._lock:
            if self._thread is not None:  # another request thread got here first
                return
            if interval <= 0:
                self._thread = NO_THREAD
                return
            self._thread = threading.Thread(target=self._run, args=(interval,), name=self.thread_name, daemon=True)
        self._thread.start()

    def flush_soon(self) -> None:
        """Wake the thread now instead of at the end of the interval (a buffer filling up)."""
        self._wake.set()

    def tick(self) -> None:
        """What the thread does each interval (insights also drains Redis and prunes: it overrides this)."""
        if len(self):
            self.flush()

    def flush_at_exit(self) -> None:
        if len(self):
            self.flush()

    def _run(self, interval: float) -> None:
        while True:
            self._wake.wait(interval)
            self._wake.clear()
            self.tick()
            # Connections are per thread: this one's would otherwise stay open between flushes.
            connections.close_all()


def process_wide(buffer: PeriodicFlushBuffer) -> PeriodicFlushBuffer:
    """`buffer` as its process's one buffer: what is left in it is flushed when the interpreter exits."""
    atexit.register(buffer.flush_at_exit)
    return buffer
