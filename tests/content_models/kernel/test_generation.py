"""The content generation row: transactional bumps, and the next scheduled transition kept up to date cheaply."""

import datetime
import threading
import time

import pytest
from django.db import connection, connections, transaction
from django.utils import timezone

from content_models.kernel import generation_push
from content_models.kernel.generation import content_generation_bump, content_state_read
from content_models.kernel.generation_push import CHANNEL, generation_listener
from content_models.models import ContentGeneration
from tests.factories import NewsPageFactory


@pytest.mark.django_db
def test_a_bump_belongs_to_the_writers_transaction():
    before = content_state_read().generation

    with pytest.raises(RuntimeError), transaction.atomic():
        content_generation_bump()
        raise RuntimeError("the publish failed")
    assert content_state_read().generation == before

    with transaction.atomic():
        content_generation_bump()
    assert content_state_read().generation == before + 1


@pytest.mark.django_db
def test_after_a_transition_a_process_recomputes_once_without_writing(
    news_index, monkeypatch, django_assert_num_queries
):
    now = timezone.now()
    expiry = now + datetime.timedelta(hours=1)
    NewsPageFactory(parent=news_index, expire_at=expiry)
    with django_assert_num_queries(1):
        before = content_state_read()
    assert before.valid_until == expiry
    row = ContentGeneration.objects.values().get()

    monkeypatch.setattr(timezone, "now", lambda: expiry)
    with django_assert_num_queries(2):  # the row, the next transition: nothing written inside a read
        state = content_state_read()
    assert state.valid_until is None and state.now == expiry
    assert state.stamp == before.stamp  # the database holds what it held: per-process memos stay valid
    with django_assert_num_queries(1):
        assert content_state_read().valid_until is None
    assert ContentGeneration.objects.values().get() == row


@pytest.mark.django_db
def test_readers_and_writers_cope_with_a_flushed_table(news_index):
    ContentGeneration.objects.all().delete()
    assert content_state_read().generation == 0

    NewsPageFactory(parent=news_index)

    assert content_state_read().generation > 0


@pytest.mark.django_db(transaction=True)
def test_on_postgresql_the_kept_generation_follows_commits_made_elsewhere(
    settings, django_assert_num_queries, monkeypatch
):
    if connection.vendor != "postgresql":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's; SQLite reads the row, a local call")
    settings.CONTENT_GENERATION_LISTEN = True
    # Heartbeats far apart: a notification must be acted on when it arrives, not when the listener's wait ends
    # (counting a wait's notifications first kept a stale row trusted for up to a heartbeat).
    monkeypatch.setattr(generation_push, "HEARTBEAT_SECONDS", 60.0)
    monkeypatch.setattr(generation_push, "TRUST_SECONDS", 120.0)
    listener = generation_listener()
    table = ContentGeneration._meta.db_table

    def another_process_bumps():  # what content_generation_bump commits in another process, without this one's hook
        with connections["default"].cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET value = value + 1 WHERE id = 1; NOTIFY {CHANNEL}")
        connections.close_all()

    try:
        content_generation_bump()  # the row exists
        content_state_read()  # starts the listener
        _until(listener.trusted)
        before = content_state_read()
        with django_assert_num_queries(0):  # kept while the listener vouches for it
            assert content_state_read().generation == before.generation

        bumper = threading.Thread(target=another_process_bumps)
        bumper.start()
        bumper.join()
        # Kept until the notification arrives (well under the deadline), then read again.
        _until(lambda: content_state_read().generation == before.generation + 1)
        content_generation_bump()  # this process's own commit: seen at once, without waiting for the notification
        assert content_state_read().generation == before.generation + 2
    finally:
        listener.stop()


def _until(condition, seconds: float = 10.0) -> None:
    """Wait for the listener's thread (a deadline, not a fixed sleep)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the listener did not get there in time"
        time.sleep(0.02)
