"""Migrate the database named by DATABASE_URL and, with --seed, fill it with the fixed data set.

    python -m benchmarks.api.prepare [--seed [--scale N]]

Run by run.py in its own process (the environment names the database and MEDIA_ROOT).
"""

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", action="store_true")
    parser.add_argument("--scale", type=int, default=1, help="times the data set (10: 28,000 pages)")
    args = parser.parse_args()
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    result = {"migrate_seconds": round(time.perf_counter() - started, 1)}
    if args.seed:
        from benchmarks.api.seed import seed_dataset

        started = time.perf_counter()
        result["counts"] = seed_dataset(
            progress=lambda line: print(f"  seed: {line}", file=sys.stderr), scale=args.scale
        )
        result["seed_seconds"] = round(time.perf_counter() - started, 1)
    # What the release step does (docs/operations.md): a public read never makes a rendition, it answers with what
    # exists and a background task makes the rest, so every side must find them made before it is timed.
    started = time.perf_counter()
    call_command("renditions_fill", verbosity=0)
    result["renditions_fill_seconds"] = round(time.perf_counter() - started, 1)
    from django.db import connection

    if connection.vendor == "postgresql":
        # Planner statistics, as autovacuum keeps them on a live site: a copy made from the template right after a
        # bulk seed has none (measured at 10x: the events query 15 ms without, 2 ms with).
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        result["analyze_seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
