"""The content generation: the one number every cache of published content is keyed on, shared through the database.

The API's response cache, the feeds' cache and the newsletter's web view all stamp what they store with the
content state their reader read *before* reading any content, and serve it only to a reader whose own state read
gives the same key. Why the database: a local-memory cache is one per process, and even Redis is optional; the
database is the one thing every worker on every machine shares. Reading it costs one primary-key lookup.

Writers bump the generation *inside their own transaction* (invalidation.py connects the one list of signals), so
the new generation commits together with the new content:
- a reader that sees the new generation reads the new content (it reads the generation first), so old content is
  never stamped with a new generation;
- a reader that read the old generation just before the commit may store newer content stamped with the old
  state, which no reader accepts any more: harmless (the next reader recomputes and stores over it).
A stamped entry is therefore never older than its stamp, whichever of the cache and the row is read first.

Time matters too (transitions.py): the state carries `valid_until`, the next go-live or expiry after `now`; it is
part of the key, so the first request after that instant misses and recomputes. This is exact, unlike a time
bucket (which would serve an expired page until the bucket ends), and costs nothing in the steady state: the next
transition is stored in the row by every writer; when it has passed, each process computes the following one
once and keeps it in memory (a reader never writes: it runs inside public requests).
"""

import dataclasses
import datetime
import functools

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import F
from django.utils import timezone

from content_models.models.generation import ContentGeneration

from .generation_push import generation_listener, generation_notify
from .transitions import next_transition_after

SINGLETON_ID = ContentGeneration.SINGLETON_ID


@dataclasses.dataclass(frozen=True)
class ContentState:
    generation: int
    valid_until: datetime.datetime | None  # the next go-live or expiry after `now`; None: nothing scheduled
    now: datetime.datetime  # the instant the request's visibility rules must use
    # When the row was last written (a bump, or a reader storing the next transition); None when there is no row.
    written_at: datetime.datetime | None = None

    @property
    def key(self) -> str:
        return f"{self.generation}:{self.valid_until.isoformat() if self.valid_until else '-'}"

    @property
    def stamp(self) -> tuple | None:
        """Identifies what the database held when the row was read; None when nothing does.

        The generation alone repeats when a transaction rolls back (as every test does); with the time of the
        write it does not, so per-process memos (memo.py) can key on it.
        """
        return (self.generation, self.written_at) if self.written_at is not None else None


@functools.cache
def _row_sql(vendor: str) -> str:
    """The singleton row's read, written once per database vendor from the model's own table and column names.

    The primary key is a class constant and goes in as an integer literal: a statement without parameters skips
    the backend's placeholder rewriting, on every request.
    """
    meta, quote = ContentGeneration._meta, connections[DEFAULT_DB_ALIAS].ops.quote_name
    columns = ", ".join(quote(meta.get_field(name).column) for name in ("value", "next_transition_at", "computed_at"))
    return f"SELECT {columns} FROM {quote(meta.db_table)} WHERE {quote(meta.pk.column)} = {int(SINGLETON_ID)}"


def _row_read() -> tuple | None:
    """(value, next_transition_at, computed_at), with the datetimes as the ORM would return them; None: no row.

    Every request served from the response cache runs this, and building the equivalent ORM query cost several
    times the query itself, so it is one precompiled statement through the connection's cursor (which still
    counts and wraps it like any other query).
    """
    db = connections[DEFAULT_DB_ALIAS]
    with db.cursor() as cursor:
        cursor.execute(_row_sql(db.vendor))
        row = cursor.fetchone()
    if row is None:
        return None
    # SQLite returns naive datetimes (in the connection's time zone); PostgreSQL already returns aware ones. The
    # backend's own converter makes them exactly what the ORM returns, so ContentState.key is the same either way.
    convert = getattr(db.ops, "convert_datetimefield_value", None)
    if convert is None:
        return row
    value, next_at, computed_at = row
    return value, convert(next_at, None, db), convert(computed_at, None, db)


# The next transition this process computed after the row's had passed: (row as read, computed next, computed at).
_recomputed: tuple[tuple, datetime.datetime | None, datetime.datetime] | None = None


def content_state_read() -> ContentState:
    """The generation and the time window a response computed now is valid for: one query when nothing is due.

    Never a write: this runs inside every public read. When the next transition stored in the row has passed,
    the process computes the following one itself and keeps it until that one passes too (one query per
    transition and process); the row is brought up to date by the next writer's bump.
    """
    global _recomputed
    listener = generation_listener()
    if listener is not None and not connections[DEFAULT_DB_ALIAS].in_atomic_block:
        row = listener.row(_row_read)  # from memory while the listener vouches for it (generation_push.py)
    else:
        row = _row_read()
    # Taken after the read: never earlier than the writer's `computed_at` in the row (clocks of different machines
    # may still disagree; the check below then recomputes).
    now = timezone.now()
    if row is None:  # only after a database flush; the next bump recreates the row
        return ContentState(0, next_transition_after(now), now)
    generation, next_at, computed_at = row
    if computed_at is not None and computed_at <= now and (next_at is None or now < next_at):
        return ContentState(generation, next_at, now, computed_at)
    # The stored transition has passed (or the row was never computed, or it is from a clock ahead of ours). No
    # transition lies between `at` and `recomputed_next`, so that one stays the next for any now in between.
    memo = _recomputed
    if memo is not None and memo[0] == row and memo[2] <= now and (memo[1] is None or now < memo[1]):
        next_at = memo[1]
    else:
        next_at = next_transition_after(now)
        _recomputed = (row, next_at, now)
    # The stamp is the row as read (nothing was written), so per-process memos keep working between transitions.
    return ContentState(generation, next_at, now, computed_at)


def content_generation_bump() -> None:
    """Invalidate every cached response and feed, in every process, when the caller's transaction commits.

    The row is locked first, so two concurrent writers compute the next transition one after the other, each
    seeing what the other committed.
    """
    with transaction.atomic():
        locked = ContentGeneration.objects.select_for_update().filter(pk=SINGLETON_ID).values_list("pk", flat=True)
        if not list(locked):  # only after a database flush
            ContentGeneration.objects.get_or_create(pk=SINGLETON_ID)
        now = timezone.now()
        ContentGeneration.objects.filter(pk=SINGLETON_ID).update(
            value=F("value") + 1, next_transition_at=next_transition_after(now), computed_at=now
        )
        if (listener := generation_listener()) is not None:
            with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
                generation_notify(cursor)  # delivered to every process's listener when this commits
            transaction.on_commit(listener.forget)  # and this process forgets at once
