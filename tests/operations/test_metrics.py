"""/metrics/: only behind its protection; request rates and latencies per GraphQL operation type and cache result;
task queue depth, sends in progress and distribution failures read from the database."""

import datetime
import json
import re

import pytest
from django.utils import timezone
from prometheus_client.parser import text_string_to_metric_families

from distribution.models import SocialDelivery as OutboxDelivery
from distribution.models import WebhookDelivery, WebhookEvent
from newsletter import sending
from tests.newsletter.conftest import make_subscribers, publish_issue

pytestmark = pytest.mark.django_db
TOKEN = "m" * 40
QUERY = "{ locales { code } }"


@pytest.fixture
def protected(settings):
    settings.METRICS_TOKEN = TOKEN
    settings.METRICS_ALLOWED_NETWORKS = []


def scrape(client) -> dict[tuple, float]:
    response = client.get("/metrics/", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.content.decode())
        for sample in family.samples
    }


def test_without_a_token_or_networks_there_is_no_endpoint(client, settings):
    settings.METRICS_TOKEN, settings.METRICS_ALLOWED_NETWORKS = "", []
    assert client.get("/metrics/").status_code == 404


def test_a_token_is_required_and_compared_whole(client, protected):
    assert client.get("/metrics/").status_code == 401
    assert client.get("/metrics/", HTTP_AUTHORIZATION=f"Bearer {TOKEN[:-1]}").status_code == 401
    assert client.get("/metrics/", HTTP_AUTHORIZATION=f"Basic {TOKEN}").status_code == 401
    refused = client.get("/metrics/", HTTP_AUTHORIZATION="Bearer wrong")
    assert refused["WWW-Authenticate"] == 'Bearer realm="metrics"' and b"interazioni" not in refused.content
    assert client.get("/metrics/", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").status_code == 200


@pytest.mark.parametrize(
    ("address", "status"),
    [
        ("10.20.30.40", 200),
        ("::ffff:10.20.30.40", 200),
        ("fd00::5", 200),
        ("192.0.2.1", 401),
        ("2001:db8::1", 401),
    ],
)
def test_an_allow_listed_network_needs_no_token(client, settings, address, status):
    settings.METRICS_TOKEN = ""
    settings.METRICS_ALLOWED_NETWORKS = ["10.0.0.0/8", "fd00::/8"]
    settings.CLIENT_IP_HEADER = "REMOTE_ADDR"
    assert client.get("/metrics/", REMOTE_ADDR=address).status_code == status


def _count(samples, **labels) -> float:
    key = ("interazioni_graphql_request_duration_seconds_count", tuple(sorted(labels.items())))
    return samples.get(key, 0)


def test_graphql_requests_by_operation_type_persisted_and_cache_result(client, protected, locales):
    before = scrape(client)
    client.get("/graphql/", {"query": QUERY})  # miss, stored
    client.get("/graphql/", {"query": QUERY})  # hit, answered before strawberry runs
    client.post("/graphql/", {"query": QUERY}, content_type="application/json")  # POST hits the same entry
    client.post(
        "/graphql/",
        {"query": 'mutation { subscribeNewsletter(input: {email: "a@example.org", locale: "it"}) { ok } }'},
        content_type="application/json",
    )
    persisted = {"persistedQuery": {"version": 1, "sha256Hash": "0" * 64}}
    client.get("/graphql/", {"extensions": json.dumps(persisted)})  # not registered: refused before running
    after = scrape(client)

    def delta(**labels):
        return _count(after, **labels) - _count(before, **labels)

    assert delta(operation="query", persisted="false", cache="miss") == 1
    assert delta(operation="query", persisted="false", cache="hit") == 2
    assert delta(operation="mutation", persisted="false", cache="none") == 1
    assert delta(operation="none", persisted="true", cache="none") == 1
    area = (
        "interazioni_http_request_duration_seconds_count",
        (("area", "graphql"), ("method", "GET"), ("status", "2xx")),
    )
    assert after[area] - before.get(area, 0) == 3
    # The hit ratio of the response cache, as docs/operations.md computes it.
    hits = sum(
        v for (name, labels), v in after.items() if name.endswith("_count") and ("cache", "hit") in labels
    )
    assert hits >= 2


def test_queue_depth_sends_in_progress_and_distribution_failures(
    client, protected, settings, locales, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    make_subscribers(3)
    with django_capture_on_commit_callbacks(execute=True):
        sending.issue_send(issue=publish_issue())  # enqueues its delivery task in the database queue
    OutboxDelivery.objects.create(page_title="Corsi", channel="mastodon", state="failed")
    OutboxDelivery.objects.create(page_title="Corsi", channel="telegram", state="pending")
    event = WebhookEvent.objects.create(event_type="page.published", payload={})
    WebhookDelivery.objects.create(
        event=event, url="https://portal.example.org/hook", ordering_key="1", state="failed"
    )

    samples = scrape(client)

    assert samples[("interazioni_database_up", ())] == 1
    assert samples[("interazioni_tasks", (("state", "due"),))] >= 1
    assert samples[("interazioni_task_queue_oldest_seconds", ())] >= 0
    assert samples[("interazioni_newsletter_dispatches", (("state", "sending"),))] == 1
    assert samples[("interazioni_newsletter_messages_waiting", ())] == 3
    assert samples[("interazioni_distribution_outbox", (("state", "failed"),))] == 1
    assert samples[("interazioni_distribution_outbox", (("state", "pending"),))] == 1
    assert samples[("interazioni_distribution_webhook_deliveries", (("state", "failed"),))] == 1


def test_a_stalled_send_is_told_apart(client, protected, settings, locales):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    make_subscribers(2)
    dispatch = sending.issue_send(issue=publish_issue())
    old = timezone.now() - datetime.timedelta(seconds=settings.NEWSLETTER_CLAIM_TIMEOUT_SECONDS + 60)
    type(dispatch).objects.filter(pk=dispatch.pk).update(heartbeat_at=old)

    assert scrape(client)[("interazioni_newsletter_dispatches", (("state", "stalled"),))] == 1


def test_a_send_pausing_for_a_retry_is_not_stalled(client, protected, settings, locales):
    """No run holds it while it waits out an SMTP outage's backoff (newsletter/lease.py): waiting, not stalled."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    make_subscribers(2)
    dispatch = sending.issue_send(issue=publish_issue())
    later = timezone.now() + datetime.timedelta(minutes=5)
    type(dispatch).objects.filter(pk=dispatch.pk).update(heartbeat_at=None, retry_after=later)

    samples = scrape(client)
    assert samples[("interazioni_newsletter_dispatches", (("state", "sending"),))] == 1
    assert samples[("interazioni_newsletter_dispatches", (("state", "stalled"),))] == 0


def test_the_page_names_no_person(client, protected, locales):
    make_subscribers(2, prefix="giulia")
    body = client.get("/metrics/", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").content.decode()
    assert not re.search(r"giulia|@", body)
