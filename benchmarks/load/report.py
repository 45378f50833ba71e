"""The figures of a load run, by window: inside each fault, and outside every fault. No Django, no I/O but files."""

import json
import statistics
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.api.stats import percentile

GRACE_SECONDS = 2.0  # requests started this soon after a fault ended still count in its window


@dataclass
class Window:
    name: str
    start: float
    end: float
    fault: bool
    note: str = ""

    def holds(self, t: float) -> bool:
        return self.start <= t < self.end + (GRACE_SECONDS if self.fault else 0.0)


def _latency(seconds: list[float]) -> dict:
    if not seconds:
        return {"p50_ms": None, "p99_ms": None}
    return {"p50_ms": round(percentile(seconds, 0.5) * 1000, 1), "p99_ms": round(percentile(seconds, 0.99) * 1000, 1)}


def window_figures(name: str, answers: list, health: list[dict], publishes: list[dict], seconds: float) -> dict:
    errors = Counter(answer.error for answer in answers if answer.error)
    return {
        "window": name,
        "seconds": round(seconds, 1),
        "requests": len(answers),
        "per_second": round(len(answers) / seconds, 1) if seconds else None,
        "errors": dict(errors.most_common()),
        "stale_served": sum(1 for answer in answers if answer.cache == "stale"),
        **_latency([answer.seconds for answer in answers if not answer.error]),
        "healthz": {
            "probes": len(health),
            "max_ms": round(max((probe["seconds"] for probe in health), default=0) * 1000, 1),
            "over_1s": sum(1 for probe in health if probe["seconds"] > 1.0),
            "states": dict(Counter(f"{probe['http']}:{probe.get('database', probe.get('status'))}/"
                                   f"{probe.get('cache', '-')}" for probe in health)),
        },
        "publishes": {
            "cycles": len(publishes),
            "failed": dict(Counter(p.get("error") for p in publishes if not p["ok"])),
            "audit_missing": sum(1 for p in publishes if p["ok"] and not p.get("audit_logged")),
            "stale_api": sum(p.get("stale_api", 0) for p in publishes),
            "stale_feed": sum(p.get("stale_feed", 0) for p in publishes),
            "checks": sum(p.get("api_checks", 0) + p.get("feed_checks", 0) for p in publishes),
            "seconds_p50": round(statistics.median([p["seconds"] for p in publishes]), 2) if publishes else None,
        },
    }


def figures(windows: list[Window], answers: list, health: list[dict], publishes: list[dict], *, start: float,
            end: float) -> list[dict]:
    rows = []
    faults = [window for window in windows if window.fault]
    for window in windows:
        inside = [a for a in answers if window.holds(a.t)]
        rows.append({**window_figures(window.name, inside, [h for h in health if window.holds(h["t"])],
                                      [p for p in publishes if window.holds(p["t"])],
                                      window.end - window.start), "fault": window.fault, "note": window.note})
    warm_up = windows[0]

    def outside(t: float) -> bool:
        return t >= warm_up.end and not any(window.holds(t) for window in faults)

    outside_seconds = (end - warm_up.end) - sum(window.end - window.start + GRACE_SECONDS for window in faults)
    rows.append({**window_figures("outside every fault window", [a for a in answers if outside(a.t)],
                                  [h for h in health if outside(h["t"])], [p for p in publishes if outside(p["t"])],
                                  outside_seconds), "fault": False, "note": ""})
    return rows


def _errors_cell(errors: dict) -> str:
    return ", ".join(f"{count} × {kind}" for kind, count in errors.items()) or "0"


def markdown(run: dict) -> str:
    lines = [
        "# `make load`: the production set-up under load and faults",
        "",
        f"{run['date']}, commit `{run['commit']}`. gunicorn ({run['gunicorn_workers']} sync workers), PostgreSQL "
        f"(its own instance, restarted by the run), Redis (Debian's redis-server), 2 task workers "
        f"(`manage.py db_worker`), all on loopback with `DJANGO_ENV=production`. {run['connections']} client "
        f"connections (closed loop) plus a /healthz/ probe twice a second and an editor publishing every "
        f"{run['publish_every']} s. Machine: {run['cpus']} cores shared with other work; load average "
        f"{run['load_average']['start']} at the start, {run['load_average']['end']} at the end "
        f"(1, 5, 15 min).",
        "",
        "Requests are placed in a window by their start time; a fault window runs from the fault's start until the "
        f"part is back, plus {GRACE_SECONDS:.0f} s. Latencies are of successful answers.",
        "",
        "## Requests and errors",
        "",
        "| window | s | requests | req/s | errors by kind | stale-served (DB down) | p50 ms | p99 ms |",
        "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |",
    ]
    for row in run["windows"]:
        name = f"**{row['window']}**" if row["fault"] else row["window"]
        lines.append(f"| {name} | {row['seconds']} | {row['requests']} | {row['per_second']} | "
                     f"{_errors_cell(row['errors'])} | {row['stale_served']} | {row['p50_ms']} | {row['p99_ms']} |")
    lines += ["", "## /healthz/", "", "| window | probes | max ms | over 1 s | answers (HTTP:database/cache) |",
              "| --- | ---: | ---: | ---: | --- |"]
    for row in run["windows"]:
        health = row["healthz"]
        lines.append(f"| {row['window']} | {health['probes']} | {health['max_ms']} | {health['over_1s']} | "
                     f"{_errors_cell(health['states'])} |")
    lines += ["", "## Publishing", "",
              "Each cycle publishes (or, in the storm, alternately unpublishes) through Wagtail, then asks the API's "
              "cached GET path 6 times and the events feed 3 times; a stale answer shows the state before the "
              "cycle.", "",
              "| window | cycles | failed | audit entry missing | stale API answers | stale feed answers | checks | "
              "publish p50 s |", "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |"]
    for row in run["windows"]:
        publishes = row["publishes"]
        lines.append(f"| {row['window']} | {publishes['cycles']} | {_errors_cell(publishes['failed'])} | "
                     f"{publishes['audit_missing']} | {publishes['stale_api']} | {publishes['stale_feed']} | "
                     f"{publishes['checks']} | {publishes['seconds_p50']} |")
    newsletter = run["newsletter"]
    lines += ["", "## Newsletter send with a killed worker", "",
              f"{newsletter['recipients']} recipients at {newsletter['rate']} messages/s. The worker running the "
              f"send was killed with SIGKILL after {newsletter['received_before_kill']} messages; a replacement "
              f"worker started {newsletter['replacement_after']} s later (no cron runs).", "",
              "| figure | value |", "| --- | --- |"]
    for key, label in (("finished", "dispatch finished"), ("skipped", "recipients skipped"),
                       ("duplicated", "recipients who got two copies"),
                       ("duplicates_same_message_id", "of which with the same Message-ID"),
                       ("pause_seconds", "pause in sending around the kill (s)"),
                       ("resumed_by", "resumed by worker"), ("killed_task", "the killed worker's task")):
        lines.append(f"| {label} | {newsletter.get(key)} |")
    lines += ["", "## Reading", "", *run.get("reading", []), ""]
    return "\n".join(lines)


def write(run: dict, directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "load.json").write_text(json.dumps(run, indent=1, default=asdict) + "\n")
    (directory / "load.md").write_text(markdown(run) + "\n")
