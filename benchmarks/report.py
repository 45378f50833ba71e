"""What the benchmark prints and writes besides its figures: machine, short table, cProfile summary."""

import contextlib
import cProfile
import datetime
import io
import os
import platform
import pstats
import subprocess
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent


def cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return ""


def git_commit() -> str:
    """The short commit the figures were measured at ("" outside a checkout)."""
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT_DIR, capture_output=True, text=True, check=True
        ).stdout.strip()
    return ""


def machine_info() -> dict:
    import aiosmtpd
    import django
    import wagtail

    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu_model": cpu_model(),
        "load_average_at_start": [round(value, 2) for value in os.getloadavg()],
        "python": platform.python_version(),
        "platform": platform.platform(),
        "django": django.__version__,
        "wagtail": wagtail.__version__,
        "aiosmtpd": aiosmtpd.__version__,
        "git_commit": git_commit(),
    }


def print_table(summary: dict, setup: dict, recipients: int, repeat: int, runs: list[dict]) -> None:
    database = setup["database_vendor"] + "".join(
        f" {key}={value}" for key, value in setup["durability"].items()
    )
    rows = [
        ("recipients (it/ar)", f"{recipients} ({recipients - recipients // 2}/{recipients // 2}), x{repeat}"),
        ("database", database),
        (
            "bare smtplib loop",
            (
                f"{summary['baseline_messages_per_second']:8.0f} msg/s"
                f"  ({summary['baseline_cpu_ms_per_message']:.2f} ms CPU/msg)"
            ),
        ),
        (
            "app: issue_send end to end",
            (
                f"{summary['app_messages_per_second']:8.0f} msg/s"
                f"  ({summary['app_cpu_ms_per_message']:.2f} ms CPU/msg)"
            ),
        ),
        ("app: delivery loop only", f"{summary['app_delivery_loop_messages_per_second']:8.0f} msg/s"),
        ("ratio app / baseline", f"{summary['ratio']:8.2f}   (target >= {summary['target_ratio']})"),
        (
            "bytes per message",
            (
                f"baseline {summary['bytes_per_message']['baseline']:.0f},"
                f" app {summary['bytes_per_message']['app']:.0f}"
            ),
        ),
        (
            "renders per edition",
            ", ".join(f"{key}: {n}" for key, n in runs[0]["app"]["renders"].items())
            + f"; MJML compilations: {runs[0]['app']['mjml_compilations']}",
        ),
        ("personalised only by links", str(summary["personalised_only_by_links"])),
        (
            "SQL queries per message",
            (
                f"{summary['sql_queries_per_message']} in all (warm-up send), "
                f"{summary['sql_queries_per_message_inside_deliver_one']} inside _deliver_one"
            ),
        ),
        ("exactly one each", str(summary["every_subscriber_exactly_one"])),
        ("target met", str(summary["target_met"])),
    ]
    width = max(len(name) for name, _value in rows)
    print()
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")
    print()


def write_profile(profile: cProfile.Profile, path: Path, recipients: int) -> None:
    out = io.StringIO()
    out.write(f"cProfile of issue_send to {recipients} recipients (app side only)\n\n")
    stats = pstats.Stats(profile, stream=out).strip_dirs()
    out.write("== by own time ==\n")
    stats.sort_stats("tottime").print_stats(30)
    out.write("== by cumulative time ==\n")
    stats.sort_stats("cumulative").print_stats(40)
    path.write_text(out.getvalue())
    print(f"profile: {path}")
