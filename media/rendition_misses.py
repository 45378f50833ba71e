"""Renditions a public read found missing: noted in the process's memory, handed to a task from a background thread.

Why not enqueue from the request: with the database task backend (django-tasks-db) enqueueing *is* an INSERT, and
with the immediate backend (development) it makes the rendition right there; either way the read would write. A
request only adds (image id, filter spec) to a set, under a lock held for microseconds. A thread of the same
process wakes every MEDIA_RENDITION_MISSES_FLUSH_SECONDS and enqueues one `media.tasks.renditions_make` for all
the misses noted since, on its own database connection, outside any request's transaction (the thread, its fork
safety and the flush at exit are cms/periodic_flush.py's, shared with insights/buffer.py). A miss enqueued in the
last MEDIA_RENDITION_MISSES_RETRY_SECONDS is not enqueued again, so a crawler hammering one page costs one task,
not one per request; the task itself skips what exists by then.

The set is bounded (MAX_PENDING): past it, misses are dropped and counted; they are found again by the next read,
and the release step (`manage.py renditions_fill`) fills every named rendition anyway. A process killed outright
loses at most one interval of misses, for the same reason harmless.

With MEDIA_RENDITION_MISSES_FLUSH_SECONDS = 0 there is no thread: `misses_flush()` is called explicitly (tests).
"""

import logging
import time

from django.conf import settings

from cms.periodic_flush import PeriodicFlushBuffer, process_wide

logger = logging.getLogger(__name__)

MAX_PENDING = 2000
TASK_PATH = "media.tasks.renditions_make"


class MissBuffer(PeriodicFlushBuffer):
    interval_setting = "MEDIA_RENDITION_MISSES_FLUSH_SECONDS"
    thread_name = "rendition-misses"

    def __init__(self):
        super().__init__()
        self._pending: set[tuple[int, str]] = set()
        self._enqueued: dict[tuple[int, str], float] = {}  # miss -> when it was last enqueued (monotonic)
        self.dropped = 0

    # --- The request side: no I/O --------------------------------------------------------------------------------
    def add(self, image_id: int, spec: str) -> None:
        with self._lock:
            self._own()
            if len(self._pending) < MAX_PENDING:
                self._pending.add((image_id, spec))
            else:
                self.dropped += 1
        self._start_once()

    # --- The flushing side ---------------------------------------------------------------------------------------
    def take(self) -> list[tuple[int, str]]:
        """The misses noted since the last flush that were not enqueued recently; the buffer is left empty."""
        now = time.monotonic()
        retry = settings.MEDIA_RENDITION_MISSES_RETRY_SECONDS
        with self._lock:
            self._own()
            pending, self._pending = self._pending, set()
            self._enqueued = {miss: at for miss, at in self._enqueued.items() if now - at < retry}
            fresh = sorted(miss for miss in pending if miss not in self._enqueued)
            self._enqueued.update(dict.fromkeys(fresh, now))
        return fresh

    def forget(self, misses) -> None:
        """Misses whose task could not be enqueued: the next read that finds them notes them again."""
        with self._lock:
            for miss in misses:
                self._enqueued.pop(miss, None)

    def clear(self) -> None:
        with self._lock:
            self._pending.clear()
            self._enqueued.clear()
            self.dropped = 0

    def __len__(self) -> int:
        return len(self._pending)

    def _drop_inherited(self) -> None:
        self._pending, self._enqueued = set(), {}

    def flush(self) -> int:
        """Enqueue one task for the misses noted since the last flush; how many. Never raises."""
        from cms.tasks import task_get

        if self.dropped:
            logger.warning("Rendition misses: %d dropped since the last flush (the buffer was full)", self.dropped)
            self.dropped = 0
        misses = self.take()
        if not misses:
            return 0
        try:
            task_get(TASK_PATH).enqueue([list(miss) for miss in misses])
        except Exception:  # noqa: BLE001 - a queue that refuses the work: the next read notes the misses again
            logger.warning("Rendition misses not enqueued: %d will be noted again by the next read", len(misses),
                           exc_info=True)
            self.forget(misses)
            return 0
        return len(misses)


_buffer = process_wide(MissBuffer())


def process_misses() -> MissBuffer:
    return _buffer


def rendition_missed(image_id: int, spec: str) -> None:
    """Note that a read found no rendition `spec` of image `image_id` (it was not made: reads never make one)."""
    _buffer.add(image_id, spec)


def misses_flush(buffer: MissBuffer | None = None) -> int:
    """Enqueue one task for this process's misses (or `buffer`'s) now; how many. Never raises."""
    return (_buffer if buffer is None else buffer).flush()
