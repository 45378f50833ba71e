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
SIDE_LABELS = {"graphql": "**GraphQL (ours)**", "v2": "REST v2", "v3": "API v3", "grapple": "grapple"}
TARGETS = {
    "W1": 2.0,  # GraphQL / v2 workloads per second, uncached (issue 19; 1.2 before)
    "W2": 1.5,
    "grapple": 1.0,  # GraphQL / grapple on W1, W2 and W3: ahead of the GraphQL API most Wagtail sites use
    "W4": 0.5,  # GraphQL cached / Django's prebuilt-bytes floor
    "sql_max": 10,  # queries per request for W1 and W2, constant in items
    "scale": 0.8,  # rate at 10x the content / rate at 1x: within 20 %
    "newsletter": 0.5,  # app / bare smtplib
}


def machine_info() -> dict:
    versions = {}
    for package in ("django", "wagtail", "strawberry-graphql", "strawberry-graphql-django", "djangorestframework",
                    "django-ninja", "gunicorn"):
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
        for name in ("W1", "W2", "W3"):
            if "grapple" in http[name].get("ratios", {}):
                value = http[name]["ratios"]["grapple"]["of_medians"]
                rows[f"{name} GraphQL / grapple rps"] = {"value": value, "target": f">= {TARGETS['grapple']}",
                                                         "verdict": target_verdict(value, TARGETS["grapple"])}
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
        if "scale" in data:
            rows.update(_scale_targets(data["scale"]))
        verdicts[label] = rows
    newsletter = {}
    for count, data in results.get("newsletter", {}).items():
        value = data.get("summary", {}).get("ratio")
        newsletter[count] = {"value": value, "target": f">= {TARGETS['newsletter']}",
                             "verdict": target_verdict(value, TARGETS["newsletter"])}
    verdicts["newsletter"] = newsletter
    return verdicts


def _scale_targets(scale: dict) -> dict:
    big = f"x{scale['scale']}"
    rows = {}
    for name, row in scale["http"].items():
        value = row["ratio"]["of_medians"]
        rows[f"{name} rate at {scale['scale']}x / 1x"] = {"value": value, "target": f">= {TARGETS['scale']}",
                                              "verdict": target_verdict(value, TARGETS["scale"])}
    small, large = scale["inprocess"]["x1"]["sql_queries"], scale["inprocess"][big]["sql_queries"]
    rows[f"SQL queries at {scale['scale']}x (W1-W4)"] = {
        "value": " / ".join(f"{small[name]}→{large[name]}" for name in small), "target": "unchanged",
        "verdict": "met" if small == large else "missed",
    }
    return rows


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
        "Sides (benchmarks/README.md, \"What is compared\"): ours; Wagtail's REST API v2 (its `find` served without "
        "its redirect); API v3, in the requests a client needs (W1: `find`'s 302 then the detail; W2: the listing, "
        "which has only id, title and meta, then each event's detail); wagtail-grapple 0.31 from its own virtualenv. "
        "A side's rate is workloads per second; its p50 / p99 and SQL queries are of all its requests for one "
        "workload. Before timing, each side's answers were checked to carry the same data as ours.",
        "",
    ]
    for label, data in results["databases"].items():
        http, inproc = data["http"], data["inprocess"]
        lines += [f"## {label}", "", *_peers_table(http, inproc)]
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
        if "scale" in data:
            lines += ["", *_scale_section(data["scale"])]
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


def _peers_table(http: dict, inproc: dict) -> list[str]:
    """W1-W3: one row per side, ours first, each other side's rate as ours / theirs."""
    lines = [
        "| workload | side | workloads/s | ours / side | target | HTTP requests per workload | p50 / p99 ms in-process "
        "| SQL queries (items → doubled) | bytes | worker peak MiB |",
        "| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name in ("W1", "W2", "W3"):
        row, ip, scaling = http[name], inproc["workloads"][name], inproc["scaling"][name]
        for side in (s for s in ("graphql", "v2", "v3", "grapple") if s in row):
            ratio = row.get("ratios", {}).get(side) or (row["ratio"] if side == "v2" else None)
            target = TARGETS.get(name) if side == "v2" else TARGETS["grapple"] if side == "grapple" else None
            verdict = f">= {target}: {target_verdict(ratio['of_medians'], target)}" if target and ratio else "–"
            queries = scaling.get(side, {}).get("queries", [])
            grows = "" if not queries else " (constant)" if scaling[side]["constant"] else " (grows)"
            lines.append(
                f"| {name} {row['label'] if side == 'graphql' else ''} | {SIDE_LABELS.get(side, side)} "
                f"| {_rate(row[side])} | {_ratio(ratio) if ratio else '–'} | {verdict} "
                f"| {row[side].get('http_requests_per_workload', 1)} "
                f"| {_num(ip.get(side, {}).get('p50_ms'), 1)} / {_num(ip.get(side, {}).get('p99_ms'), 1)} "
                f"| {' → '.join(map(str, queries))}{grows} | {row[side]['response_bytes']:,} | {_mib(row[side])} |"
            )
    checked = [
        f"{name}: {', '.join(SIDE_LABELS.get(s, s) for s in http[name]['same_data']['compared'])} "
        f"({http[name]['same_data']['items']} {'blocks' if name == 'W1' else 'items'})"
        for name in ("W1", "W2", "W3") if http[name].get("same_data")
    ]
    if checked:
        lines += ["", "Checked before timing, the same data as ours (benchmarks/api/equality.py): " + "; ".join(checked) + "."]
    units = {name: f"{' → '.join(map(str, inproc['scaling'][name]['items']))} {inproc['scaling'][name]['unit']}"
             for name in ("W1", "W2", "W3")}
    lines += ["", "Items doubled for the SQL column: " + "; ".join(f"{name} {unit}" for name, unit in units.items()) + "."]
    return lines


def _scale_section(scale: dict) -> list[str]:
    big = f"x{scale['scale']}"
    shown = f"{scale['scale']}x"
    small_in, big_in = scale["inprocess"]["x1"], scale["inprocess"][big]
    lines = [
        f"### Ours at 1x and {shown} the content",
        "",
        f"| workload | 1x req/s | {shown} req/s | {shown} / 1x | target | SQL queries 1x → {shown} |",
        "| --- | ---: | ---: | ---: | --- | ---: |",
    ]
    for name, row in scale["http"].items():
        lines.append(
            f"| {name} {row['label']} | {_rate(row['x1'])} | {_rate(row[big])} | {_ratio(row['ratio'])} "
            f"| >= {TARGETS['scale']}: {target_verdict(row['ratio']['of_medians'], TARGETS['scale'])} "
            f"| {small_in['sql_queries'].get(name)} → {big_in['sql_queries'].get(name)} |"
        )
    lines += [
        "",
        "| data set | pages | seeding s (phases) | publish one page: median / max ms | its SQL queries | tasks enqueued |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for side, inproc in (("x1", small_in), (big, big_in)):
        seed = scale.get("seed", {}).get(side, {})
        shown = f"{side[1:]}x"
        phases = ", ".join(f"{key} {value}" for key, value in (seed.get("phases") or {}).items())
        publish = inproc["publish"]
        lines.append(
            f"| {shown} | {inproc['pages']:,} | {_num(seed.get('seconds'), 1)}{f' ({phases})' if phases else ''} "
            f"| {_num(publish['median_ms'], 1)} / {_num(publish['max_ms'], 1)} | {_num(publish['sql_queries'])} "
            f"| {_num(publish['tasks_enqueued'])} |"
        )
    lines += [
        "",
        "Seeding is timed once, when the data set is made (then cached): each figure is from the run that "
        "seeded it. A publish is a new revision of the 20-block service page published through Wagtail in one "
        "transaction, its on-commit work included, tasks to the database backend (benchmarks/api/scale.py).",
    ]
    return lines


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
            compared = []
            for side, ratio in http[name].get("ratios", {"v2": http[name]["ratio"]}).items():
                if ratio["of_medians"] is not None:
                    queries = scaling[name].get(side, {}).get("queries", [])
                    compared.append(
                        f"{ratio['of_medians']:.2f}× {SIDE_LABELS.get(side, side)}'s rate"
                        f" (its SQL {' → '.join(map(str, queries))})"
                    )
            if compared:
                out.append(
                    f"  - {name}: GraphQL serves {', '.join(compared)}; ours "
                    f"{' → '.join(map(str, scaling[name]['graphql']['queries']))} as the {scaling[name]['unit']} double."
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
