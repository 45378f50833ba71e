"""In-process step: SQL queries per request (and their growth when items double), warm latency, response bytes.

Run by run.py in its own process, with the benchmark's settings and database in the environment:

    python -m benchmarks.api.inprocess --output FILE --floor-dir DIR [--sides graphql,v2,v3] [--requests N]
        [--rounds R] [--profile DIR]

The grapple side runs in a process of its own (its virtualenv has no strawberry): `--sides grapple`.

Requests go through Django's test Client: the whole middleware stack and URL routing, no socket. GraphQL's
response cache is off for W1-W3 (`GRAPHQL_RESPONSE_CACHE_SECONDS=0` in the environment would turn it off for
W4 too, so it is switched per request here with override_settings). It also writes the floor: the GraphQL
response bodies of W4's two queries, which the floor view and nginx serve as prebuilt bytes.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT_DIR))

from benchmarks.api import sides, stats, workloads


def override_settings(**kwargs):
    from django.test import override_settings as override

    return override(**kwargs)


def _client():
    from django.test import Client

    return Client(HTTP_HOST="localhost")


def _uncached_settings():
    from django.conf import settings

    return override_settings(GRAPHQL_API={**settings.GRAPHQL_API, "RESPONSE_CACHE_SECONDS": 0})


def _fetcher(client):
    """One GET, redirects not followed: what v3's sequences are resolved with."""

    def fetch(path: str) -> tuple[int, str, bytes]:
        response = client.get(path)
        return response.status_code, response.headers.get("Location", ""), response.content

    return fetch


def _requester(client, side: str, calls: list):
    """A function making this side's requests for one workload (checking each succeeded); returns their bytes."""

    def one(call) -> int:
        if isinstance(call, workloads.GraphQLRequest):
            response = client.post("/graphql/", call.body, content_type="application/json")
        else:
            response = client.get(call)
        _check(response, side)
        return len(response.content)

    def run() -> int:
        return sum(one(call) for call in calls)

    return run


def _check(response, side: str) -> None:
    ok = response.status_code == 200 or (side == "v3" and response.status_code == 302)  # v3's find redirects
    if not ok or (side.startswith(("graphql", "grapple")) and b'"errors"' in response.content[:5000]):
        raise SystemExit(f"{side}: HTTP {response.status_code}: {response.content[:500]!r}")


def count_queries(make_request) -> tuple[int, int]:
    """SQL queries of one warm run of a side's requests for a workload, and the bytes they answered."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_request()  # warm: renditions made, caches filled
    with CaptureQueriesContext(connection) as captured:
        size = make_request()
    return len(captured.captured_queries), size


def time_sides(requesters: dict, *, rounds: int, per_round: int) -> dict[str, list[float]]:
    """Per-request wall times (ms) of each side, the sides interleaved round by round."""
    for make_request in requesters.values():
        for _ in range(3):
            make_request()
    times = {side: [] for side in requesters}
    for _round, side in stats.interleaved_order(list(requesters), rounds):
        make_request = requesters[side]
        for _ in range(per_round):
            started = time.perf_counter()
            make_request()
            times[side].append((time.perf_counter() - started) * 1000)
    return times


def latency_summary(values: list[float]) -> dict:
    return {
        "p50_ms": stats.percentile(values, 0.5),
        "p99_ms": stats.percentile(values, 0.99),
        "requests": len(values),
    }


def measure(args) -> dict:
    client = _client()
    side_names = [side for side in args.sides.split(",") if side]
    result = {"sides": side_names, "scaling": {}, "workloads": {}}
    with _uncached_settings():
        side_calls = {side: sides.calls(side, _fetcher(client)) for side in side_names}
        for name in workloads.SCALING:
            unit, items = sides.workload_items(name)
            result["scaling"][name] = {"items": list(items), "unit": unit}
            for side in side_names:
                counts = [count_queries(_requester(client, side, calls)) for calls in side_calls[side]["scaling"][name]]
                result["scaling"][name][side] = {
                    "queries": [count for count, _size in counts],
                    "constant": len({count for count, _size in counts}) == 1,
                    "http_requests": [len(calls) for calls in side_calls[side]["scaling"][name]],
                }
        for name, (label, _request, _v2) in workloads.UNCACHED.items():
            requesters = {side: _requester(client, side, side_calls[side]["uncached"][name]) for side in side_names}
            times = time_sides(requesters, rounds=args.rounds, per_round=args.requests)
            result["workloads"][name] = {"label": label}
            for side, make_request in requesters.items():
                queries, size = count_queries(make_request)
                result["workloads"][name][side] = {
                    **latency_summary(times[side]),
                    "sql_queries": queries,
                    "response_bytes": size,
                    "http_requests": len(side_calls[side]["uncached"][name]),
                }
    if "graphql" in side_names:
        with override_settings(BENCH_FLOOR_DIR=str(args.floor_dir)):
            result["workloads"].update(_cached(client, args))
        if args.profile:
            _profile(client, Path(args.profile), args.requests)
    return result


def _cached(client, args) -> dict:
    """W4: persisted queries over GET, response cache warm, next to the prebuilt bytes of the same responses."""
    from django.core.cache import cache

    cache.clear()
    floor_dir = Path(args.floor_dir)
    floor_dir.mkdir(parents=True, exist_ok=True)
    measured = {}
    for name, (label, graphql_request) in workloads.CACHED.items():
        register = client.get(graphql_request.persisted_path(with_query=True))
        _check(register, "graphql-cached")
        hit = client.get(graphql_request.persisted_path())
        _check(hit, "graphql-cached")
        if hit.headers.get("X-GraphQL-Cache") != "hit":
            raise SystemExit(f"{name}: the persisted query was not served from the response cache")
        (floor_dir / f"{name}.json").write_bytes(hit.content)
        # Read the bodies again: the floor view caches what it read, and this process may have read none yet.
        from benchmarks.api import floor

        floor._bodies.cache_clear()
        requesters = {
            "graphql_cached": _requester(client, "graphql-cached", [graphql_request.persisted_path()]),
            "django_floor": _requester(client, "django_floor", [f"/bench/floor/{name}/"]),
        }
        times = time_sides(requesters, rounds=args.rounds, per_round=args.requests)
        measured[name] = {
            "label": label,
            **{
                side: {
                    **latency_summary(times[side]),
                    "sql_queries": count_queries(requesters[side])[0],
                    "response_bytes": requesters[side](),
                }
                for side in requesters
            },
        }
    return measured


def _profile(client, folder: Path, requests: int) -> None:
    """pyinstrument profiles of GraphQL's W1 and W2 (uncached, warm) and of W1 served from the response cache."""
    from django.conf import settings
    from pyinstrument import Profiler

    folder.mkdir(parents=True, exist_ok=True)
    label = os.environ.get("BENCH_DB_LABEL", "db")
    cached_page = workloads.CACHED["W4-page"][1]
    client.get(cached_page.persisted_path(with_query=True))
    subjects = [
        ("W1", "uncached", _requester(client, "graphql", [workloads.UNCACHED["W1"][1]])),
        ("W2", "uncached", _requester(client, "graphql", [workloads.UNCACHED["W2"][1]])),
        ("W4-page", "cached", _requester(client, "graphql-cached", [cached_page.persisted_path()])),
    ]
    for name, kind, make_request in subjects:
        cache_seconds = 0 if kind == "uncached" else settings.GRAPHQL_API["RESPONSE_CACHE_SECONDS"]
        with override_settings(GRAPHQL_API={**settings.GRAPHQL_API, "RESPONSE_CACHE_SECONDS": cache_seconds}):
            for _ in range(3):
                make_request()
            profiler = Profiler(interval=0.0005)
            profiler.start()
            for _ in range(requests):
                make_request()
            profiler.stop()
        text = profiler.output_text(unicode=True, color=False, show_all=False)
        (folder / f"profile_{name}_graphql_{label}.txt").write_text(
            f"# pyinstrument, {requests} warm {kind} requests of {name} (GraphQL), database {label}\n{text}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--floor-dir", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--requests", type=int, default=20, help="requests per side per round")
    parser.add_argument("--profile", default="", help="folder for pyinstrument profiles of W1 and W2")
    parser.add_argument("--sides", default=",".join(sides.MAIN_SIDES),
                        help="comma-separated; `grapple` alone, from its own virtualenv and settings")
    args = parser.parse_args()
    import django

    django.setup()
    args.output.write_text(json.dumps(measure(args), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
