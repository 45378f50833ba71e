"""A per-process buffer flushed by a thread of its own: explicit flushes at interval 0, a thread that flushes every
interval (and sooner when woken), a forked child that never flushes its parent's buffer, a flush at exit."""

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

from cms.periodic_flush import PeriodicFlushBuffer

WAIT = 5  # seconds at most for the thread; it answers in tens of milliseconds


class Notes(PeriodicFlushBuffer):
    """The smallest subclass: a list, flushed into `flushed` (and onto `flushes`, for a test to wait on)."""

    interval_setting = "NOTES_FLUSH_SECONDS"
    thread_name = "test-notes"

    def __init__(self):
        super().__init__()
        self.items: list[str] = []
        self.flushed: list[list[str]] = []
        self.flushes: queue.Queue = queue.Queue()

    def add(self, item: str) -> None:
        with self._lock:
            self._own()
            self.items.append(item)
        self._start_once()

    def _drop_inherited(self) -> None:
        self.items = []

    def flush(self) -> int:
        with self._lock:
            self._own()
            items, self.items = self.items, []
        self.flushed.append(items)
        self.flushes.put(items)
        return len(items)

    def __len__(self) -> int:
        return len(self.items)


class ParkedAfterTwoTicks(Notes):
    # The thread is a daemon that runs as long as the process: parked here, it does not tick for the rest of the
    # test session.
    def tick(self) -> None:
        super().tick()
        if len(self.flushed) == 2:
            threading.Event().wait()


def test_at_interval_0_there_is_no_thread_and_flushes_are_explicit(settings):
    settings.NOTES_FLUSH_SECONDS = 0
    notes = Notes()
    notes.add("a")
    notes.add("b")

    assert "test-notes" not in {thread.name for thread in threading.enumerate()}
    assert len(notes) == 2 and notes.flushed == []
    assert notes.flush() == 2 and notes.flushed == [["a", "b"]]
    notes.tick()  # nothing held: nothing flushed
    assert notes.flushed == [["a", "b"]]


def test_the_thread_starts_with_the_first_item_and_flushes_every_interval(settings):
    settings.NOTES_FLUSH_SECONDS = 0.01
    notes = ParkedAfterTwoTicks()
    assert notes._thread is None  # not at creation: a worker forked later starts its own

    notes.add("first")
    assert notes.flushes.get(timeout=WAIT) == ["first"]
    notes.add("second")
    assert notes.flushes.get(timeout=WAIT) == ["second"]
    assert notes.flushed == [["first"], ["second"]]  # empty intervals flushed nothing


def test_a_buffer_filling_up_is_flushed_before_its_interval_ends(settings):
    settings.NOTES_FLUSH_SECONDS = 3600
    notes = Notes()
    notes.add("urgent")
    notes.flush_soon()

    assert notes.flushes.get(timeout=WAIT) == ["urgent"]


def test_a_forked_child_drops_its_copy_of_the_parents_buffer_and_starts_its_own_thread(settings):
    settings.NOTES_FLUSH_SECONDS = 3600
    notes = Notes()
    notes.add("the parent's")
    parent_thread = notes._thread
    read_end, write_end = os.pipe()

    pid = os.fork()
    if pid == 0:  # the child: report what it holds, then leave without running the parent's exit handlers
        try:
            notes.add("the child's")
            own_thread = notes._thread is not parent_thread and notes._thread.is_alive()
            os.write(write_end, json.dumps({"items": notes.items, "own_thread": own_thread}).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        seen = json.loads(pipe.read())
    os.waitpid(pid, 0)

    assert seen == {"items": ["the child's"], "own_thread": True}
    assert notes.items == ["the parent's"] and notes.flush() == 1  # the parent's to flush, once


def test_the_process_buffer_is_flushed_when_the_interpreter_exits():
    script = (
        "import atexit\n"
        "from django.conf import settings\n"
        "settings.configure(NOTES_FLUSH_SECONDS=0)\n"
        "from cms.periodic_flush import process_wide\n"
        "from tests.cms.test_periodic_flush import Notes\n"
        "notes = Notes()\n"
        "atexit.register(lambda: print(notes.flushed))  # exit handlers run last first: this one after the flush\n"
        "process_wide(notes).add('left at exit')\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=60)

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[['left at exit']]"
