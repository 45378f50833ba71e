"""The feedback webhook and command: whole-payload validation, all-or-nothing, de-duplication by event id."""

import json
import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from newsletter import services
from newsletter.models import ProcessedFeedbackEvent, Subscriber
from newsletter.views import signature_for

from .conftest import make_subscribers
from .test_feedback import URL, post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("locales")]


def statuses():
    return dict(Subscriber.objects.values_list("email", "status"))


def test_replayed_delivery_within_the_tolerance_is_a_no_op(client, settings):
    settings.NEWSLETTER_SOFT_BOUNCE_LIMIT = 3
    subscriber = make_subscribers(1)[0]
    body = json.dumps({"events": [{"type": "bounce", "email": subscriber.email, "permanent": False}]}).encode()
    timestamp = str(int(time.time()))
    signature = signature_for("test-webhook-secret", timestamp, body)
    headers = {"HTTP_X_NEWSLETTER_TIMESTAMP": timestamp, "HTTP_X_NEWSLETTER_SIGNATURE": f"sha256={signature}"}

    first = client.post(URL, body, content_type="application/json", **headers)
    replays = [client.post(URL, body, content_type="application/json", **headers) for _ in range(3)]

    assert first.json() == {"received": 1, "processed": 1, "duplicates": 0}
    for replay in replays:
        assert replay.status_code == 200
        assert replay.json() == {"received": 1, "processed": 1, "duplicates": 1}
    subscriber.refresh_from_db()
    assert subscriber.soft_bounces == 1 and subscriber.status == Subscriber.Status.ACTIVE


def test_retry_with_the_same_event_ids_is_a_no_op(client, settings):
    settings.NEWSLETTER_SOFT_BOUNCE_LIMIT = 2
    soft, spam = make_subscribers(2)
    events = [
        {"id": "evt-1", "type": "bounce", "email": soft.email, "permanent": False},
        {"id": "evt-2", "type": "complaint", "email": spam.email},
        {"id": "evt-3", "type": "delivery", "email": soft.email},
    ]
    first = post(client, events)
    # The provider retries later (new timestamp, new signature), and repeats one event inside a new batch.
    retry = post(client, events, timestamp=int(time.time()) + 1)
    mixed = post(client, [events[0], {"id": "evt-4", "type": "bounce", "email": soft.email, "permanent": False}])

    assert first.json() == {"received": 3, "processed": 2, "duplicates": 0}
    assert retry.json() == {"received": 3, "processed": 2, "duplicates": 3}
    assert mixed.json() == {"received": 2, "processed": 2, "duplicates": 1}
    soft.refresh_from_db()
    assert soft.soft_bounces == 2 and soft.status == Subscriber.Status.BOUNCED  # evt-1 once, evt-4 once
    assert ProcessedFeedbackEvent.objects.count() == 4
    assert not ProcessedFeedbackEvent.objects.filter(event_key__in=["evt-1", "evt-2"]).exists()  # hashed


def test_the_same_event_twice_in_one_batch_counts_once(client, settings):
    settings.NEWSLETTER_SOFT_BOUNCE_LIMIT = 5
    subscriber = make_subscribers(1)[0]
    event = {"id": "evt-9", "type": "bounce", "email": subscriber.email, "permanent": False}
    assert post(client, [event, event]).json() == {"received": 2, "processed": 2, "duplicates": 1}
    subscriber.refresh_from_db()
    assert subscriber.soft_bounces == 1


@pytest.mark.parametrize(
    ("payload", "detail"),
    [
        ([], 'expected a JSON object with an "events" list'),
        ({"events": {"type": "bounce"}}, '"events" must be a list'),
        ({"events": ["bounce"]}, "events[1]: expected an object"),
        ({"events": [{"email": "x@example.org"}]}, "events[1].type: expected a string"),
        ({"events": [{"type": "bounce"}]}, "events[1].email: expected an email address"),
        ({"events": [{"type": "complaint", "email": "not an address"}]}, "events[1].email: not a valid email address"),
        ({"events": [{"type": "bounce", "email": "x@example.org", "permanent": "yes"}]},
         "events[1].permanent: expected true or false"),
        ({"events": [{"type": "bounce", "email": "x@example.org", "message_id": 5}]},
         "events[1].message_id: expected a string of at most 255 characters"),
        ({"events": [{"type": "bounce", "email": "x@example.org", "id": ""}]},
         "events[1].id: expected a non-empty string of at most 255 characters"),
    ],
)
def test_a_bad_event_refuses_the_whole_batch_with_a_specific_error(client, payload, detail):
    """The first (valid) event is not applied either: the batch is validated whole before anything is written."""
    subscriber = make_subscribers(1)[0]
    valid = {"type": "complaint", "email": subscriber.email}
    if isinstance(payload, dict) and isinstance(payload["events"], list):
        payload = {"events": [valid, *payload["events"]]}
    body = json.dumps(payload).encode()
    timestamp = str(int(time.time()))
    response = client.post(
        URL, body, content_type="application/json", HTTP_X_NEWSLETTER_TIMESTAMP=timestamp,
        HTTP_X_NEWSLETTER_SIGNATURE="sha256=" + signature_for("test-webhook-secret", timestamp, body),
    )

    assert response.status_code == 400
    assert response.json() == {"error": "malformed payload", "detail": detail}
    assert subscriber.email.encode() not in response.content and b"x@example.org" not in response.content
    assert statuses() == {subscriber.email: "active"}
    assert not ProcessedFeedbackEvent.objects.exists()


def test_body_that_is_not_json(client):
    timestamp = str(int(time.time()))
    response = client.post(
        URL, b"{oops", content_type="application/json", HTTP_X_NEWSLETTER_TIMESTAMP=timestamp,
        HTTP_X_NEWSLETTER_SIGNATURE="sha256=" + signature_for("test-webhook-secret", timestamp, b"{oops"),
    )
    assert response.status_code == 400 and response.json()["detail"] == "the body is not JSON"


def test_a_failure_while_applying_leaves_nothing_half_saved(client, monkeypatch):
    """Fault injection: the second event's write fails after the first was applied; both roll back."""
    bounced, spam = make_subscribers(2)

    def broken(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(services, "subscriber_record_complaint", broken)
    client.raise_request_exception = False
    response = post(client, [{"id": "a", "type": "bounce", "email": bounced.email},
                             {"id": "b", "type": "complaint", "email": spam.email}])

    assert response.status_code == 500
    assert statuses() == {bounced.email: "active", spam.email: "active"}
    assert not ProcessedFeedbackEvent.objects.exists()  # so the provider's retry applies it for real
    monkeypatch.undo()
    retry = post(client, [{"id": "a", "type": "bounce", "email": bounced.email},
                          {"id": "b", "type": "complaint", "email": spam.email}])
    assert retry.json() == {"received": 2, "processed": 2, "duplicates": 0}
    assert statuses() == {bounced.email: "bounced", spam.email: "complained"}


def test_command_validates_the_whole_file_first(tmp_path):
    first, second = make_subscribers(2)
    events = tmp_path / "events.jsonl"
    events.write_text(
        json.dumps({"type": "complaint", "email": first.email}) + "\n\n"
        + json.dumps({"type": "bounce", "email": second.email, "permanent": "no"}) + "\n"
    )
    with pytest.raises(CommandError, match=r"line 3\.permanent: expected true or false"):
        call_command("newsletter_feedback", "--file", str(events), stdout=StringIO())
    assert statuses() == {first.email: "active", second.email: "active"}

    events.write_text("{not json\n")
    with pytest.raises(CommandError, match="line 1: not JSON"):
        call_command("newsletter_feedback", "--file", str(events), stdout=StringIO())
    with pytest.raises(CommandError, match="arguments.email: not a valid email address"):
        call_command("newsletter_feedback", "bounce", "nobody", stdout=StringIO())


def test_command_and_webhook_share_processed_event_ids(client, tmp_path, settings):
    settings.NEWSLETTER_SOFT_BOUNCE_LIMIT = 5
    subscriber = make_subscribers(1)[0]
    event = {"id": "provider-42", "type": "bounce", "email": subscriber.email, "permanent": False}
    post(client, [event])
    events = tmp_path / "events.jsonl"
    events.write_text(json.dumps(event) + "\n")
    out = StringIO()
    call_command("newsletter_feedback", "--file", str(events), stdout=out)
    call_command("newsletter_feedback", "--file", str(events), stdout=out)

    assert out.getvalue().splitlines() == ["1 event(s), 1 matched a subscriber, 1 already processed"] * 2
    subscriber.refresh_from_db()
    assert subscriber.soft_bounces == 1
