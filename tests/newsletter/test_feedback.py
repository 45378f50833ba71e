"""Bounces and complaints: the signed webhook and the management command."""

import json
import time
from io import StringIO

import pytest
from django.core.management import call_command

from newsletter.models import Delivery, Subscriber
from newsletter.views import signature_for

from .conftest import make_subscribers, publish_issue

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("locales")]
URL = "/newsletter/webhooks/feedback/"


def post(client, events, *, secret="test-webhook-secret", timestamp=None, signature=None):
    body = json.dumps({"events": events}).encode()
    timestamp = str(int(time.time()) if timestamp is None else timestamp)
    signature = signature or signature_for(secret, timestamp, body)
    return client.post(URL, body, content_type="application/json",
                       HTTP_X_NEWSLETTER_TIMESTAMP=timestamp, HTTP_X_NEWSLETTER_SIGNATURE=f"sha256={signature}")


def test_signed_hard_bounce_and_complaint(client):
    bounced, complained, other = make_subscribers(3)
    issue = publish_issue()
    delivery = Delivery.objects.create(issue=issue, subscriber=bounced, language="it", status="sent",
                                       sent_at="2025-05-01T10:00Z", message_id="<newsletter.1.1@example.org>")

    response = post(client, [
        {"type": "bounce", "email": bounced.email.upper(), "permanent": True, "message_id": delivery.message_id},
        {"type": "complaint", "email": complained.email},
        {"type": "bounce", "email": "stranger@example.org"},
        {"type": "delivery", "email": other.email},
    ])

    assert response.status_code == 200
    assert response.json() == {"received": 4, "processed": 3, "duplicates": 0}
    assert b"@example.org" not in response.content  # counts only, never addresses
    statuses = dict(Subscriber.objects.values_list("email", "status"))
    assert statuses == {bounced.email: "bounced", complained.email: "complained", other.email: "active"}
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.BOUNCED


def test_soft_bounces_add_up_to_the_limit(client, settings):
    settings.NEWSLETTER_SOFT_BOUNCE_LIMIT = 3
    subscriber = make_subscribers(1)[0]
    for number, expected in enumerate(["active", "active", "bounced"]):
        # Distinct provider event ids: the same signed body twice in a second would be a replay (test_webhook_feedback).
        post(client, [{"id": f"soft-{number}", "type": "bounce", "email": subscriber.email, "permanent": False}])
        subscriber.refresh_from_db()
        assert subscriber.status == expected


@pytest.mark.parametrize("tamper", ["signature", "secret", "body", "stale", "missing"])
def test_bad_signatures_are_rejected(client, tamper):
    subscriber = make_subscribers(1)[0]
    events = [{"type": "complaint", "email": subscriber.email}]
    if tamper == "signature":
        response = post(client, events, signature="0" * 64)
    elif tamper == "secret":
        response = post(client, events, secret="guessed")
    elif tamper == "stale":
        response = post(client, events, timestamp=int(time.time()) - 3600)
    elif tamper == "missing":
        response = client.post(URL, json.dumps({"events": events}), content_type="application/json")
    else:
        timestamp = str(int(time.time()))
        signature = signature_for("test-webhook-secret", timestamp, b'{"events": []}')
        response = client.post(URL, json.dumps({"events": events}), content_type="application/json",
                               HTTP_X_NEWSLETTER_TIMESTAMP=timestamp, HTTP_X_NEWSLETTER_SIGNATURE=signature)
    assert response.status_code == 403
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE


def test_webhook_is_off_without_a_secret(client, settings):
    settings.NEWSLETTER_WEBHOOK_SECRET = ""
    assert post(client, [], secret="").status_code == 503


def test_webhook_refuses_get(client):
    assert client.get(URL).status_code == 405


def test_management_command(tmp_path):
    hard, soft, spam = make_subscribers(3)
    out = StringIO()
    call_command("newsletter_feedback", "bounce", hard.email, stdout=out)
    call_command("newsletter_feedback", "bounce", soft.email, "--soft", stdout=out)
    events = tmp_path / "events.jsonl"
    events.write_text(json.dumps({"type": "complaint", "email": spam.email}) + "\n")
    call_command("newsletter_feedback", "--file", str(events), stdout=out)

    statuses = dict(Subscriber.objects.values_list("email", "status"))
    assert statuses == {hard.email: "bounced", soft.email: "active", spam.email: "complained"}
    assert "@" not in out.getvalue()  # no addresses in logs
