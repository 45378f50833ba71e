"""In-process part of the 10x step: SQL queries of each workload on this database, and the publish path.

    python -m benchmarks.api.scale --output FILE [--publishes N]

Run by run.py (`--scale 10`) once on the 1x copy and once on the 10x copy, with the benchmark's settings and
database in the environment, after the HTTP rounds (it publishes, so it changes the copy it runs on).

The publish path is what an editor's "Publish" costs the server: a new revision of the 20-block service page,
published through Wagtail as the admin does, in one transaction whose commit runs the on-commit work
(the content generation's bump, so cached answers are invalidated, and the tasks the apps enqueue: distribution,
print). Tasks go to the database backend (django_tasks_db), as in production, so enqueuing is timed, not the
tasks themselves. The first publish of the run is a warm-up and not counted.
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT_DIR))

from benchmarks.api import seed, workloads


def sql_queries() -> dict:
    """Each GraphQL workload's queries, uncached (W1-W3) and served from the response cache (W4)."""
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost")
    counts = {}
    with override_settings(GRAPHQL_API={**settings.GRAPHQL_API, "RESPONSE_CACHE_SECONDS": 0}):
        for name, (_label, request, _v2) in workloads.UNCACHED.items():
            client.post("/graphql/", request.body, content_type="application/json")
            with CaptureQueriesContext(connection) as captured:
                response = client.post("/graphql/", request.body, content_type="application/json")
            if response.status_code != 200 or b'"errors"' in response.content[:5000]:
                raise SystemExit(f"{name}: HTTP {response.status_code}: {response.content[:300]!r}")
            counts[name] = len(captured.captured_queries)
    cache.clear()
    for name, (_label, request) in workloads.CACHED.items():
        client.get(request.persisted_path(with_query=True))
        with CaptureQueriesContext(connection) as captured:
            response = client.get(request.persisted_path())
        if response.headers.get("X-GraphQL-Cache") != "hit":
            raise SystemExit(f"{name}: not served from the response cache")
        counts[name] = len(captured.captured_queries)
    return counts


def publish_path(publishes: int) -> dict:
    """Seconds to publish the 20-block service page, with its on-commit work and the tasks it enqueues."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext
    from django_tasks_db.models import DBTaskResult

    from content_models.models import ServicePage

    page_id = ServicePage.objects.get(slug=seed.SERVICE_SLUG_20_BLOCKS, locale__language_code=workloads.LOCALE).pk
    seconds, queries, tasks = [], [], []
    for number in range(publishes + 1):
        page = ServicePage.objects.get(pk=page_id)
        page.summary = f"{seed.TEXT['it']['summary']} ({number})"
        before = DBTaskResult.objects.count()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            with transaction.atomic():
                page.save_revision().publish()
            elapsed = time.perf_counter() - started  # the commit and its on-commit callbacks included
        if number == 0:
            continue  # warm-up: the first revision of a seeded page, and code paths loaded once
        seconds.append(elapsed)
        queries.append(len(captured.captured_queries))
        tasks.append(DBTaskResult.objects.count() - before)
    return {
        "publishes": publishes,
        "median_ms": statistics.median(seconds) * 1000,
        "max_ms": max(seconds) * 1000,
        "sql_queries": statistics.median(queries),
        "tasks_enqueued": statistics.median(tasks),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--publishes", type=int, default=10)
    args = parser.parse_args()
    import django

    django.setup()
    from wagtail.models import Page

    result = {"pages": Page.objects.count(), "sql_queries": sql_queries(), "publish": publish_path(args.publishes)}
    args.output.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
