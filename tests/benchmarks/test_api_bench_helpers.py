"""The API benchmark's pure helpers: run order, summaries, ratios, wrk's output, the seeded bodies.

No timing is asserted anywhere: these check the arithmetic and the bookkeeping the figures rely on.
"""

import hashlib
import json
from collections import Counter
from urllib.parse import parse_qs, urlsplit

import pytest

from benchmarks.api import equality, stats, v3, workloads
from benchmarks.api.seed import TEXT, service_body
from benchmarks.api.servers import wrk_script, wrk_sequence_script

WRK_OUTPUT = """Running 3s test @ http://127.0.0.1:41000/graphql/
  1 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   103.21ms   12.50ms 180.02ms   80.00%
    Req/Sec    77.10      9.80    90.00     70.00%
  Latency Distribution
     50%  101.50ms
     75%  108.00ms
     90%  115.20ms
     99%    1.20s
  231 requests in 3.00s, 1.80MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:     76.95
Transfer/sec:    612.34KB
"""


def test_interleaved_order_alternates_direction_every_round():
    assert stats.interleaved_order(["A", "B"], 4) == [
        (0, "A"), (0, "B"), (1, "B"), (1, "A"), (2, "A"), (2, "B"), (3, "B"), (3, "A"),
    ]


def test_interleaved_order_puts_each_side_first_equally_often_with_three_sides():
    order = stats.interleaved_order(["A", "B", "C"], 6)
    firsts = Counter(side for index, (_round, side) in enumerate(order) if index % 3 == 0)
    assert firsts == {"A": 3, "C": 3}
    assert Counter(side for _round, side in order) == {"A": 6, "B": 6, "C": 6}


def test_summarise_gives_median_and_relative_spread():
    summary = stats.summarise([100, 104, 96, 102, 98, 101, 99])
    assert summary["median"] == 100
    assert summary["spread"] == pytest.approx(0.08)
    assert summary["unstable"] is False
    assert summary["rounds"] == 7


def test_summarise_marks_a_spread_over_ten_percent_unstable():
    assert stats.summarise([100, 111, 100])["unstable"] is True
    assert stats.summarise([100, 110, 100])["unstable"] is False  # exactly 10 % is still stable


def test_summarise_of_nothing_is_unstable_and_empty():
    assert stats.summarise([]) == {
        "median": None, "min": None, "max": None, "spread": None, "unstable": True, "rounds": 0,
    }


def test_ratio_of_medians_and_paired_rounds():
    result = stats.ratio([30, 20, 40], [10, 10, 20])
    assert result["of_medians"] == pytest.approx(30 / 10)
    assert result["paired"]["median"] == 2
    assert (result["paired"]["min"], result["paired"]["max"]) == (2, 3)


def test_ratio_against_a_side_that_served_nothing_is_not_a_number():
    assert stats.ratio([5, 6], [0, 0])["of_medians"] is None


def test_percentile_nearest_rank():
    values = list(range(1, 101))
    assert stats.percentile(values, 0.5) == 50
    assert stats.percentile(values, 0.99) == 99
    assert stats.percentile([7.0], 0.99) == 7.0


def test_parse_wrk_reads_rate_latency_and_failures():
    parsed = stats.parse_wrk(WRK_OUTPUT)
    assert parsed["requests_per_second"] == 76.95
    assert parsed["requests"] == 231
    assert parsed["latency_ms"] == {"p50": 101.5, "p75": 108.0, "p90": 115.2, "p99": 1200.0}
    assert parsed["socket_errors"] == 3
    assert parsed["non_2xx"] == 4


def test_parse_wrk_without_failures_lines():
    output = "\n".join(
        line for line in WRK_OUTPUT.splitlines() if "Socket errors" not in line and "Non-2xx" not in line
    )
    parsed = stats.parse_wrk(output)
    assert (parsed["socket_errors"], parsed["non_2xx"]) == (0, 0)


def test_target_verdict():
    assert stats.target_verdict(1.5, 1.5) == "met"
    assert stats.target_verdict(1.49, 1.5) == "missed"
    assert stats.target_verdict(None, 1.5) == "not measured"
    assert stats.target_verdict(8, 10, higher_is_better=False) == "met"


def test_persisted_query_path_carries_the_documents_sha256():
    request = workloads.page_request()
    query = parse_qs(urlsplit(request.persisted_path()).query)
    extensions = json.loads(query["extensions"][0])
    assert extensions["persistedQuery"]["sha256Hash"] == hashlib.sha256(request.query.encode()).hexdigest()
    assert json.loads(query["variables"][0]) == {"path": "/servizi/servizio-001/", "locale": "it"}
    assert "query" not in query
    assert parse_qs(urlsplit(request.persisted_path(with_query=True)).query)["query"] == [request.query]


def test_the_doubled_items_are_the_same_request_with_twice_the_items():
    assert workloads.events_request(25).variables["first"] * 2 == workloads.events_request(50).variables["first"]
    assert workloads.SCALING["W2"]["events"] == (25, 50)


def test_service_body_halves_reference_the_same_kinds_of_objects():
    """The 10-block page asks the same tables as the 20-block one: only the number of each doubles."""
    pages = list(range(100, 110))
    body = service_body(TEXT["it"], "service/1", images=[1, 2], pages=pages, document=7, blocks=20)
    assert len(body) == 20
    first, second = body[:10], body[10:]
    reaching = {"paragraph", "image", "call_to_action", "document", "related_pages"}
    assert {b["type"] for b in first} & reaching == {b["type"] for b in second} & reaching == reaching
    assert len({b["id"] for b in body}) == 20
    assert service_body(TEXT["it"], "service/1", images=[1, 2], pages=pages, document=7, blocks=10) == first


def test_wrk_script_posts_the_json_body(tmp_path):
    body = workloads.events_request().body
    script = wrk_script(tmp_path, "W2", body).read_text()
    assert 'wrk.method = "POST"' in script
    assert f"[==[{body.decode()}]==]" in script


def test_wrk_sequence_script_gets_each_path_in_turn(tmp_path):
    script = wrk_sequence_script(tmp_path, "W2-v3", ["/api/v3/pages/?limit=2", "/api/v3/pages/7/"]).read_text()
    assert '"/api/v3/pages/?limit=2",\n  "/api/v3/pages/7/"' in script
    assert "next_index % #paths + 1" in script


def test_v3_sequences_follow_find_and_the_listing():
    """W1 is find (302) then the detail it points to; W2 the listing then one detail per event, in order."""
    answers = {
        v3.find_path(): (302, "http://localhost/api/v3/pages/42/?", b""),
        v3.events_path(2): (200, "", json.dumps({"count": 2, "items": [{"id": 9}, {"id": 5}]}).encode()),
    }
    assert v3.page_calls(answers.__getitem__) == [v3.find_path(), "/api/v3/pages/42/"]
    assert v3.events_calls(answers.__getitem__, 2) == [v3.events_path(2), "/api/v3/pages/9/", "/api/v3/pages/5/"]
    with pytest.raises(RuntimeError):
        v3.page_calls(lambda path: (200, "", b"{}"))


def test_the_sides_page_digests_agree_across_shapes():
    """One page as ours, grapple and the REST APIs give it: the same digest; a changed text is reported."""
    html = '<p>Il servizio <a href="/x/">vedi anche</a>.</p>'
    ours = {"data": {"page": {"title": "T", "topics": [{"name": "Lavoro"}], "body": [
        {"blockType": "heading", "text": "Come", "level": "h2"},
        {"blockType": "paragraph", "html": html},
        {"blockType": "steps", "title": "Passi", "steps": [{"title": "Passo 1", "description": "<p>x</p>"}]},
        {"blockType": "related_pages", "title": "Vedi", "pages": [{"title": "E", "url": "/e/"}]},
    ]}}}
    grapple = {"data": {"page": {"title": "T", "topics": [{"name": "Lavoro"}], "body": [
        {"field": "heading", "text": "Come", "level": "h2"},
        {"field": "paragraph", "value": html.replace('href="/x/"', 'href="http://h/x/"')},
        {"field": "steps", "title": "Passi", "steps": [{"title": "Passo 1", "description": "<p>x</p>"}]},
        {"field": "related_pages", "title": "Vedi", "pages": [{"title": "E", "url": None}]},
    ]}}}
    rest = {"title": "T", "topics": [{"name": "Lavoro", "slug": "l"}], "body": [
        {"type": "heading", "value": {"text": "Come", "level": "h2"}},
        {"type": "paragraph", "value": '<p>Il servizio <a linktype="page" id="3">vedi anche</a>.</p>'},
        {"type": "steps", "value": {"title": "Passi", "steps": [{"type": "item", "value": {"title": "Passo 1"}}]}},
        {"type": "related_pages", "value": {"title": "Vedi", "pages": [{"type": "item", "value": 12}]}},
    ]}
    digest = equality.digest("W1", "graphql", [json.dumps(ours).encode()])
    assert equality.digest("W1", "grapple", [json.dumps(grapple).encode()]) == digest
    assert equality.digest("W1", "v2", [json.dumps(rest).encode()]) == digest
    assert equality.digest("W1", "v3", [b"", json.dumps(rest).encode()]) == digest
    rest["body"][0]["value"]["text"] = "Altro"
    changed = equality.digest("W1", "v2", [json.dumps(rest).encode()])
    assert equality.differences("W1", digest, changed) == [
        "block 0: {'type': 'heading', 'text': 'Come'} != {'type': 'heading', 'text': 'Altro'}"
    ]


def test_event_starts_compare_as_instants():
    assert equality._event("E", "2030-01-07 18:00:00+00:00", None) == equality._event("E", "2030-01-07T19:00:00+01:00", None)
