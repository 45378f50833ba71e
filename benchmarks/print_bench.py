#!/usr/bin/env python
"""Print: how long a printed edition takes in a warm worker, and how much memory the worker needs.

Wall-clock times are what the targets speak of; on a shared machine they grow with the load (printed before and
after), so every figure also has the process's own CPU time, which a quiet machine's wall time is close to (the
work is single-threaded). The targets (issue 17): a two-page A4 leaflet in Arabic and in Chinese in at most 1.0 s each, in a process that
has already typeset once (WeasyPrint's first document loads fonts and its stylesheets: about a second, once per
worker); a desk booklet of twelve services in at most 12 s; a worker's peak memory at most 400 MiB.

    .venv/bin/python benchmarks/print_bench.py [--repeat 5]

Runs against a throw-away SQLite file in a temporary directory, migrated here, with content from
benchmarks/print_content.py; measures the same code a print job runs (HTML, then WeasyPrint), without storage.
Writes benchmarks/results/print.json. Figures only: nothing here asserts a time.
"""

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCHMARKS_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCHMARKS_DIR.parent
RESULTS_DIR = BENCHMARKS_DIR / "results"
TARGETS = {"leaflet_seconds": 1.0, "booklet_seconds": 12.0, "peak_memory_mib": 400}

sys.path.insert(0, str(PROJECT_DIR))


def configure_django(*, database_url: str, media_root: Path) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings",
            "DJANGO_ENV": "development",
            "DEBUG": "false",
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(media_root),
            "PORTAL_BASE_URL": "https://portale.example.org/{locale}",
            "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "PRINT_ON_PUBLISH": "false",  # the benchmark typesets on its own, timed
            "MEDIA_PREGENERATE_RENDITIONS": "false",
            "LOG_LEVEL": "WARNING",
        }
    )
    import django

    django.setup()


def peak_memory_mib() -> float:
    """This process's peak resident memory (VmHWM): the worker's, since it did everything a worker does."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def time_leaflet(page, language: str) -> dict:
    from printing.content import ContentSnapshot
    from printing.formats import Edition
    from printing.services import edition_document
    from printing.typesetting import typeset

    start, cpu = time.perf_counter(), time.process_time()
    document = edition_document(page, Edition(language, "a4"), ContentSnapshot())
    html_done = time.perf_counter()
    result = typeset(document.final_html(), document.assets.files)
    end = time.perf_counter()
    return {
        "seconds": end - start,
        "cpu_seconds": time.process_time() - cpu,
        "html_seconds": html_done - start,
        "typeset_seconds": end - html_done,
        "pages": result.pages,
        "bytes": len(result.pdf),
        "warnings": result.warnings,
    }


def time_booklet(point, *, fmt: str) -> dict:
    from printing.booklets import booklet_build
    from printing.models import PrintBooklet

    booklet = PrintBooklet.objects.create(
        language="ar", format=fmt, selection="service_point", service_point=point
    )
    start, cpu = time.perf_counter(), time.process_time()
    state = booklet_build(booklet_id=booklet.pk)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    booklet.refresh_from_db()
    return {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "state": state,
        "pages": booklet.pages,
        "bytes": booklet.bytes,
        "chapters": len(booklet.contents.get("printed", [])),
        "error": booklet.last_error,
    }


def summarise(runs: list[dict]) -> dict:
    seconds = [run["seconds"] for run in runs]
    return {
        "median_seconds": round(statistics.median(seconds), 3),
        "min_seconds": round(min(seconds), 3),
        "max_seconds": round(max(seconds), 3),
        "median_cpu_seconds": round(statistics.median(run["cpu_seconds"] for run in runs), 3),
        "pages": runs[0]["pages"],
        "bytes": runs[0]["bytes"],
        **(
            {
                "median_typeset_seconds": round(statistics.median(run["typeset_seconds"] for run in runs), 3),
                "median_html_seconds": round(statistics.median(run["html_seconds"] for run in runs), 3),
            }
            if "typeset_seconds" in runs[0]
            else {}
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each leaflet (booklet: a third)")
    args = parser.parse_args()
    load_before = os.getloadavg()
    workdir = Path(tempfile.mkdtemp(prefix="print-bench-"))
    try:
        configure_django(database_url=f"sqlite:///{workdir / 'db.sqlite3'}", media_root=workdir / "media")
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)
        from benchmarks.print_content import build

        print("building content…", flush=True)
        world = build(services=12)
        leaflets = world["leaflets"]

        first = time_leaflet(leaflets["ar"], "ar")  # the worker's first document: fonts, stylesheets
        results = {"first_document_seconds": round(first["seconds"], 3)}
        for language in ("ar", "zh-hans"):
            runs = [time_leaflet(leaflets[language], language) for _ in range(args.repeat)]
            results[f"leaflet_a4_{language}"] = summarise(runs)
            results[f"leaflet_a4_{language}"]["warnings"] = runs[0]["warnings"]
        booklet_runs = [time_booklet(world["point"], fmt="a5") for _ in range(max(1, args.repeat // 3))]
        results["booklet_12_services_a5"] = summarise(booklet_runs) | {
            "chapters": booklet_runs[0]["chapters"],
            "state": booklet_runs[0]["state"],
        }
        results["peak_memory_mib"] = round(peak_memory_mib(), 1)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    import weasyprint

    from benchmarks.report import git_commit

    leaflet_worst = max(
        results["leaflet_a4_ar"]["median_seconds"], results["leaflet_a4_zh-hans"]["median_seconds"]
    )
    report = {
        "machine": {
            "cpu_count": os.cpu_count(),
            "load_average_before": [round(v, 2) for v in load_before],
            "load_average_after": [round(v, 2) for v in os.getloadavg()],
            "weasyprint": weasyprint.__version__,
            "git_commit": git_commit(),
        },
        "repeat": args.repeat,
        "results": results,
        "targets": TARGETS,
        "targets_met": {
            "leaflet": leaflet_worst <= TARGETS["leaflet_seconds"],
            "booklet": results["booklet_12_services_a5"]["median_seconds"] <= TARGETS["booklet_seconds"],
            "memory": results["peak_memory_mib"] <= TARGETS["peak_memory_mib"],
        },
    }
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / "print.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    rows = [
        ("first document in the worker", f"{results['first_document_seconds']:.2f} s"),
        *(
            (
                f"A4 leaflet, {language}",
                "{median_seconds:.2f} s median ({min_seconds:.2f}–{max_seconds:.2f}), "
                "CPU {median_cpu_seconds:.2f} s, {pages} pages; HTML {median_html_seconds:.2f} s".format(
                    **results[f"leaflet_a4_{language}"]
                ),
            )
            for language in ("ar", "zh-hans")
        ),
        (
            "booklet, 12 services (A5, ar)",
            "{median_seconds:.2f} s median, CPU {median_cpu_seconds:.2f} s, {pages} pages".format(
                **results["booklet_12_services_a5"]
            ),
        ),
        ("peak worker memory", f"{results['peak_memory_mib']:.0f} MiB"),
        (
            "load average before / after",
            f"{report['machine']['load_average_before']} / {report['machine']['load_average_after']}",
        ),
        ("targets met", ", ".join(f"{key}: {value}" for key, value in report["targets_met"].items())),
    ]
    width = max(len(name) for name, _value in rows)
    print()
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")
    print(f"\nwritten: {RESULTS_DIR / 'print.json'}")


if __name__ == "__main__":
    main()
