"""latest.json's verdicts and latest.md: the ratios next to their targets, and a short reading."""

import contextlib
import datetime
import math
import os
import platform
import subprocess
from pathlib import Path

from benchmarks.report import cpu_model, git_commit

from .stats import target_verdict

PROJECT_DIR = Path(__file__).resolve().parents[2]
TARGETS = {
    "W1": 1.2,  # GraphQL / v2 requests per second, uncached
    "W2": 1.5,
    "W4": 0.5,  # GraphQL cached / Django's prebuilt-bytes floor
    "sql_max": 10,  # queries per request for W1 and W2, constant in items
    "newsletter": 0.5,  # app / bare smtplib
}


def machine_info() -> dict:
    versions = {}
    for package in ("django", "wagtail", "strawberry-graphql", "strawberry-graphql-django", "djangorestframework",
                    "gunicorn"):
        with contextlib.suppress(Exception):
            from importlib.metadata import version

            versions[package] = version(package)
    for tool, flag in (("wrk", "-v"), ("/usr/sbin/nginx", "-v")):
        with contextlib.suppress(OSError):
            done = subprocess.run([tool, flag], capture_output=True, text=True, check=False)
            versions[Path(tool).name] = (done.stdout + done.stderr).strip().splitlines()[0]
    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "cpu_count": os.cpu_count(),
        "cpu_model": cpu_model(),
        "load_average_at_start": [round(value, 2) for value in os.getloadavg()],
        "python": platform.python_version(),
        "platform": platform.platform(),
        "versions": versions,
        "git_commit": git_commit(),
    }


def targets(results: dict) -> dict:
    """Each target, per database: the measured value and met / missed."""
    verdicts = {}
    for label, data in results["databases"].items():
        http, scaling = data["http"], data["inprocess"]["scaling"]
        inproc = data["inprocess"]["workloads"]
        rows = {}
        for name in ("W1", "W2"):
            value = http[name]["ratio"]["of_medians"]
            rows[f"{name} GraphQL / v2 rps"] = {"value": value, "target": f">= {TARGETS[name]}",
                                                "verdict": target_verdict(value, TARGETS[name])}
        for name in ("W4-page", "W4-events"):
            value = http[name]["ratio"]["of_medians"]
            rows[f"{name} cached / Django floor rps"] = {"value": value, "target": f">= {TARGETS['W4']}",
                                                         "verdict": target_verdict(value, TARGETS["W4"])}
        for name in ("W1", "W2"):
            queries = scaling[name]["graphql"]["queries"]
            ok = scaling[name]["graphql"]["constant"] and max(queries) <= TARGETS["sql_max"]
            rows[f"{name} SQL queries (GraphQL)"] = {
                "value": f"{' / '.join(map(str, queries))} at {' / '.join(map(str, scaling[name]['items']))} "
                         f"{scaling[name]['unit']}",
                "target": f"constant, <= {TARGETS['sql_max']}",
                "verdict": "met" if ok else "missed",
                "uncached_request": inproc[name]["graphql"]["sql_queries"],
            }
        verdicts[label] = rows
    newsletter = {}
    for count, data in results.get("newsletter", {}).items():
        value = data.get("summary", {}).get("ratio")
        newsletter[count] = {"value": value, "target": f">= {TARGETS['newsletter']}",
                             "verdict": target_verdict(value, TARGETS["newsletter"])}
    verdicts["newsletter"] = newsletter
    return verdicts


# --- Markdown -----------------------------------------------------------------------------------------------
def _num(value, digits=0) -> str:
    if value is None or not math.isfinite(value):
        return "–"
    return f"{value:,.{digits}f}"


def _rate(side: dict) -> str:
    summary = side["requests_per_second"]
    flag = " ⚠" if summary["unstable"] else ""
    return f"{_num(summary['median'])} ±{_num(summary['spread'] * 100)}%{flag}"


def _ratio(ratio: dict) -> str:
    paired = ratio["paired"]
    flag = " ⚠" if paired["unstable"] else ""
    return f"**{_num(ratio['of_medians'], 2)}** ({_num(paired['min'], 2)}–{_num(paired['max'], 2)}{flag})"


def markdown(results: dict) -> str:
    machine, config = results["machine"], results["config"]
    lines = [
        "# API benchmark: latest run",
        "",
        (
            f"{machine['date']}, commit `{machine['git_commit'] or '?'}` (plus uncommitted work if any); "
            f"{machine['cpu_count']} × {machine['cpu_model']}, Python {machine['python']}; load average "
            f"{machine['load_average_at_start']} at start, {machine.get('load_average_at_end')} at end; "
            f"{machine.get('runtime_seconds')} s in all."
        ),
        f"Server: gunicorn, 1 sync worker on CPU {config['server_cpu']}; load: wrk -t1 -c{config['wrk_connections']} "
        f"-d{config['wrk_duration_seconds']:g}s on CPU {config['load_cpu']}; {config['rounds']} interleaved rounds "
        f"(A B, B A, …). Rates are the median of the rounds, ± the spread (max − min) / median; ⚠ marks a spread "
        f"over 10 % (unstable). Ratios are of the medians; in brackets the range of the round-by-round ratios."
        + (" **Quick run (BENCH_QUICK): development figures only.**" if config["quick"] else ""),
        "",
    ]
    for label, data in results["databases"].items():
        http, inproc = data["http"], data["inprocess"]
        lines += [
            f"## {label}",
            "",
            (
                "| workload | GraphQL req/s | v2 req/s | GraphQL / v2 | target | p50 / p99 ms in-process "
                "(GraphQL · v2) | SQL queries (GraphQL · v2) | bytes (GraphQL · v2) | worker peak MiB (GraphQL · v2) |"
            ),
            "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |",
        ]
        for name, target in (("W1", TARGETS["W1"]), ("W2", TARGETS["W2"]), ("W3", None)):
            row, ip = http[name], inproc["workloads"][name]
            verdict = f">= {target}: {target_verdict(row['ratio']['of_medians'], target)}" if target else "–"
            lines.append(
                f"| {name} {row['label']} | {_rate(row['graphql'])} | {_rate(row['v2'])} | {_ratio(row['ratio'])} "
                f"| {verdict} | {_num(ip['graphql']['p50_ms'], 1)} / {_num(ip['graphql']['p99_ms'], 1)} · "
                f"{_num(ip['v2']['p50_ms'], 1)} / {_num(ip['v2']['p99_ms'], 1)} "
                f"| {ip['graphql']['sql_queries']} · {ip['v2']['sql_queries']} "
                f"| {row['graphql']['response_bytes']:,} · {row['v2']['response_bytes']:,} "
                f"| {_mib(row['graphql'])} · {_mib(row['v2'])} |"
            )
        lines += [
            "",
            (
                "| cached workload | GraphQL cached req/s | Django floor req/s | nginx static req/s "
                "| cached / Django floor | target | cached / nginx | p50 / p99 ms in-process (cached · floor) "
                "| SQL queries | bytes |"
            ),
            "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |",
        ]
        for name in ("W4-page", "W4-events"):
            row, ip = http[name], inproc["workloads"][name]
            lines.append(
                f"| {name} {row['label']} | {_rate(row['graphql_cached'])} | {_rate(row['django_floor'])} "
                f"| {_rate(row['nginx_static'])} | {_ratio(row['ratio'])} "
                f"| >= {TARGETS['W4']}: {target_verdict(row['ratio']['of_medians'], TARGETS['W4'])} "
                f"| {_num(row['ratio_to_nginx']['of_medians'], 2)} "
                f"| {_num(ip['graphql_cached']['p50_ms'], 2)} / {_num(ip['graphql_cached']['p99_ms'], 2)} · "
                f"{_num(ip['django_floor']['p50_ms'], 2)} / {_num(ip['django_floor']['p99_ms'], 2)} "
                f"| {ip['graphql_cached']['sql_queries']} | {row['graphql_cached']['response_bytes']:,} |"
            )
        lines += ["", "SQL queries per request when the items double (warm, uncached):", ""]
        lines += ["| workload | items | GraphQL | v2 |", "| --- | --- | --- | --- |"]
        for name, scaling in inproc["scaling"].items():
            items = " → ".join(map(str, scaling["items"])) + f" {scaling['unit']}"
            lines.append(
                f"| {name} | {items} | {' → '.join(map(str, scaling['graphql']['queries']))}"
                f"{' (constant)' if scaling['graphql']['constant'] else ' (grows)'} "
                f"| {' → '.join(map(str, scaling['v2']['queries']))}"
                f"{' (constant)' if scaling['v2']['constant'] else ' (grows)'} |"
            )
        lines.append("")
    lines += ["## Newsletter (benchmarks/newsletter_send.py, its own SQLite database)", ""]
    newsletter = results.get("newsletter", {})
    if newsletter:
        lines += [
            "| recipients | bare smtplib msg/s | app msg/s | app / smtplib | target |",
            "| ---: | ---: | ---: | ---: | --- |",
        ]
        for count, data in newsletter.items():
            summary = data.get("summary", {})
            if "error" in data:
                lines.append(f"| {int(count):,} | – | – | – | {data['error']} |")
                continue
            lines.append(
                f"| {int(count):,} | {_num(summary.get('baseline_messages_per_second'))} "
                f"| {_num(summary.get('app_messages_per_second'))} | **{_num(summary.get('ratio'), 2)}** "
                f"| >= {TARGETS['newsletter']}: {target_verdict(summary.get('ratio'), TARGETS['newsletter'])} |"
            )
    else:
        lines.append("Not run (BENCH_NEWSLETTER_RECIPIENTS empty).")
    lines += ["", "## Targets", "", "| database | target | value | verdict |", "| --- | --- | --- | --- |"]
    for label, rows in results["targets"].items():
        for name, row in rows.items():
            value = row["value"] if isinstance(row["value"], str) else _num(row["value"], 2)
            lines.append(f"| {label} | {name} ({row['target']}) | {value} | {row['verdict']} |")
    lines += ["", "## Reading", "", *reading(results), ""]
    return "\n".join(lines)


def _mib(side: dict) -> str:
    kib = side.get("worker_peak_memory_kib")
    return _num(kib / 1024, 0) if kib else "–"


def reading(results: dict) -> list[str]:
    """A few sentences generated from the figures: what is met, what is missed, and how far to trust it."""
    machine = results["machine"]
    out = []
    load = max(machine["load_average_at_start"][0], (machine.get("load_average_at_end") or [0])[0])
    if load > 0.5 * (machine["cpu_count"] or 1):
        out.append(
            f"- The machine was busy (load average up to {load:.1f} on {machine['cpu_count']} CPUs, other work "
            "included): rates move with it, so read the ratios (both sides of a round share the same moment) and "
            "treat figures marked ⚠ as indicative; re-run on a quiet machine for figures to quote."
        )
    for label, rows in results["targets"].items():
        if label == "newsletter":
            continue
        missed = [name for name, row in rows.items() if row["verdict"] != "met"]
        met = [name for name, row in rows.items() if row["verdict"] == "met"]
        out.append(f"- **{label}**: met {', '.join(met) or 'none'}; missed {', '.join(missed) or 'none'}.")
        data = results["databases"][label]
        http, scaling = data["http"], data["inprocess"]["scaling"]
        for name in ("W1", "W2", "W3"):
            ratio = http[name]["ratio"]["of_medians"]
            if ratio is not None:
                out.append(
                    f"  - {name}: GraphQL serves {ratio:.2f}× the v2 API's rate "
                    f"({'faster' if ratio >= 1 else 'slower'}); SQL queries "
                    f"{' → '.join(map(str, scaling[name]['graphql']['queries']))} (GraphQL) vs "
                    f"{' → '.join(map(str, scaling[name]['v2']['queries']))} (v2) as the "
                    f"{scaling[name]['unit']} double."
                )
        for name in ("W4-page", "W4-events"):
            row = http[name]
            if row["ratio"]["of_medians"] is not None:
                out.append(
                    f"  - {name}: a cached GraphQL response is served at {row['ratio']['of_medians']:.2f}× the rate "
                    f"of the same bytes from a Django view that does nothing else, and "
                    f"{_num(row['ratio_to_nginx']['of_medians'], 3)}× nginx's rate for the static file."
                )
    newsletter = results["targets"].get("newsletter", {})
    for count, row in newsletter.items():
        out.append(f"- newsletter, {int(count):,} recipients: app / smtplib {_num(row['value'], 2)}, {row['verdict']}.")
    return out
