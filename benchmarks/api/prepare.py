"""Migrate the database named by DATABASE_URL and, with --seed, fill it with the fixed data set.

    python -m benchmarks.api.prepare [--seed]

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
        result["counts"] = seed_dataset(progress=lambda line: print(f"  seed: {line}", file=sys.stderr))
        result["seed_seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
