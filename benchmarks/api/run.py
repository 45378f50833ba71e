#!/usr/bin/env python
"""`make bench`: the GraphQL API next to its peers (Wagtail's REST API v2, API v3, wagtail-grapple) and the
framework's floor, the same API at 10x the content, and the newsletter.

    .venv/bin/python benchmarks/api/run.py [--db sqlite|postgresql|both] [--rounds 7] [--duration 3] [--profile]
        [--scale 10] [--no-grapple]

For each database: a fresh copy of the seeded data set (benchmarks.api.database), the in-process step (SQL
queries, their growth when items double, warm latency, bytes; benchmarks.api.inprocess; grapple's in a process of
its own virtualenv), then the HTTP step: gunicorn with one sync worker pinned to CPU 0 per side, wrk pinned to
CPU 1, every side's answers checked to carry the same data as ours (benchmarks.api.equality), then the sides of
each workload interleaved round by round. With --scale N: a copy seeded N times larger, ours at 1x and Nx
interleaved, and the publish path on both (benchmarks.api.scale). Then the newsletter benchmark
(benchmarks/newsletter_send.py) at 1,000 and 10,000 recipients. Writes benchmarks/results/latest.json and
latest.md. Environment: BENCH_QUICK=1 (a short run for development), BENCH_DB, BENCH_ROUNDS, BENCH_DURATION,
BENCH_CONNECTIONS, BENCH_SCALE, BENCH_NEWSLETTER_RECIPIENTS ("1000,10000"; "" skips).
"""

import argparse
import contextlib
import json
import math
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT_DIR))

from benchmarks.api import database, equality, report, servers, sides, stats, workloads

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
    parser.add_argument(
        "--scale", type=int, default=int(os.environ.get("BENCH_SCALE", "0") or 0),
        help="also seed N times the data set (10: 28,000 pages) and compare ours at 1x and Nx, with the publish path",
    )
    parser.add_argument("--publishes", type=int, default=3 if quick else 10, help="publishes timed per data set")
    parser.add_argument(
        "--no-grapple", dest="grapple", action="store_false",
        help="leave out the grapple side (it needs var/bench-grapple-venv: make bench-grapple-venv)",
    )
    args = parser.parse_args()
    args.quick = quick
    if args.rounds < 2:
        parser.error("--rounds must be at least 2 (A B, B A)")
    if args.scale == 1 or args.scale < 0:
        parser.error("--scale compares with 1x: give 2 or more (0: off)")
    if args.grapple and not (servers.GRAPPLE_VENV_BIN / "python").exists():
        parser.error("the grapple side needs its virtualenv: `make bench-grapple-venv` (or --no-grapple)")
    return args


# --- Steps --------------------------------------------------------------------------------------------------
def grapple_env(env: dict) -> dict:
    """The same environment, with grapple's settings (its own virtualenv has no strawberry)."""
    return {**env, "DJANGO_SETTINGS_MODULE": "benchmarks.grapple.settings"}


def inprocess_step(db: database.Database, env: dict, run_dir: Path, floor_dir: Path, args) -> dict:
    """Ours, v2 and v3 in one process (interleaved), then grapple in a process of its own virtualenv."""
    output = run_dir / f"inprocess-{db.label}.json"
    command = [
        "-m", "benchmarks.api.inprocess", "--output", str(output), "--floor-dir", str(floor_dir),
        "--rounds", str(args.rounds), "--requests", str(args.requests),
    ]
    main_command = [str(PYTHON), *command, "--sides", ",".join(sides.MAIN_SIDES)]
    if args.profile:
        main_command += ["--profile", str(args.output_dir)]
    subprocess.run(main_command, cwd=PROJECT_DIR, env={**env, "BENCH_DB_LABEL": db.label}, check=True)
    result = json.loads(output.read_text())
    if args.grapple:
        grapple_output = run_dir / f"inprocess-{db.label}-grapple.json"
        subprocess.run(
            [str(servers.GRAPPLE_VENV_BIN / "python"), *command, "--output", str(grapple_output), "--sides", "grapple"],
            cwd=PROJECT_DIR, env=grapple_env(env), check=True,
        )
        grapple = json.loads(grapple_output.read_text())
        for section in ("scaling", "workloads"):
            for name, sides_data in grapple[section].items():
                result[section][name]["grapple"] = sides_data["grapple"]
        result["sides"] = [*result["sides"], "grapple"]
    return result


def _fetch(url: str, body: bytes | None = None) -> bytes:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"} if body else {})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_NO_REDIRECT = urllib.request.build_opener(_NoRedirect)


def _getter(base_url: str):
    """One GET, redirects not followed (v3's find answers 302): (status, Location, body)."""

    def fetch(path: str) -> tuple[int, str, bytes]:
        try:
            with _NO_REDIRECT.open(base_url + path, timeout=60) as response:
                return response.status, response.headers.get("Location", ""), response.read()
        except urllib.error.HTTPError as error:  # a 3xx not followed arrives as an HTTPError
            return error.code, error.headers.get("Location", ""), error.read()

    return fetch


def _answers(side: dict) -> list[bytes]:
    """Every response of the side's requests for one workload, in order."""
    fetch = _getter(side["base_url"])
    bodies = []
    for path, body in side["requests"]:
        if body is not None:
            bodies.append(_fetch(side["base_url"] + path, body))
            continue
        status, _location, answer = fetch(path)
        if status not in (200, 302):
            raise RuntimeError(f"{side['base_url']}{path} answered {status}: {answer[:300]!r}")
        bodies.append(answer)
    return bodies


def measure_sides(sides_to_run: dict[str, dict], args) -> dict:
    """wrk on each side, interleaved. Each side: {"base_url", "requests": [(path, body or None)], "server",
    "script" (a Lua script when the side POSTs or makes several requests)}. Warm-up first.

    A side that needs n requests for one workload is loaded with all n in turn; its workload rate is its request
    rate / n (`workloads_per_second`), the figure compared across sides."""
    for side in sides_to_run.values():
        seconds = []
        for _ in range(3):
            started = time.perf_counter()
            side["bytes"] = sum(len(body) for body in _answers(side))
            seconds.append(time.perf_counter() - started)
        # A slow side gets a longer window (up to 4x), so a round counts a dozen workloads or more: with one
        # worker, a round of 3 requests would make its rate coarse.
        side["duration"] = math.ceil(min(max(args.duration, 12 * min(seconds)), 4 * args.duration))
    runs = {name: [] for name in sides_to_run}
    for _round, name in stats.interleaved_order(list(sides_to_run), args.rounds):
        side = sides_to_run[name]
        first_path = side["requests"][0][0]
        runs[name].append(
            servers.run_wrk(side["base_url"] + first_path, duration=side["duration"], connections=args.connections,
                            script=side.get("script"))
        )
    measured = {}
    for name, side in sides_to_run.items():
        per_workload = len(side["requests"])
        rates = [run["requests_per_second"] / per_workload for run in runs[name]]
        measured[name] = {
            "requests_per_second": stats.summarise(rates),  # workloads per second (= requests for one-request sides)
            "http_requests_per_workload": per_workload,
            "rounds": rates,
            # Few requests in a round make its rate coarse (and wrk drops the one in flight when time is up).
            "requests_per_round": [run["requests"] for run in runs[name]],
            "wrk_duration_seconds": side["duration"],
            # wrk's latencies are per HTTP request (for v3's sequences, of one request of the sequence).
            "latency_ms_p50": stats.summarise([run["latency_ms"].get("p50", 0) for run in runs[name]])["median"],
            "latency_ms_p99": stats.summarise([run["latency_ms"].get("p99", 0) for run in runs[name]])["median"],
            "socket_errors": sum(run["socket_errors"] for run in runs[name]),
            "response_bytes": side["bytes"],
            "worker_peak_memory_kib": side["server"].peak_memory_kib(),
        }
    return measured


def _http_side(server: servers.Gunicorn, run_dir: Path, script_name: str, calls: list) -> dict:
    requests = [
        ("/graphql/", call.body) if isinstance(call, workloads.GraphQLRequest) else (call, None) for call in calls
    ]
    side = {"base_url": server.base_url, "requests": requests, "server": server}
    if len(requests) == 1 and requests[0][1] is not None:
        side["script"] = servers.wrk_script(run_dir, script_name, requests[0][1])
    elif len(requests) > 1:
        if any(body is not None for _path, body in requests):
            raise ValueError("a POST sequence is not supported")
        side["script"] = servers.wrk_sequence_script(run_dir, script_name, [path for path, _body in requests])
    return side


def check_same_data(name: str, sides_to_run: dict[str, dict]) -> dict:
    """Every side's answers reduced to the same digest as ours (benchmarks.api.equality); stops the run if not."""
    ours = equality.digest(name, "graphql", _answers(sides_to_run["graphql"]))
    checked = {}
    for side_name, side in sides_to_run.items():
        if side_name == "graphql":
            continue
        found = equality.differences(name, ours, equality.digest(name, side_name, _answers(side)))
        if found:
            raise RuntimeError(f"{name}: {side_name} does not answer the same data as ours:\n  " + "\n  ".join(found))
        checked[side_name] = "same data"
    size = len(ours["blocks"]) if isinstance(ours, dict) else len(ours)
    return {"compared": checked, "items": size}


def http_step(env: dict, run_dir: Path, floor_dir: Path, args) -> dict:
    results = {}
    uncached_env = {**env, "GRAPHQL_RESPONSE_CACHE_SECONDS": "0"}
    for name, (label, _request, _v2_path) in workloads.UNCACHED.items():
        print(f"  HTTP {name}: {label}", file=sys.stderr)
        with contextlib.ExitStack() as stack:
            started = {
                "graphql": stack.enter_context(servers.Gunicorn(run_dir, uncached_env)),
                "v2": stack.enter_context(servers.Gunicorn(run_dir, env)),
                "v3": stack.enter_context(servers.Gunicorn(run_dir, env)),
            }
            if args.grapple:
                started["grapple"] = stack.enter_context(
                    servers.Gunicorn(run_dir, grapple_env(uncached_env), venv_bin=servers.GRAPPLE_VENV_BIN)
                )
            sides_to_run = {}
            for side_name, server in started.items():
                side_calls = sides.calls(side_name, _getter(server.base_url))["uncached"][name]
                sides_to_run[side_name] = _http_side(server, run_dir, f"{name}-{side_name}", side_calls)
            check = check_same_data(name, sides_to_run)
            results[name] = {"label": label, "same_data": check, **measure_sides(sides_to_run, args)}
        results[name]["ratios"] = {
            side_name: stats.ratio(results[name]["graphql"]["rounds"], results[name][side_name]["rounds"])
            for side_name in started if side_name != "graphql"
        }
        results[name]["ratio"] = results[name]["ratios"]["v2"]  # the v2 comparison, as in earlier runs
    floor_env = {**env, "BENCH_FLOOR_DIR": str(floor_dir)}
    for name, (label, graphql_request) in workloads.CACHED.items():
        print(f"  HTTP {name}: {label}", file=sys.stderr)
        with (
            servers.Gunicorn(run_dir, env) as graphql,
            servers.Gunicorn(run_dir, floor_env) as floor,
            servers.Nginx(run_dir, floor_dir) as nginx,
        ):
            _fetch(graphql.base_url + graphql_request.persisted_path(with_query=True))  # register, fill the cache
            sides_to_run = {
                "graphql_cached": {"base_url": graphql.base_url, "requests": [(graphql_request.persisted_path(), None)],
                                   "server": graphql},
                "django_floor": {"base_url": floor.base_url, "requests": [(f"/bench/floor/{name}/", None)],
                                 "server": floor},
                "nginx_static": {"base_url": nginx.base_url, "requests": [(f"/{name}.json", None)], "server": nginx},
            }
            results[name] = {"label": label, **measure_sides(sides_to_run, args)}
        results[name]["ratio"] = stats.ratio(
            results[name]["graphql_cached"]["rounds"], results[name]["django_floor"]["rounds"]
        )
        results[name]["ratio_to_nginx"] = stats.ratio(
            results[name]["graphql_cached"]["rounds"], results[name]["nginx_static"]["rounds"]
        )
    return results


def scale_step(label: str, small_log: dict, env: dict, run_dir: Path, args) -> dict:
    """Ours at 1x and at `args.scale` times the data set, side by side: the rates of W1-W4 (each pair of servers
    interleaved, as the sides are), SQL queries, the publish path, and how long seeding took."""
    big_label = f"x{args.scale}"
    big = database.PREPARERS[label](run_dir, scale=args.scale)
    envs = {"x1": env, big_label: database.base_env(big.url, big.media_root)}
    result = {"scale": args.scale, "dataset": big.prepare_log, "seeded_in_this_run": big.seeded_now, "http": {}}
    for name, (workload_label, request, _v2_path) in workloads.UNCACHED.items():
        print(f"  HTTP x1 / {big_label} {name}: {workload_label}", file=sys.stderr)
        with contextlib.ExitStack() as stack:
            sides_to_run = {}
            for side, side_env in envs.items():
                server = stack.enter_context(
                    servers.Gunicorn(run_dir, {**side_env, "GRAPHQL_RESPONSE_CACHE_SECONDS": "0"})
                )
                sides_to_run[side] = _http_side(server, run_dir, f"scale-{name}-{side}", [request])
            answers = {side: equality.digest(name, "graphql", _answers(data)) for side, data in sides_to_run.items()}
            # The same page and the same first 50 events at every scale; search finds ten times the hits.
            same = (answers["x1"] == answers[big_label]) if name != "W3" else len(answers["x1"]) == len(answers[big_label])
            if not same:
                raise RuntimeError(f"{name}: the {big_label} data set does not answer as the 1x one does")
            result["http"][name] = {"label": workload_label, **measure_sides(sides_to_run, args)}
        result["http"][name]["ratio"] = stats.ratio(
            result["http"][name][big_label]["rounds"], result["http"][name]["x1"]["rounds"]
        )
    for name, (workload_label, request) in workloads.CACHED.items():
        print(f"  HTTP x1 / {big_label} {name}: {workload_label}", file=sys.stderr)
        with contextlib.ExitStack() as stack:
            sides_to_run = {}
            for side, side_env in envs.items():
                server = stack.enter_context(servers.Gunicorn(run_dir, side_env))
                _fetch(server.base_url + request.persisted_path(with_query=True))  # register, fill the cache
                sides_to_run[side] = {"base_url": server.base_url, "requests": [(request.persisted_path(), None)],
                                      "server": server}
            result["http"][name] = {"label": workload_label, **measure_sides(sides_to_run, args)}
        result["http"][name]["ratio"] = stats.ratio(
            result["http"][name][big_label]["rounds"], result["http"][name]["x1"]["rounds"]
        )
    result["inprocess"] = {}
    for side, side_env in envs.items():
        print(f"  {side}: SQL queries, publish path", file=sys.stderr)
        output = run_dir / f"scale-{label}-{side}.json"
        subprocess.run(
            [str(PYTHON), "-m", "benchmarks.api.scale", "--output", str(output), "--publishes", str(args.publishes)],
            cwd=PROJECT_DIR, env={**side_env, "TASKS_BACKEND": "django_tasks_db.DatabaseBackend"}, check=True,
        )
        result["inprocess"][side] = json.loads(output.read_text())
    # Seeding happens once per change of the seeder or a migration (then cached): these are the times it took then.
    result["seed"] = {
        side: {"seconds": log.get("seed_seconds"), "phases": log.get("counts", {}).get("seconds"),
               "pages": log.get("counts", {}).get("pages")}
        for side, log in (("x1", small_log), (big_label, big.prepare_log))
    }
    return result


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
            "sides": list(sides.ALL_SIDES if args.grapple else sides.MAIN_SIDES), "scale": args.scale,
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
            if args.scale:
                results["databases"][label]["scale"] = scale_step(label, db.prepare_log, env, run_dir, args)
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
