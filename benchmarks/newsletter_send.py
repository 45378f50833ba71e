#!/usr/bin/env python
"""Newsletter sending throughput, side by side with a bare smtplib loop on the same machine and SMTP server.

The target (the newsletter issue): rendering is done once per issue and language, personalised only by links;
sending N recipients to a local SMTP server runs at no less than half the rate of a bare smtplib loop.

    .venv/bin/python benchmarks/newsletter_send.py [--recipients 10000] [--repeat N] [--profile]

Everything runs against a throw-away SQLite file in a temporary directory (DATABASE_URL), migrated here, with
an Italian and an Arabic edition built by the test suite's own helpers. benchmarks/README.md says how to read
the results (benchmarks/results/newsletter_send.json).
"""

import argparse
import cProfile
import json
import os
import shutil
import smtplib
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

BENCHMARKS_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCHMARKS_DIR.parent
RESULTS_DIR = BENCHMARKS_DIR / "results"
FROM_EMAIL = "InterAzioni <newsletter@interazioni.example.org>"
# The embedded default's options (cms/settings/base.py, EMBEDDED_SQLITE) as DATABASE_URL query parameters.
SQLITE_WAL_OPTIONS = urlencode(
    {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", "transaction_mode": "IMMEDIATE"}
)
# SQLite's own defaults: a rollback journal, and every commit waits for the disk twice.
SQLITE_ROLLBACK_OPTIONS = urlencode(
    {"init_command": "PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL;", "transaction_mode": "IMMEDIATE"}
)

# Run as a script: the project root (Django project, apps, tests' helpers) is not on the path otherwise.
sys.path.insert(0, str(PROJECT_DIR))
from benchmarks.newsletter_content import add_subscribers, build_issues, reset_send
from benchmarks.probes import (
    PerMessageQueries,
    PhaseTimer,
    RenderProbe,
    TaskOutcomes,
    check_app_send,
    check_personalisation,
    query_shapes,
)
from benchmarks.report import describe_setup, machine_info, print_table, summarise, write_profile
from benchmarks.smtp_sink import SMTPSink


# --- Environment --------------------------------------------------------------------------------------------
def configure_django(*, database_url: str, media_root: Path, smtp_port: int) -> None:
    """The project's one settings module, driven by the environment as in a deployment (no test settings)."""
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings",
            "DJANGO_ENV": "development",
            "DEBUG": "false",  # DEBUG keeps every SQL query in memory: not what a worker in production does
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(media_root),
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
            "NEWSLETTER_EMAIL_BACKEND": "",
            "NEWSLETTER_MESSAGES_PER_SECOND": "0",  # unthrottled: we measure the send path, not the pacing
            "NEWSLETTER_FROM_EMAIL": FROM_EMAIL,
            "NEWSLETTER_PUBLIC_BASE_URL": "https://cms.example.org",
            "NEWSLETTER_UNSUBSCRIBE_MAILTO": "",
            "PORTAL_BASE_URL": "https://portal.example.org/{locale}",
            "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "LOG_LEVEL": "WARNING",
        }
    )
    import django

    django.setup()


# --- The two sides ------------------------------------------------------------------------------------------
def baseline_messages(source, editions) -> dict[str, bytes]:
    """One message per language, built by the app itself for a real subscriber, as bytes on the wire.

    The bare loop sends these same bytes to every recipient of that language (only the envelope changes), so
    both sides move the same volume: the difference is everything the app does per message.
    """
    from newsletter.messages import MessageTemplate, delivery_message_id, newsletter_message
    from newsletter.models import Subscriber
    from newsletter.rendering.links import subscriber_links

    messages = {}
    for language, edition in editions.items():
        subscriber = Subscriber.objects.filter(language=language).order_by("-pk").first()
        delivery_id = subscriber.pk  # a delivery id of the same number of digits as the real ones
        message = newsletter_message(
            edition=edition,
            links=subscriber_links(subscriber.key, language, delivery_id),
            to=subscriber.email,
            message_id=delivery_message_id(source.pk, delivery_id),
            template=MessageTemplate.for_edition(edition),  # the bytes the app sends, prepared the same way
        )
        messages[language] = message.message().as_bytes(linesep="\r\n")
    return messages


def run_baseline(port: int, recipients: list[tuple[str, str]], messages: dict[str, bytes]) -> dict:
    """A bare smtplib loop over one connection: the fastest this machine sends these bytes to this server."""
    sender = "newsletter@interazioni.example.org"
    wall, cpu = time.perf_counter(), time.process_time()
    with smtplib.SMTP("127.0.0.1", port, local_hostname="bench.localhost", timeout=30) as smtp:
        for address, language in recipients:
            smtp.sendmail(sender, [address], messages[language])
    return {"seconds": time.perf_counter() - wall, "cpu_seconds": time.process_time() - cpu}


def run_app(source, *, profile: cProfile.Profile | None = None) -> dict:
    """The real send path: issue_send fixes the audience; on commit, the immediate task delivers it all."""
    from newsletter import sending

    with PhaseTimer() as phases, TaskOutcomes() as tasks:
        wall, cpu = time.perf_counter(), time.process_time()
        if profile is not None:
            profile.enable()
        try:
            sending.issue_send(issue=source)
        finally:
            if profile is not None:
                profile.disable()
        seconds, cpu_seconds = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "materialise_seconds": phases.materialise_seconds,
        "tasks": tasks.results,
    }


# --- Main ---------------------------------------------------------------------------------------------------
def rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else float("inf")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--recipients", type=int, default=10_000, help="active subscribers, half it, half ar")
    parser.add_argument("--repeat", type=int, default=1, help="baseline/app pairs; medians are reported")
    parser.add_argument(
        "--query-sample",
        type=int,
        default=200,
        help="recipients of the warm-up send whose SQL queries and message bodies are checked",
    )
    parser.add_argument(
        "--database-url",
        default="",
        help="an empty, disposable database to migrate and fill (default: a new SQLite file in a temp dir)",
    )
    parser.add_argument(
        "--sqlite-wal",
        action="store_true",
        help="open the temporary SQLite file as the embedded default does (WAL, synchronous=NORMAL)",
    )
    parser.add_argument(
        "--sqlite-rollback",
        action="store_true",
        help="open the temporary SQLite file with SQLite's defaults (rollback journal, synchronous=FULL) instead "
        "of the project's WAL options",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="profile the app side with cProfile (<output>_profile.txt next to the JSON, which "
        "is not written: profiling slows the app side down)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=None,
        help="default: results/newsletter_send.json (newsletter_send_sqlite_wal.json with --sqlite-wal)",
    )
    args = parser.parse_args()
    if args.recipients < 2 or args.repeat < 1:
        parser.error("--recipients must be at least 2 and --repeat at least 1")
    query_sample = max(2, min(args.query_sample, args.recipients))
    if args.output is None:
        args.output = RESULTS_DIR / (
            "newsletter_send_sqlite_wal.json" if args.sqlite_wal
            else "newsletter_send_sqlite_rollback.json" if args.sqlite_rollback
            else "newsletter_send.json"
        )

    workdir = Path(tempfile.mkdtemp(prefix="newsletter-bench-"))
    database_url = args.database_url or f"sqlite:///{workdir / 'bench.sqlite3'}"
    if args.sqlite_wal and not args.database_url:
        # cms/settings/base.py gives these options to a DATABASE_URL SQLite file too now: explicit here.
        database_url += f"?{SQLITE_WAL_OPTIONS}"
    elif args.sqlite_rollback and not args.database_url:
        database_url += f"?{SQLITE_ROLLBACK_OPTIONS}"  # options in the URL win over the project's
    try:
        with SMTPSink() as sink:
            configure_django(database_url=database_url, media_root=workdir / "media", smtp_port=sink.port)
            return run(args, sink, query_sample)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def run(args, sink: SMTPSink, query_sample: int) -> int:
    from django.core.management import call_command

    from newsletter.models import Subscriber

    info = machine_info()
    print(
        f"machine: {info['cpu_count']} CPUs ({info['cpu_model']}), load {info['load_average_at_start']}, "
        f"Python {info['python']}; SMTP sink pid {sink.pid} on 127.0.0.1:{sink.port}"
    )
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    setup = describe_setup(args)
    italian, _arabic = build_issues()
    print(
        f"set-up: migrated and built the it/ar issue in {time.perf_counter() - started:.1f} s; "
        f"database {setup['database_vendor']} {setup['durability']}"
    )

    add_subscribers(query_sample, prefix="warm")
    warm = warm_up(italian, sink, query_sample)
    add_subscribers(args.recipients - query_sample, prefix="reader")
    subscribers = list(Subscriber.objects.order_by("pk").values_list("email", "language"))
    assert len(subscribers) == args.recipients
    wire = baseline_messages(italian, warm["editions"])

    profile = cProfile.Profile() if args.profile else None
    runs = []
    for number in range(1, args.repeat + 1):
        runs.append(measure_pair(italian, sink, subscribers, wire, profile=profile))
        result = runs[-1]
        print(
            f"run {number}/{args.repeat}: baseline {result['baseline']['messages_per_second']:.0f} msg/s, "
            f"app {result['app']['messages_per_second']:.0f} msg/s, ratio {result['ratio']:.2f}, "
            f"check ok={result['app']['check']['ok']}"
        )
        if not result["app"]["check"]["ok"]:
            print(json.dumps(result["app"]["check"], indent=2, default=str))

    summary = summarise(runs, warm, args.recipients)
    info["load_average_at_end"] = [round(value, 2) for value in os.getloadavg()]
    print_table(summary, setup, args.recipients, args.repeat, runs)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    if profile is not None:
        write_profile(profile, args.output.with_name(f"{args.output.stem}_profile.txt"), args.recipients)
    else:
        report = {
            "benchmark": "newsletter_send",
            "recipients": args.recipients,
            "repeat": args.repeat,
            "languages": {"it": args.recipients - args.recipients // 2, "ar": args.recipients // 2},
            "machine": info,
            "setup": setup,
            "summary": summary,
            "warm_up": {key: value for key, value in warm.items() if key != "editions"},
            "runs": runs,
        }
        args.output.write_text(json.dumps(report, indent=2, default=str, ensure_ascii=False) + "\n")
        print(f"results: {args.output}")
    # The verdict on the target is in the table and the JSON; a non-zero exit means an invalid measurement.
    return 0 if summary["every_subscriber_exactly_one"] and summary["personalised_only_by_links"] else 1


def warm_up(source, sink: SMTPSink, recipients: int) -> dict:
    """A first send to a small audience: SQL per message, each received body checked against its edition."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from newsletter.models import Subscriber

    sink.reset(keep_samples=recipients)
    with (
        RenderProbe() as probe,
        CaptureQueriesContext(connection) as queries,
        PerMessageQueries(connection) as inner,
    ):
        app = run_app(source)
    stats = sink.stats()
    check = check_app_send(source, stats, set(Subscriber.objects.values_list("email", flat=True)))
    editions = {code: edition for (_pk, code), edition in probe.editions.items()}
    personalisation = check_personalisation(stats.samples, editions)
    sql = {
        "recipients": recipients,
        "queries": len(queries),
        "per_message": round(len(queries) / recipients, 2),
        # queries_log keeps the last 9,000 queries: the count inside _deliver_one is exact below that.
        "inside_deliver_one_per_message": round(inner.queries / max(inner.messages, 1), 2),
        "by_statement": dict(Counter(q["sql"].split(None, 1)[0].upper() for q in queries.captured_queries)),
        "top_shapes": query_shapes(queries.captured_queries),
    }
    reset_send(source)
    print(
        f"warm-up: {recipients} recipients, {sql['queries']} SQL queries ({sql['per_message']} per message, "
        f"{sql['inside_deliver_one_per_message']} inside _deliver_one); "
        f"bodies identical but for the links: {personalisation['identical_but_links']} of "
        f"{personalisation['checked']}; check ok={check['ok']}"
    )
    return {
        "seconds": app["seconds"],
        "check": check,
        "personalisation": personalisation,
        "sql": sql,
        "renders": {f"{pk}:{code}": count for (pk, code), count in sorted(probe.renders.items())},
        "editions": editions,
    }


def measure_pair(
    source,
    sink: SMTPSink,
    subscribers: list[tuple[str, str]],
    wire: dict[str, bytes],
    *,
    profile: cProfile.Profile | None,
) -> dict:
    """The bare loop, then the app, to the same recipients through the same server."""
    sink.reset()
    baseline = run_baseline(sink.port, subscribers, wire)
    baseline_stats = sink.stats()
    assert baseline_stats.messages == len(subscribers), baseline_stats.messages

    sink.reset()
    with RenderProbe() as probe:
        app = run_app(source, profile=profile)
    app_stats = sink.stats()
    check = check_app_send(source, app_stats, {email for email, _language in subscribers})
    reset_send(source)
    loop_seconds = app["seconds"] - app["materialise_seconds"] - probe.seconds
    result = {
        "baseline": {
            **baseline,
            "messages": baseline_stats.messages,
            "bytes": baseline_stats.bytes,
            "messages_per_second": rate(baseline_stats.messages, baseline["seconds"]),
        },
        "app": {
            **app,
            "messages": app_stats.messages,
            "bytes": app_stats.bytes,
            "messages_per_second": rate(app_stats.messages, app["seconds"]),
            "delivery_loop_messages_per_second": rate(app_stats.messages, loop_seconds),
            "render_seconds": probe.seconds,
            "check": check,
            "renders": {f"{pk}:{code}": count for (pk, code), count in sorted(probe.renders.items())},
            "mjml_compilations": probe.mjml_compilations,
        },
    }
    result["ratio"] = result["app"]["messages_per_second"] / result["baseline"]["messages_per_second"]
    return result


if __name__ == "__main__":
    sys.exit(main())
