"""What the newsletter benchmark reports besides its raw figures: machine, set-up, summary, short table, cProfile."""

import contextlib
import cProfile
import datetime
import io
import os
import platform
import pstats
import statistics
import subprocess
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
TARGET_RATIO = 0.5  # app rate / bare smtplib rate


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


def describe_setup(args) -> dict:
    from django.conf import settings
    from django.db import connection

    assert settings.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend", settings.EMAIL_BACKEND
    assert settings.NEWSLETTER_MESSAGES_PER_SECOND == 0 and not settings.DEBUG
    # What decides the cost of a commit: each delivery writes its status in its own transactions.
    durability = {}
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for pragma in ("journal_mode", "synchronous"):  # synchronous: 1 NORMAL, 2 FULL
                cursor.execute(f"PRAGMA {pragma}")
                durability[pragma] = cursor.fetchone()[0]
        elif connection.vendor == "postgresql":
            for name in ("server_version", "fsync", "synchronous_commit"):
                cursor.execute(f"SHOW {name}")
                durability[name] = cursor.fetchone()[0]
    return {
        "database": "given --database-url" if args.database_url else "SQLite file in a temporary directory",
        "database_vendor": connection.vendor,
        "durability": durability,
        "smtp_server": "aiosmtpd Controller with a counting sink, in its own process, on 127.0.0.1",
        "email_backend": settings.EMAIL_BACKEND,
        "tasks_backend": settings.TASKS["default"]["BACKEND"],
        "batch_size": settings.NEWSLETTER_BATCH_SIZE,
        "messages_per_second_setting": settings.NEWSLETTER_MESSAGES_PER_SECOND,
    }


def summarise(runs: list[dict], warm: dict, recipients: int) -> dict:
    editions = len(warm["editions"])

    def median(values):
        return statistics.median(list(values))

    renders_once = all(
        set(run["app"]["renders"].values()) == {1}
        and len(run["app"]["renders"]) == editions
        and run["app"]["mjml_compilations"] == editions
        for run in runs
    ) and set(warm["renders"].values()) == {1}
    personalisation = warm["personalisation"]
    summary = {
        "baseline_messages_per_second": median(r["baseline"]["messages_per_second"] for r in runs),
        "app_messages_per_second": median(r["app"]["messages_per_second"] for r in runs),
        "app_delivery_loop_messages_per_second": median(
            r["app"]["delivery_loop_messages_per_second"] for r in runs
        ),
        "ratio": median(r["ratio"] for r in runs),
        "target_ratio": TARGET_RATIO,
        "baseline_cpu_ms_per_message": median(1000 * r["baseline"]["cpu_seconds"] / recipients for r in runs),
        "app_cpu_ms_per_message": median(1000 * r["app"]["cpu_seconds"] / recipients for r in runs),
        "bytes_per_message": {
            "baseline": runs[0]["baseline"]["bytes"] / recipients,
            "app": runs[0]["app"]["bytes"] / recipients,
        },
        "rendered_once_per_issue_and_language": renders_once,
        "personalised_only_by_links": personalisation["checked"] > 0
        and not personalisation["mismatched_delivery_ids"],
        "every_subscriber_exactly_one": warm["check"]["ok"] and all(r["app"]["check"]["ok"] for r in runs),
        "sql_queries_per_message": warm["sql"]["per_message"],
        "sql_queries_per_message_inside_deliver_one": warm["sql"]["inside_deliver_one_per_message"],
    }
    summary["target_met"] = (
        summary["ratio"] >= TARGET_RATIO
        and renders_once
        and summary["personalised_only_by_links"]
        and summary["every_subscriber_exactly_one"]
    )
    return summary
