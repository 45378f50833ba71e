"""An editor publishing under load, and the readers' view right after each publish: are answers ever stale?

    python -m benchmarks.load.publisher --slug evento-000 --base-url URL --out FILE (--every SECONDS --until T |
                                        --storm CYCLES)

Each cycle publishes a new revision with a new title through Wagtail, as the admin does (a storm alternates
publish and unpublish), and records whether publish() returned and whether its audit-log entry exists. Then,
after the commit, it asks the API (the cached GET path, several times so every gunicorn worker answers) and the
events JSON feed for the page: an answer that still shows the state before the publish is stale. One JSON line
per cycle, times as epoch seconds (the orchestrator places them in its fault windows).
"""

import argparse
import hashlib
import json
import sys
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

PAGE_TITLE = "query LoadPageTitle($path: String!) { page(path: $path, locale: \"it\") { title } }"
API_CHECKS = 6
FEED_CHECKS = 3


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except (urllib.error.URLError, OSError) as error:
        return 0, str(error).encode()


def _api_url(base_url: str, path: str, *, with_query: bool) -> str:
    extensions = {"persistedQuery": {"version": 1, "sha256Hash": hashlib.sha256(PAGE_TITLE.encode()).hexdigest()}}
    params = {"variables": json.dumps({"path": path}), "extensions": json.dumps(extensions)}
    if with_query:
        params["query"] = PAGE_TITLE
    return f"{base_url}/graphql/?{urllib.parse.urlencode(params)}"


def api_title(base_url: str, path: str) -> tuple[str, str | None]:
    """("ok", title or None when unpublished) or (the error's kind, None); the APQ retry as a client does it."""
    status, body = _get(_api_url(base_url, path, with_query=False))
    if status == 200 and b"PERSISTED_QUERY_NOT_FOUND" in body:
        status, body = _get(_api_url(base_url, path, with_query=True))
    if status != 200:
        return f"http {status}", None
    data = json.loads(body)
    if data.get("errors"):
        return f"graphql {data['errors'][0].get('extensions', {}).get('code')}", None
    page = data["data"]["page"]
    return "ok", page["title"] if page else None


def feed_titles(base_url: str) -> tuple[str, set[str]]:
    status, body = _get(f"{base_url}/feeds/it/events.json")
    if status != 200:
        return f"http {status}", set()
    return "ok", {item.get("title", "") for item in json.loads(body).get("items", [])}


def check(base_url: str, page_path: str, title: str, *, published: bool) -> dict:
    """How many API and feed answers, asked at once after the commit, still show the page as it was before: its
    old title after a publish, the page itself after an unpublish."""
    with ThreadPoolExecutor(API_CHECKS + FEED_CHECKS) as pool:
        api = [pool.submit(api_title, base_url, page_path) for _ in range(API_CHECKS)]
        feeds = [pool.submit(feed_titles, base_url) for _ in range(FEED_CHECKS)]
    api_answers = [future.result() for future in api]
    feed_answers = [future.result() for future in feeds]
    return {
        "api_checks": API_CHECKS,
        "feed_checks": FEED_CHECKS,
        "stale_api": sum(1 for outcome, answer in api_answers
                         if outcome == "ok" and answer != (title if published else None)),
        "stale_feed": sum(1 for outcome, titles in feed_answers if outcome == "ok" and (title in titles) != published),
        "check_failures": sum(1 for outcome, _ in api_answers + feed_answers if outcome != "ok"),
    }


def cycle(page, number: int, *, unpublish: bool) -> dict:
    """Publish a new title (or unpublish) as the admin does; whether it returned and its audit entry exists."""
    from wagtail.models import PageLogEntry

    started = time.time()
    record = {"t": started, "page": page.slug, "cycle": number, "action": "unpublish" if unpublish else "publish"}
    try:
        page.refresh_from_db()
        if unpublish:
            page.unpublish()
        else:
            page.title = f"Incontro {page.slug} (load {number})"
            page.save_revision().publish()
        record["seconds"] = round(time.time() - started, 3)
        record["audit_logged"] = PageLogEntry.objects.filter(
            page=page, action="wagtail.unpublish" if unpublish else "wagtail.publish",
            timestamp__gte=_aware(started),
        ).exists()
        record["ok"] = True
    except Exception as error:  # recorded, not raised: the point is to see which faults make publishing fail
        record.update(ok=False, seconds=round(time.time() - started, 3), error=type(error).__name__,
                      detail=traceback.format_exception_only(error)[-1].strip()[:200])
    return record


def _aware(epoch: float):
    import datetime

    return datetime.datetime.fromtimestamp(epoch - 1, tz=datetime.UTC)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--slug", required=True)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--every", type=float, default=4.0)
    parser.add_argument("--until", type=float, default=0.0)
    parser.add_argument("--storm", type=int, default=0, help="cycles as fast as possible, alternating unpublish")
    options = parser.parse_args()

    import django

    django.setup()
    from django.db import close_old_connections

    from content_models.models import EventPage

    page = EventPage.objects.get(slug=options.slug, locale__language_code="it")
    page_path = "/" + "/".join(page.url_path.strip("/").split("/")[1:]) + "/"
    number = 0
    with options.out.open("a", buffering=1) as out:
        while True:
            if options.storm and number >= options.storm:
                break
            if not options.storm and time.time() >= options.until:
                break
            close_old_connections()  # as a request would: a connection the database dropped is replaced
            number += 1
            unpublish = bool(options.storm) and number % 2 == 0
            record = cycle(page, number, unpublish=unpublish)
            if record["ok"]:
                record.update(check(options.base_url, page_path, page.title, published=not unpublish))
            out.write(json.dumps(record) + "\n")
            if not options.storm:
                time.sleep(max(0.0, options.every - (time.time() - record["t"])))
        if options.storm and number % 2 == 0:
            close_old_connections()
            page.refresh_from_db()
            page.save_revision().publish()  # leave it published


if __name__ == "__main__":
    main()
