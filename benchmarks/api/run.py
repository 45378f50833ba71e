#!/usr/bin/env python
"""`make bench`: the GraphQL API next to Wagtail's REST API v2 and the framework's floor, and the newsletter.

    .venv/bin/python benchmarks/api/run.py [--db sqlite|postgresql|both] [--rounds 7] [--duration 3] [--profile]

For each database: a fresh copy of the seeded data set (benchmarks.api.database), the in-process step (SQL
queries, their growth when items double, warm latency, bytes; benchmarks.api.inprocess), then the HTTP step:
gunicorn with one sync worker pinned to CPU 0, wrk pinned to CPU 1, the sides of each workload interleaved
round by round. Then the newsletter benchmark (benchmarks/newsletter_send.py) at 1,000 and 10,000 recipients.
Writes benchmarks/results/latest.json and latest.md. Environment: BENCH_QUICK=1 (a short run for development),
BENCH_DB, BENCH_ROUNDS, BENCH_DURATION, BENCH_CONNECTIONS, BENCH_NEWSLETTER_RECIPIENTS ("1000,10000"; "" skips).
"""

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT_DIR))

from benchmarks.api import database, report, servers, stats, workloads

RESULTS_DIR = PROJECT_DIR / "benchmarks" / "results"
PYTHON = PROJECT_DIR / ".venv" / "bin" / "python"


def options() -> argparse.Namespace:
    quick = os.environ.get("BENCH_QUICK", "") not in ("", "0")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=os.environ.get("BENCH_DB", "both"), choices=["both", "sqlite", "postgresql"])
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS", "3" if quick else "7")))
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", "2" if quick else "3")),
        help="seconds of wrk per side and round (whole seconds: wrk takes no fractions)")
    parser.add_argument("--connections", type=int, default=int(os.environ.get("BENCH_CONNECTIONS", "8")))
    parser.add_argument("--requests", type=int, default=5 if quick else 10, help="in-process requests per side and round")
    parser.add_argument(
        "--newsletter", default=os.environ.get("BENCH_NEWSLETTER_RECIPIENTS", "1000" if quick else "1000,10000"),
        help="recipient counts for benchmarks/newsletter_send.py, comma-separated; empty skips it",
    )
    parser.add_argument("--profile", action="store_true", help="pyinstrument profiles of W1 and W2 into results/")
    parser.add_argument("--output-dir", type=Path, default=RESULTS_DIR)
    args = parser.parse_args()
    args.quick = quick
    if args.rounds < 2:
        parser.error("--rounds must be at least 2 (A B, B A)")
    return args


# --- Steps --------------------------------------------------------------------------------------------------
def inprocess_step(db: database.Database, env: dict, run_dir: Path, floor_dir: Path, args) -> dict:
    output = run_dir / f"inprocess-{db.label}.json"
    command = [
        str(PYTHON), "-m", "benchmarks.api.inprocess", "--output", str(output), "--floor-dir", str(floor_dir),
        "--rounds", str(args.rounds), "--requests", str(args.requests),
    ]
    if args.profile:
        command += ["--profile", str(args.output_dir)]
    subprocess.run(command, cwd=PROJECT_DIR, env={**env, "BENCH_DB_LABEL": db.label}, check=True)
    return json.loads(output.read_text())


def _fetch(url: str, body: bytes | None = None) -> bytes:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"} if body else {})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read()


def measure_sides(sides: dict[str, dict], args) -> dict:
    """wrk on each side, interleaved; each side: {"url", "script", "server"}. Warm-up first."""
    for side in sides.values():
        seconds = []
        for _ in range(3):
            started = time.perf_counter()
            side["bytes"] = len(_fetch(side["url"], side.get("body")))
            seconds.append(time.perf_counter() - started)
        # A slow side gets a longer window (up to 4x), so a round counts a dozen requests or more: with one
        # worker, a round of 3 requests would make its rate coarse.
        side["duration"] = math.ceil(min(max(args.duration, 12 * min(seconds)), 4 * args.duration))
    runs = {name: [] for name in sides}
    for _round, name in stats.interleaved_order(list(sides), args.rounds):
        side = sides[name]
        runs[name].append(
            servers.run_wrk(side["url"], duration=side["duration"], connections=args.connections,
                            script=side.get("script"))
        )
    measured = {}
    for name, side in sides.items():
        rates = [run["requests_per_second"] for run in runs[name]]
        measured[name] = {
            "requests_per_second": stats.summarise(rates),
            "rounds": rates,
            # Few requests in a round make its rate coarse (and wrk drops the one in flight when time is up).
            "requests_per_round": [run["requests"] for run in runs[name]],
            "wrk_duration_seconds": side["duration"],
            "latency_ms_p50": stats.summarise([run["latency_ms"].get("p50", 0) for run in runs[name]])["median"],
            "latency_ms_p99": stats.summarise([run["latency_ms"].get("p99", 0) for run in runs[name]])["median"],
            "socket_errors": sum(run["socket_errors"] for run in runs[name]),
            "response_bytes": side["bytes"],
            "worker_peak_memory_kib": side["server"].peak_memory_kib(),
        }
    return measured


def http_step(env: dict, run_dir: Path, floor_dir: Path, args) -> dict:
    results = {}
    uncached_env = {**env, "GRAPHQL_RESPONSE_CACHE_SECONDS": "0"}
    for name, (label, graphql_request, v2_path) in workloads.UNCACHED.items():
        print(f"  HTTP {name}: {label}", file=sys.stderr)
        with servers.Gunicorn(run_dir, uncached_env) as graphql, servers.Gunicorn(run_dir, env) as v2:
            sides = {
                "graphql": {"url": f"{graphql.base_url}/graphql/", "body": graphql_request.body,
                            "script": servers.wrk_script(run_dir, name, graphql_request.body), "server": graphql},
                "v2": {"url": f"{v2.base_url}{v2_path}", "server": v2},
            }
            results[name] = {"label": label, **measure_sides(sides, args)}
        results[name]["ratio"] = stats.ratio(results[name]["graphql"]["rounds"], results[name]["v2"]["rounds"])
    floor_env = {**env, "BENCH_FLOOR_DIR": str(floor_dir)}
    for name, (label, graphql_request) in workloads.CACHED.items():
        print(f"  HTTP {name}: {label}", file=sys.stderr)
        with (
            servers.Gunicorn(run_dir, env) as graphql,
            servers.Gunicorn(run_dir, floor_env) as floor,
            servers.Nginx(run_dir, floor_dir) as nginx,
        ):
            _fetch(graphql.base_url + graphql_request.persisted_path(with_query=True))  # register, fill the cache
            sides = {
                "graphql_cached": {"url": graphql.base_url + graphql_request.persisted_path(), "server": graphql},
                "django_floor": {"url": f"{floor.base_url}/bench/floor/{name}/", "server": floor},
                "nginx_static": {"url": f"{nginx.base_url}/{name}.json", "server": nginx},
            }
            results[name] = {"label": label, **measure_sides(sides, args)}
        results[name]["ratio"] = stats.ratio(
            results[name]["graphql_cached"]["rounds"], results[name]["django_floor"]["rounds"]
        )
        results[name]["ratio_to_nginx"] = stats.ratio(
            results[name]["graphql_cached"]["rounds"], results[name]["nginx_static"]["rounds"]
        )
    return results


def newsletter_step(recipients: list[int], run_dir: Path) -> dict:
    """benchmarks/newsletter_send.py as its author runs it (its own SQLite database and SMTP sink)."""
    results = {}
    for count in recipients:
        output = run_dir / f"newsletter-{count}.json"
        print(f"newsletter: {count} recipients", file=sys.stderr)
        done = subprocess.run(
            [str(PYTHON), "benchmarks/newsletter_send.py", "--recipients", str(count), "--output", str(output)],
            cwd=PROJECT_DIR, env={k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}, check=False,
        )
        if done.returncode or not output.exists():
            results[str(count)] = {"error": f"newsletter_send.py exited {done.returncode}"}
            continue
        report_data = json.loads(output.read_text())
        results[str(count)] = {"summary": report_data.get("summary", {}), "setup": report_data.get("setup", {})}
    return results


# --- Main ---------------------------------------------------------------------------------------------------
def main() -> int:
    args = options()
    started = time.monotonic()
    labels = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    machine = report.machine_info()
    print(f"machine: {machine['cpu_count']} CPUs, load {machine['load_average_at_start']}", file=sys.stderr)
    run_dir = Path(tempfile.mkdtemp(prefix="api-bench-"))
    run_dir.chmod(0o755)  # nginx's worker reads the floor files from here
    results = {
        "benchmark": "api",
        "machine": machine,
        "config": {
            "quick": args.quick, "rounds": args.rounds, "wrk_duration_seconds": args.duration,
            "wrk_connections": args.connections, "wrk_threads": 1, "gunicorn": "1 sync worker",
            "server_cpu": servers.SERVER_CPU, "load_cpu": servers.LOAD_CPU,
            "inprocess_requests_per_round": args.requests, "dataset_key": database.dataset_key(),
        },
        "databases": {},
    }
    try:
        for label in labels:
            print(f"database: {label}", file=sys.stderr)
            db = database.PREPARERS[label](run_dir)
            env = database.base_env(db.url, db.media_root)
            floor_dir = run_dir / f"floor-{label}"
            print("  in-process: SQL queries, latency, bytes", file=sys.stderr)
            inprocess = inprocess_step(db, env, run_dir, floor_dir, args)
            for path in [floor_dir, *floor_dir.iterdir()]:
                path.chmod(0o755 if path.is_dir() else 0o644)
            http = http_step(env, run_dir, floor_dir, args)
            results["databases"][label] = {
                "dataset": db.prepare_log, "seeded_in_this_run": db.seeded_now, "inprocess": inprocess, "http": http,
            }
        recipients = [int(value) for value in args.newsletter.split(",") if value.strip()]
        results["newsletter"] = newsletter_step(recipients, run_dir) if recipients else {}
    finally:
        machine["load_average_at_end"] = [round(value, 2) for value in os.getloadavg()]
        machine["runtime_seconds"] = round(time.monotonic() - started)
    results["targets"] = report.targets(results)
    args.output_dir.mkdir(parents=True, exist_ok=True)
    (args.output_dir / "latest.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    (args.output_dir / "latest.md").write_text(report.markdown(results))
    print((args.output_dir / "latest.md").read_text())
    subprocess.run(["rm", "-rf", str(run_dir)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
