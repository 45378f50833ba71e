"""`make load`'s bookkeeping: how an answer is classified and which windows it counts in. No timing asserted."""

import json

from benchmarks.load.report import Window, figures, reading
from benchmarks.load.traffic import Answer, classify


def test_answers_are_classified_by_kind():
    assert classify(200, b'{"data": {"page": null}}') is None
    assert classify(503, json.dumps({"data": None, "errors": [{"extensions": {"code": "SERVICE_UNAVAILABLE"}}]})
                    .encode()) == "503 SERVICE_UNAVAILABLE"
    assert classify(503, b"The service is temporarily unavailable") == "503 (page)"
    assert classify(200, b'{"errors": [{"extensions": {"code": "INTERNAL_SERVER_ERROR"}}]}') == (
        "graphql INTERNAL_SERVER_ERROR")
    assert classify(200, b'{"errors": [{"message": "connection to server at 127.0.0.1 failed"}]}') == "leak"


def test_an_answer_counts_in_every_window_it_overlaps():
    fault = Window("Redis hung", start=100.0, end=110.0, fault=True)

    assert fault.holds(95.0, seconds=6.0)  # waited in the queue from before, answered during the fault
    assert not fault.holds(95.0, seconds=4.0)
    assert fault.holds(111.5)  # within the grace after the part is back
    assert not fault.holds(112.5)


def test_errors_outside_every_fault_window_are_counted_apart():
    windows = [Window("warm-up", 0, 10, False), Window("baseline", 10, 50, False),
               Window("PostgreSQL restart", 50, 51, True)]
    answers = [Answer(20.0, 0.1, "feed", 200, None, "hit"),
               Answer(50.5, 0.1, "cached GET", 503, "503 SERVICE_UNAVAILABLE", ""),
               Answer(60.0, 0.1, "search", 500, "500 (page)", "")]
    health = [{"t": 50.2, "seconds": 0.01, "http": 503, "database": "unavailable", "cache": "ok"}]

    rows = {row["window"]: row for row in figures(windows, answers, health, [], start=0, end=70)}

    assert rows["PostgreSQL restart"]["errors"] == {"503 SERVICE_UNAVAILABLE": 1}
    assert rows["outside every fault window"]["errors"] == {"500 (page)": 1}
    assert rows["PostgreSQL restart"]["healthz"]["states"] == {"503:unavailable/ok": 1}
    run = {"windows": list(rows.values()), "newsletter": {"skipped": 0, "duplicated": 0,
           "duplicates_same_message_id": 0, "pause_seconds": 30.0, "resumed_by": "worker-2"}}
    assert reading(run)[0] == "- Outside the fault windows: 1 errors in 2 requests (1 × 500 (page))."
