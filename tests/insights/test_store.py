"""Counts go from the buffer to their daily rows in batches, added to what is there; Redis can gather them first."""

import datetime
import uuid

import pytest

from cms.periodic_flush import NO_THREAD
from insights import buffer as buffer_module
from insights.buffer import Buffer, flush, recording_day
from insights.demand import not_found_signal, page_signal, search_signal, signals_record
from insights.models import NotFoundDay, PageRequestDay, SearchTermDay
from insights.store import counts_store

DAY = datetime.date(2025, 3, 10)
KEY = uuid.uuid4()


@pytest.mark.django_db
def test_counts_are_added_to_the_rows_not_written_over_them():
    with recording_day(DAY):
        signals_record([search_signal("Permesso di soggiorno", "ar", 0)] * 3)
        signals_record([search_signal("permesso di SOGGIORNO", "ar", 4), page_signal(KEY, "ar", is_fallback=True)])
    assert flush() == 2
    with recording_day(DAY):
        signals_record([search_signal("permesso di soggiorno", "ar", 2), page_signal(KEY, "ar", is_fallback=False)])
        signals_record([not_found_signal("/servizi/vecchio/", "ar")])
    assert flush() == 3

    row = SearchTermDay.objects.get()
    assert (row.day, row.locale, row.term) == (DAY, "ar", "permesso di soggiorno")
    assert (row.searches, row.zero_result_searches, row.results) == (5, 3, 2)  # results: the latest search's
    page = PageRequestDay.objects.get()
    assert (page.translation_key, page.requests, page.fallbacks) == (KEY, 2, 1)
    assert NotFoundDay.objects.get().path == "/servizi/vecchio/"


@pytest.mark.django_db
def test_the_upsert_gives_what_counting_row_by_row_gives():
    """The raw INSERT ... ON CONFLICT against the plain ORM path, on the same random-ish counters."""
    counts = {}
    for index in range(60):
        day = DAY + datetime.timedelta(days=index % 3)
        counts[(day, "search", ["it", "ar"][index % 2], f"termine {index % 7}")] = [index + 1, index % 3, index]
    expected: dict = {}
    for _round in range(2):
        counts_store(counts)
        for (day, _kind, locale, term), (count, flags, value) in counts.items():
            row = expected.setdefault((day, locale, term), [0, 0, 0])
            row[0] += count
            row[1] += flags
            row[2] = value
    stored = {
        (row.day, row.locale, row.term): [row.searches, row.zero_result_searches, row.results]
        for row in SearchTermDay.objects.all()
    }
    assert stored == expected


def test_recording_is_off_when_switched_off(settings):
    settings.INSIGHTS_RECORDING = False
    signals_record([search_signal("lavoro", "it", 3)])
    assert len(buffer_module.process_buffer()) == 0


def test_a_flood_of_new_terms_cannot_fill_the_memory(settings):
    settings.INSIGHTS_BUFFER_MAX_KEYS = 10
    buffer = Buffer()
    buffer._thread = NO_THREAD
    buffer.add([search_signal(f"termine casuale {index}", "it", 0) for index in range(100)])
    assert len(buffer) == 20 and buffer.dropped == 80
    buffer.add([search_signal("termine casuale 1", "it", 0)])  # a known term still counts
    assert buffer.take()[(buffer._today(), "search", "it", "termine casuale 1")][0] == 2


@pytest.mark.django_db
def test_counts_that_cannot_be_written_wait_for_the_next_flush(monkeypatch):
    with recording_day(DAY):
        signals_record([search_signal("lavoro", "it", 3)] * 2)

    def database_down(counts):
        raise ConnectionError("database unreachable")

    monkeypatch.setattr("insights.sinks.counts_store", database_down)
    assert flush() == 0
    monkeypatch.undo()
    with recording_day(DAY):
        signals_record([search_signal("lavoro", "it", 3)])
    assert flush() == 1
    assert SearchTermDay.objects.get().searches == 3


@pytest.mark.django_db
def test_a_request_thread_never_writes_a_buffered_count_itself(django_assert_num_queries):
    with django_assert_num_queries(0):
        signals_record([search_signal("lavoro", "it", 3), page_signal(KEY, "fr", is_fallback=True)])


# --- Redis: every process's counts gathered, one writer at a time ------------------------------------------------


@pytest.mark.django_db
def test_with_redis_counts_of_several_processes_are_written_once(settings, redis_url):
    import redis

    settings.INSIGHTS_BUFFER, settings.INSIGHTS_REDIS_URL = "redis", redis_url
    client = redis.Redis.from_url(redis_url)
    worker_a, worker_b = Buffer(), Buffer()
    for worker in (worker_a, worker_b):
        worker._thread = NO_THREAD
        with recording_day(DAY):
            worker.add([search_signal("casa", "uk", 0), page_signal(KEY, "uk", is_fallback=True)])
    from insights.sinks import sink

    sink()._hand_off(worker_a.take())  # worker A only hands over; B's flush drains both
    assert client.exists("insights:pending")
    assert flush(worker_b) == 2
    assert SearchTermDay.objects.get().searches == 2
    assert PageRequestDay.objects.get().fallbacks == 2
    assert not client.keys("insights:*")


@pytest.mark.django_db
def test_with_redis_down_counts_go_to_the_database_directly(settings):
    from tests.smtp import free_port

    settings.INSIGHTS_BUFFER = "redis"
    settings.INSIGHTS_REDIS_URL = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    with recording_day(DAY):
        signals_record([search_signal("casa", "uk", 0)])
    assert flush() == 1
    assert SearchTermDay.objects.get().searches == 1


@pytest.mark.django_db
def test_with_redis_a_failed_drain_keeps_the_counts_in_redis(settings, redis_url, monkeypatch):
    settings.INSIGHTS_BUFFER, settings.INSIGHTS_REDIS_URL = "redis", redis_url
    with recording_day(DAY):
        signals_record([search_signal("casa", "uk", 0)])
    monkeypatch.setattr("insights.sinks.counts_store", lambda counts: (_ for _ in ()).throw(ConnectionError()))
    assert flush() == 0
    monkeypatch.undo()
    assert flush() == 1  # the renamed hash is drained by the next flush
    assert SearchTermDay.objects.get().searches == 1
