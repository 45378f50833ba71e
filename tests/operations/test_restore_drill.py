"""The restore drill (issue 20): seed, back up, wipe, restore, and the site answers exactly as before.

On the database the suite runs on (SQLite, then PostgreSQL in CI's second pass), with media on the S3 protocol
server and the backup kept in a folder or in another bucket. After the restore: every API answer of a set of
queries (pages in Italian and Arabic, listings, search, feeds) is byte-identical to before, every file URL in them
fetches the same bytes, subscribers and their consent records are intact, and a send interrupted before the backup
resumes and reaches exactly the recipients it had not reached.
"""

import datetime
import hashlib
import json
import re
from urllib.parse import urlsplit

import pytest
import requests
from django.core import serializers
from django.core.cache import cache
from django.core.mail import get_connection
from django.core.management import call_command
from django.utils import timezone

from newsletter import sending
from newsletter.models import Consent, Delivery, Dispatch, Subscriber
from newsletter.throttle import Throttle
from operations.backup import target_open
from tests.newsletter.conftest import make_subscribers, publish_issue

from .conftest import tables_drop

pytestmark = pytest.mark.django_db(transaction=True)

PAGE = """query Page($path: String!, $locale: String!) {
  page(path: $path, locale: $locale) {
    __typename id title url path isFallback locale { code direction }
    seo { title description image { url rendition(filter: "social") { url width height } } }
    jsonLd
    ... on ServicePage { summary body { blockType
      ... on ImageBlock { caption alt image { url rendition(filter: "content") { url width height } } }
      ... on DocumentBlock { title document { url title fileSize fileExtension } } } }
    ... on NewsPage { summary date mainImage { url } body { blockType } }
  }
}"""
LISTINGS = """query Listings($locale: String!) {
  servicePages(locale: $locale, first: 20) { totalCount edges { node { id title url summary isFallback } } }
  newsPages(locale: $locale, first: 20) { totalCount edges { node { id title url summary } } }
  events(locale: $locale, first: 20) { totalCount edges { node { id title url } } }
}"""
SEARCH = """query Search($query: String!, $locale: String!) {
  search(query: $query, locale: $locale, first: 20) { totalCount edges { node { __typename id title url } } }
}"""
QUERIES = {
    "service it": (PAGE, {"path": "/servizi/corsi-di-italiano-l2/", "locale": "it"}),
    "service ar": (PAGE, {"path": "/servizi/corsi-di-italiano-l2/", "locale": "ar"}),
    "news it": (PAGE, {"path": "/notizie/nuovi-corsi/", "locale": "it"}),
    "listings it": (LISTINGS, {"locale": "it"}),
    "listings ar": (LISTINGS, {"locale": "ar"}),
    "search it": (SEARCH, {"query": "italiano", "locale": "it"}),
}
FEEDS = [
    "/feeds/",
    "/feeds/it/news.rss",
    "/feeds/it/services.atom",
    "/feeds/ar/services.json",
    "/feeds/it/events.ics",
]
URL = re.compile(r"""https?://[^\s"'<>\\]+|/documents/\d+/[^\s"'<>\\]+""")


def api_answers(client) -> dict[str, bytes]:
    answers = {}
    for name, (query, variables) in QUERIES.items():
        response = client.post(
            "/graphql/", {"query": query, "variables": variables}, content_type="application/json"
        )
        assert response.status_code == 200, response.content
        assert "errors" not in json.loads(response.content), response.content
        answers[name] = response.content
    for path in FEEDS:
        response = client.get(path)
        assert response.status_code == 200, path
        answers[path] = response.content
    return answers


def file_urls(answers: dict[str, bytes], s3_endpoint: str) -> set[str]:
    urls = {url for body in answers.values() for url in URL.findall(body.decode())}
    return {url for url in urls if url.startswith(s3_endpoint) or "/documents/" in url}


def fetch(client, url: str) -> str:
    """The sha256 of the file behind a URL: straight from the store, or through Wagtail's document view."""
    if "/documents/" in url:
        redirect = client.get(urlsplit(url).path)
        assert redirect.status_code == 302, url
        url = redirect["Location"]
    response = requests.get(url, timeout=10)
    assert response.status_code == 200, url
    return hashlib.sha256(response.content).hexdigest()


def people() -> str:
    """Subscribers, their topics and every consent record, as serialised rows."""
    return serializers.serialize(
        "json", [*Subscriber.objects.order_by("pk"), *Consent.objects.order_by("pk")]
    )


class StopAfter:
    """The real SMTP connection, until the worker stops after `count` messages (a deploy, a killed process)."""

    class Stopped(BaseException):
        pass

    def __init__(self, count: int):
        self.inner = get_connection("django.core.mail.backends.smtp.EmailBackend")
        self.left = count

    def open(self):
        return self.inner.open()

    def close(self):
        return self.inner.close()

    def send_messages(self, messages):
        if self.left == 0:
            raise self.Stopped
        self.left -= 1
        return self.inner.send_messages(messages)


def after_claim_timeout(settings) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(seconds=settings.NEWSLETTER_CLAIM_TIMEOUT_SECONDS + 1)


def send_interrupted(smtp_server, settings) -> Dispatch:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.NEWSLETTER_MESSAGES_PER_SECOND = 0
    subscribers = make_subscribers(6)
    for subscriber in subscribers:
        Consent.objects.create(
            subscriber=subscriber,
            method=Consent.Method.PORTAL,
            text_version="2025-01",
            text="Acconsento a ricevere la newsletter.",
            language="it",
            ip_hash="ab" * 32,
        )
    dispatch = sending.issue_send(issue=publish_issue())
    with pytest.raises(StopAfter.Stopped):
        sending.dispatch_deliver(dispatch_id=dispatch.pk, connection=StopAfter(2), throttle=Throttle(0))
    assert len(smtp_server.received) == 2
    return dispatch


@pytest.mark.parametrize("where", ["folder", "bucket"])
def test_restore_drill(where, s3, backup_bucket, small_site, tmp_path, client, smtp_server, settings):
    settings.GRAPHQL_API = {**settings.GRAPHQL_API, "MEDIA_BASE_URL": "http://testserver"}
    target = str(tmp_path / "backups") if where == "folder" else backup_bucket[0]
    dispatch = send_interrupted(smtp_server, settings)
    reached = set(smtp_server.handler.recipients())

    before = api_answers(client)
    cache.clear()
    assert api_answers(client) == before  # the answers are stable: the comparison below means something
    urls = file_urls(before, s3.endpoint)
    assert {url for url in urls if url.startswith(s3.endpoint)} and {
        url for url in urls if "/documents/" in url
    }
    files_before = {url: fetch(client, url) for url in urls}
    people_before = people()

    call_command("backup", target=target, verbosity=0)

    tables_drop()
    s3.client.delete_objects(Bucket=s3.bucket, Delete={"Objects": [{"Key": key} for key in s3.keys()]})
    assert s3.keys() == []
    cache.clear()

    call_command("restore", "latest", target=target, verbosity=0)

    after = api_answers(client)
    assert {name: body for name, body in after.items() if body != before[name]} == {}
    assert {url: fetch(client, url) for url in urls} == files_before
    # Put back as the storages write them: a document opens as a PDF, a rendition is cached for a day.
    document = s3.client.head_object(Bucket=s3.bucket, Key=small_site["document"].file.name)
    assert document["ContentType"] == "application/pdf"
    rendition = s3.client.head_object(
        Bucket=s3.bucket, Key=f"public/{small_site['image'].renditions.first().file.name}"
    )
    assert (
        rendition["ContentType"].startswith("image/") and rendition["CacheControl"] == "public, max-age=86400"
    )
    assert people() == people_before

    # The send resumes where it stopped: the four it had not reached get one message each, the first two none.
    smtp_server.received.clear()
    assert sending.dispatches_resume_stalled(now=after_claim_timeout(settings)) == [dispatch.pk]
    outcome = sending.dispatch_deliver(dispatch_id=dispatch.pk, throttle=Throttle(0))
    assert outcome.finished and outcome.sent == 4
    resumed = smtp_server.handler.recipients()
    assert len(resumed) == 4 and not set(resumed) & reached
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.SENT}

    assert target_open(target).complete()  # the backup is still there for the next drill
