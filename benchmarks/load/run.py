#!/usr/bin/env python
"""`make load`: the production set-up on loopback under a realistic load, through an operator's bad day.

    .venv/bin/python -m benchmarks.load.run [--connections 4] [--recipients 2000] [--quick]

The stack (benchmarks/load/stack.py): gunicorn with 3 sync workers, its own PostgreSQL (restarted during the
run) and Redis, 2 `db_worker` task workers, an SMTP sink; the data set of benchmarks/api (seeded once, cached as a
template database in that PostgreSQL). Readers (benchmarks/load/traffic.py) and an editor publishing every few
seconds (benchmarks/load/publisher.py) run throughout, through these windows:

  warm-up, baseline, publish storm (20 publish/unpublish cycles), PostgreSQL fast restart, Redis stopped
  (connections refused), Redis frozen (SIGSTOP: connections accepted, nothing answered), a newsletter send whose
  worker is killed with SIGKILL (a replacement worker starts; no cron), tail.

Writes benchmarks/results/load.md and load.json: requests, errors by kind inside and outside each fault window,
p50/p99, stale answers after publish, /healthz/ latency, recipients skipped and duplicated. Asserts nothing:
it reports. A few minutes once the data set is seeded (the first run seeds it: about 5 more on a busy machine).
"""

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT_DIR))

from benchmarks.api import database  # noqa: E402
from benchmarks.load import report, stack  # noqa: E402
from benchmarks.load.mail_sink import MailSink, free_port  # noqa: E402
from benchmarks.load.traffic import Traffic  # noqa: E402
from benchmarks.report import git_commit  # noqa: E402

RESULTS_DIR = PROJECT_DIR / "benchmarks" / "results"
PUBLISH_EVERY = 10.0
STEADY_PAGE, STORM_PAGE = "evento-000", "evento-001"


def options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--connections", type=int, default=int(os.environ.get("LOAD_CONNECTIONS", "4")))
    parser.add_argument("--recipients", type=int, default=int(os.environ.get("LOAD_RECIPIENTS", "2000")))
    parser.add_argument("--quick", action="store_true", help="shorter windows (development of the run itself)")
    parser.add_argument("--output-dir", type=Path, default=RESULTS_DIR)
    return parser.parse_args()


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


class Run:
    """The stack, the traffic and the record of what happened when."""

    def __init__(self, args: argparse.Namespace, workdir: Path):
        self.args = args
        self.workdir = workdir
        self.postgres, self.redis = stack.Postgres(), stack.Redis()
        self.windows: list[report.Window] = []
        self.scale = 0.5 if args.quick else 1.0

    # --- set-up --------------------------------------------------------------------------------------------
    def set_up(self) -> None:
        server_url = self.postgres.start()
        redis_url = self.redis.start()
        print(f"PostgreSQL {server_url}, Redis {redis_url}; preparing the data set", file=sys.stderr)
        self.db = database.postgresql(self.workdir, server_url=server_url, run_name="load_run")
        self.sink = MailSink(self.workdir / "mail.tsv")
        self.sink.start()
        self.env = stack.django_env(database_url=self.db.url, redis_url=redis_url, media_root=self.db.media_root,
                                    smtp_port=self.sink.port)
        self.django("prepare-newsletter", str(self.args.recipients))
        self.gunicorn = stack.Gunicorn(self.env, self.workdir / "gunicorn.log", free_port())
        self.gunicorn.start()
        self.workers = stack.TaskWorkers(self.env, self.workdir / "workers.log")
        for worker_id in ("worker-1", "worker-2"):
            self.workers.start(worker_id)

    def django(self, *command: str) -> dict:
        done = subprocess.run([str(stack.PYTHON), "-m", "benchmarks.load.actions", *command], cwd=PROJECT_DIR,
                              env=self.env, capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"actions {command} failed: {done.stderr[-3000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])

    def sql(self, statement: str, *params):
        import psycopg

        with psycopg.connect(self.db.url, autocommit=True, connect_timeout=5) as connection:
            return connection.execute(statement, params).fetchall()

    def publisher(self, slug: str, *extra: str) -> subprocess.Popen:
        command = [str(stack.PYTHON), "-m", "benchmarks.load.publisher", "--slug", slug,
                   "--base-url", self.gunicorn.base_url, "--out", str(self.workdir / "publishes.jsonl"), *extra]
        return subprocess.Popen(command, cwd=PROJECT_DIR, env=self.env, stdout=subprocess.DEVNULL,
                                stderr=(self.workdir / "publisher.log").open("ab"))

    def tear_down(self) -> None:
        for part in ("workers", "gunicorn", "sink"):
            if hasattr(self, part):
                getattr(self, part).stop()
        self.redis.stop()
        self.postgres.stop()  # its data folder (and the seeded template) stays for the next run

    # --- windows -------------------------------------------------------------------------------------------
    def wait(self, seconds: float) -> None:
        time.sleep(seconds * self.scale)

    def window(self, name: str, *, fault: bool, note: str = ""):
        run = self

        class _Window:
            def __enter__(self):
                self.start = time.time()
                print(f"{datetime.datetime.now():%H:%M:%S} {name}", file=sys.stderr)
                return self

            def __exit__(self, *exc):
                run.windows.append(report.Window(name, self.start, time.time(), fault, note))
                inside = [answer for answer in run.traffic.answers if answer.t >= self.start]
                errors = sum(1 for answer in inside if answer.error)
                print(f"  {len(inside)} requests, {errors} errors, {time.time() - self.start:.0f} s", file=sys.stderr)

        return _Window()

    def storm(self) -> None:
        with self.window("publish storm (20 publish/unpublish cycles)", fault=False):
            self.publisher(STORM_PAGE, "--storm", "20").wait(timeout=600)

    def postgres_restart(self) -> None:
        with self.window("PostgreSQL restart", fault=True, note="pg_ctl restart -m fast"):
            self.postgres.restart()

    def redis_refused(self) -> None:
        with self.window("Redis refused", fault=True, note="redis-server stopped, then started empty"):
            self.redis.stop()
            self.wait(15)
            self.redis.start()

    def redis_hung(self) -> None:
        with self.window("Redis hung", fault=True, note="SIGSTOP, then SIGCONT"):
            self.redis.freeze()
            self.wait(15)
            self.redis.thaw()

    def newsletter_kill(self) -> dict:
        with self.window("newsletter send, worker killed", fault=True, note="SIGKILL of the sending worker"):
            sent_at = time.time()
            self.django("send")
            target = max(50, self.args.recipients * 3 // 10)
            while len(self.sink.received().times) < target and time.time() - sent_at < 120:
                time.sleep(0.2)
            rows = self.sql("SELECT worker_ids FROM django_tasks_database_dbtaskresult WHERE status = 'RUNNING' "
                            "AND task_path = 'newsletter.tasks.deliver_dispatch'")
            victim = rows[0][0][-1] if rows else "worker-1"
            received_before = len(self.sink.received().times)
            killed_at = time.time()
            self.workers.kill(victim)
            replacement_after = 3.0
            time.sleep(replacement_after)
            self.workers.start("worker-3")  # what a supervisor does
            deadline = time.time() + 180
            while time.time() < deadline:
                status = self.sql("SELECT status FROM newsletter_dispatch ORDER BY id DESC LIMIT 1")[0][0]
                if status == "finished":
                    break
                time.sleep(0.5)
        return self.newsletter_outcome(victim, killed_at, received_before, replacement_after)

    def newsletter_outcome(self, victim: str, killed_at: float, received_before: int, replacement: float) -> dict:
        received = self.sink.received()
        expected = {f"load-{n}@example.org" for n in range(self.args.recipients)}
        times = sorted(received.times)
        around = [t for t in times if t >= killed_at - 10]
        gaps = [later - earlier for earlier, later in zip(around, around[1:])]
        tasks = self.sql("SELECT worker_ids, status, traceback FROM django_tasks_database_dbtaskresult "
                         "WHERE task_path = 'newsletter.tasks.deliver_dispatch' ORDER BY enqueued_at")
        resumed = [ids[-1] for ids, status, _ in tasks if status == "SUCCESSFUL" and ids and ids[-1] != victim]
        killed = [status for ids, status, _ in tasks if ids and ids[-1] == victim]
        duplicated = [r for r, count in received.per_recipient.items() if count > 1]
        status = self.sql("SELECT status FROM newsletter_dispatch ORDER BY id DESC LIMIT 1")[0][0]
        return {
            "recipients": self.args.recipients,
            "rate": self.env["NEWSLETTER_MESSAGES_PER_SECOND"],
            "received_before_kill": received_before,
            "replacement_after": replacement,
            "finished": status == "finished",
            "skipped": len(expected - set(received.per_recipient)),
            "duplicated": len(duplicated),
            "duplicates_same_message_id": sum(1 for r in duplicated if len(received.message_ids[r]) == 1),
            "pause_seconds": round(max(gaps, default=0.0), 1),
            "resumed_by": ", ".join(sorted(set(resumed))) or "-",
            "killed_task": ", ".join(killed) or "-",
        }

    # --- the run -------------------------------------------------------------------------------------------
    def run(self) -> dict:
        load_start = load_average()
        traffic = self.traffic = Traffic(self.gunicorn.base_url, connections=self.args.connections)
        started = time.time()
        traffic.start()
        with self.window("warm-up", fault=False):
            self.wait(10)
        steady = self.publisher(STEADY_PAGE, "--every", str(PUBLISH_EVERY), "--until", str(time.time() + 3600))
        try:
            with self.window("baseline", fault=False):
                self.wait(30)
            self.storm()
            self.wait(10)
            self.postgres_restart()
            self.wait(15)
            self.redis_refused()
            self.wait(15)
            self.redis_hung()
            self.wait(15)
            newsletter = self.newsletter_kill()
            with self.window("tail", fault=False):
                self.wait(10)
        finally:
            steady.terminate()
            traffic.stop()
        ended = time.time()
        publishes = [json.loads(line) for line in (self.workdir / "publishes.jsonl").read_text().splitlines()]
        return {
            "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "commit": git_commit(),
            "cpus": os.cpu_count(),
            "gunicorn_workers": stack.GUNICORN_WORKERS,
            "connections": self.args.connections,
            "publish_every": PUBLISH_EVERY,
            "load_average": {"start": load_start, "end": load_average()},
            "windows": report.figures(self.windows, traffic.answers, traffic.health, publishes,
                                      start=started, end=ended),
            "newsletter": newsletter,
            "seeded_now": self.db.seeded_now,
        }


def main() -> None:
    args = options()
    with tempfile.TemporaryDirectory(prefix="load-") as folder:
        run = Run(args, Path(folder))
        try:
            run.set_up()
            result = run.run()
        finally:
            run.tear_down()
            for log in ("gunicorn.log", "workers.log", "publisher.log"):
                path = Path(folder) / log
                if path.exists() and path.stat().st_size:
                    print(f"--- last lines of {log}:\n{path.read_text()[-1500:]}", file=sys.stderr)
    report.write(result, args.output_dir)
    print(report.markdown(result))


if __name__ == "__main__":
    main()
