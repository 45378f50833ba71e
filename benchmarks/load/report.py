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

    def holds(self, t: float, seconds: float = 0.0) -> bool:
        """Whether something that started at `t` and took `seconds` overlaps the window: an answer that waited
        in the server's queue from before a fault and was made during it belongs to the fault."""
        return t < self.end + (GRACE_SECONDS if self.fault else 0.0) and t + seconds >= self.start


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
            "checks_max_ms": round(max((probe.get("checks_seconds", 0) for probe in health), default=0) * 1000, 1),
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
        inside = [a for a in answers if window.holds(a.t, a.seconds)]
        rows.append({**window_figures(window.name, inside,
                                      [h for h in health if window.holds(h["t"], h["seconds"])],
                                      [p for p in publishes if window.holds(p["t"], p["seconds"])],
                                      window.end - window.start), "fault": window.fault, "note": window.note})
    warm_up = windows[0]

    def outside(t: float, seconds: float) -> bool:
        return t >= warm_up.end and not any(window.holds(t, seconds) for window in faults)

    outside_seconds = (end - warm_up.end) - sum(window.end - window.start + GRACE_SECONDS for window in faults)
    rows.append({**window_figures("outside every fault window", [a for a in answers if outside(a.t, a.seconds)],
                                  [h for h in health if outside(h["t"], h["seconds"])],
                                  [p for p in publishes if outside(p["t"], p["seconds"])],
                                  outside_seconds), "fault": False, "note": ""})
    return rows


# What each fault may answer (docs/faults.md): anything else inside a window, or any error outside, is a finding.
EXPECTED_ERRORS = {
    "PostgreSQL restart": {"503 SERVICE_UNAVAILABLE", "503 (page)"},
    "Redis refused": set(),
    "Redis hung": set(),
    "newsletter send, worker killed": set(),
}


def reading(run: dict) -> list[str]:
    """Plain sentences computed from the figures, so the conclusions cannot drift from them."""
    rows = {row["window"]: row for row in run["windows"]}
    outside = rows["outside every fault window"]
    lines = [f"- Outside the fault windows: {sum(outside['errors'].values())} errors in {outside['requests']} "
             f"requests ({_errors_cell(outside['errors'])})."]
    for name, allowed in EXPECTED_ERRORS.items():
        row = rows.get(name)
        if row is None:
            continue
        unexpected = {kind: count for kind, count in row["errors"].items() if kind not in allowed}
        lines.append(f"- {name}: {sum(row['errors'].values())} errors in {row['requests']} requests "
                     f"({_errors_cell(row['errors'])}); of kinds it may not answer: {_errors_cell(unexpected)}; "
                     f"/healthz/ at most {row['healthz']['max_ms']} ms (its checks at most "
                     f"{row['healthz']['checks_max_ms']} ms); publishing: "
                     f"{row['publishes']['cycles']} cycle(s), failures {_errors_cell(row['publishes']['failed'])}.")
    leaks = sum(row["errors"].get("leak", 0) for row in run["windows"])
    publishes = [row["publishes"] for row in run["windows"] if row["window"] != "outside every fault window"]
    lines += [
        f"- Answers carrying database driver text: {leaks}.",
        f"- Publishing: audit-log entries missing {sum(p['audit_missing'] for p in publishes)}; stale answers after "
        f"a publish: {sum(p['stale_api'] for p in publishes)} from the API, {sum(p['stale_feed'] for p in publishes)} "
        f"from the feed, in {sum(p['checks'] for p in publishes)} checks.",
        f"- Newsletter: {run['newsletter']['skipped']} recipients skipped, {run['newsletter']['duplicated']} "
        f"duplicated ({run['newsletter']['duplicates_same_message_id']} with the same Message-ID); the send paused "
        f"{run['newsletter']['pause_seconds']} s and was resumed by {run['newsletter']['resumed_by']} without cron.",
        "- Latencies include queueing in gunicorn's backlog on a machine whose load average is given above: compare "
        "windows with each other, not with other machines. /healthz/ waits in the same queue as every request.",
        "- After Redis comes back, `/healthz/` says `cache: unavailable` until each process's circuit probes again "
        "(up to REDIS_CIRCUIT_OPEN_SECONDS, 10 s): those answers can fall just outside a window.",
        "- The publish checks run right after each publish, during the fault. After a thaw nothing stale can be "
        "served either: the API's and the feeds' caches are keyed on the database's content generation, bumped in "
        "the publisher's transaction (docs/faults.md); this run does not check that moment separately.",
    ]
    return lines


def _errors_cell(errors: dict) -> str:
    return ", ".join(f"{count} × {kind}" for kind, count in errors.items()) or "0"


def markdown(run: dict) -> str:
    lines = [
        "# `make load`: the production set-up under load and faults",
        "",
        f"{run['date']}, commit `{run['commit']}`. gunicorn ({run['gunicorn_workers']} sync workers), PostgreSQL "
        f"(its own instance, restarted by the run), Redis (Debian's redis-server), 2 task workers "
        f"(`manage.py db_worker`), all on loopback with `DJANGO_ENV=production`. {run['connections']} client "
        f"connections (each sends its next request 0.1 s after an answer) plus a /healthz/ probe twice a second and an editor publishing every "
        f"{run['publish_every']} s. Machine: {run['cpus']} cores shared with other work; load average "
        f"{run['load_average']['start']} at the start, {run['load_average']['end']} at the end "
        f"(1, 5, 15 min).",
        "",
        "A request belongs to every window it overlaps (from its start to its answer): one that waited in "
        "gunicorn's queue from before a fault and was answered during it counts in the fault. A fault window runs "
        f"from the fault's start until the part is back, plus {GRACE_SECONDS:.0f} s. Latencies are of successful "
        "answers, queueing included.",
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
    lines += ["", "## /healthz/", "",
              "Latency as the probe saw it (queue included), and the checks' own time from the answer's "
              "`Server-Timing` (database and cache checks, queue excluded).", "",
              "| window | probes | max ms | over 1 s | checks' max ms | answers (HTTP:database/cache) |",
              "| --- | ---: | ---: | ---: | ---: | --- |"]
    for row in run["windows"]:
        health = row["healthz"]
        lines.append(f"| {row['window']} | {health['probes']} | {health['max_ms']} | {health['over_1s']} | "
                     f"{health['checks_max_ms']} | {_errors_cell(health['states'])} |")
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
    lines += ["", "## Reading", "", *reading(run), ""]
    return "\n".join(lines)


def write(run: dict, directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "load.json").write_text(json.dumps(run, indent=1, default=asdict) + "\n")
    (directory / "load.md").write_text(markdown(run) + "\n")
