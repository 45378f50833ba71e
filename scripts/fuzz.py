"""`make fuzz`: a bounded schemathesis run, in its GraphQL mode, against the demo served on loopback.

The demo is seeded once into var/fuzz/ (a throw-away SQLite database and media folder, reused by later runs) and
served by gunicorn on a free loopback port in development mode (introspection on, errors unmasked, so a failure
shows its message). schemathesis reads the schema by introspection, generates queries and mutations for every
root field (`--max-examples` per field, arguments partly from scripts/fuzz.toml), and checks every answer with
scripts/fuzz_checks.py: no HTTP 5xx, no INTERNAL_SERVER_ERROR. The server's log (tracebacks) is kept in
var/fuzz/server.log. Prints the run's size; exits non-zero on any failure. Not part of `make test`.
"""

import argparse
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VAR = ROOT / "var" / "fuzz"
BIN = Path(sys.executable).parent


def _environment() -> dict:
    return {
        **os.environ,
        "DJANGO_ENV": "development",
        "DATABASE_URL": f"sqlite:///{VAR / 'demo.sqlite3'}",
        "MEDIA_ROOT": str(VAR / "media"),
        "DISTRIBUTION_WEBHOOK_URLS": "",  # nothing leaves the machine
    }


def _demo_ensure() -> None:
    stamp = VAR / "seeded"
    if stamp.exists():
        return
    VAR.mkdir(parents=True, exist_ok=True)
    for command in (["migrate", "--no-input", "-v0"], ["seed_demo", "-v0"]):
        subprocess.run([BIN / "python", "manage.py", *command], cwd=ROOT, env=_environment(), check=True)
    stamp.touch()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_ready(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped: see {VAR / 'server.log'}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the server did not start in time")


def _report_summary(report_dir: Path) -> dict:
    """Test cases and operations of the run, from schemathesis' ndjson event stream."""
    (path,) = sorted(report_dir.glob("*.ndjson"))[-1:]
    cases, operations, failures = 0, set(), 0
    for line in path.read_text().splitlines():
        event = json.loads(line)
        finished = event.get("ScenarioFinished")
        if finished:
            recorder = finished.get("recorder") or {}
            cases += len(recorder.get("cases") or {})
            label = recorder.get("label")
            if label:
                operations.add(label)
            failures += sum(
                1 for checks in (recorder.get("checks") or {}).values() for check in checks
                if check.get("status") == "FAILURE"
            )
    return {"test_cases": cases, "operations": len(operations), "failed_checks": failures}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-examples", type=int, default=100, help="generated cases per root field")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--mode", choices=["all", "positive", "negative"], default="all",
                        help="valid queries, invalid ones, or both (schemathesis --mode)")
    args = parser.parse_args()

    _demo_ensure()
    port = _free_port()
    report_dir = VAR / "report"
    report_dir.mkdir(parents=True, exist_ok=True)
    with open(VAR / "server.log", "w") as log:
        server = subprocess.Popen(
            [BIN / "gunicorn", "cms.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "2",
             "--timeout", "60"],
            cwd=ROOT, env=_environment(), stdout=log, stderr=subprocess.STDOUT,
        )
        try:
            _wait_ready(f"http://127.0.0.1:{port}/healthz/", server)
            started = time.monotonic()
            run = subprocess.run(
                [BIN / "schemathesis", "--config-file", ROOT / "scripts" / "fuzz.toml", "run",
                 f"http://127.0.0.1:{port}/graphql/", "--checks", "no_internal_server_error",
                 "--max-examples", str(args.max_examples), "--seed", str(args.seed), "--workers", str(args.workers),
                 "--mode", args.mode,
                 "--phases", "examples,coverage,fuzzing", "--generation-allow-x00", "true",
                 "--generation-database", str(VAR / "examples"),
                 "--report", "ndjson", "--report-dir", str(report_dir), "--no-color"],
                # From var/fuzz/: whatever schemathesis keeps between runs (.schemathesis/) stays out of the tree.
                cwd=VAR, env={**os.environ, "SCHEMATHESIS_HOOKS": "fuzz_checks",
                               "PYTHONPATH": str(ROOT / "scripts")},
            )
            duration = time.monotonic() - started
        finally:
            server.terminate()
            server.wait(timeout=30)
    summary = {**_report_summary(report_dir), "max_examples": args.max_examples, "mode": args.mode,
               "seed": args.seed, "seconds": round(duration)}
    print(f"fuzz: {json.dumps(summary)}")
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())
