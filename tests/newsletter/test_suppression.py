"""The suppression list: refusals survive GDPR erasure as keyed hashes, and sends never reach them."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils.crypto import salted_hmac

from newsletter import sending, services
from newsletter.models import Consent, Subscriber, Suppression
from newsletter.suppression import address_hash
from newsletter.throttle import Throttle

from .conftest import make_subscribers, publish_issue
from .test_feedback import post
from .test_subscription_api import CONFIRM, api, confirm_token  # noqa: F401  (api is a fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("locales")]


def erase(admin_client, subscriber):
    response = admin_client.post(f"/admin/newsletter_subscribers/delete/{subscriber.pk}/")
    assert response.status_code == 302


def send_issue_now() -> None:
    dispatch = sending.issue_send(issue=publish_issue())
    sending.dispatch_deliver(dispatch_id=dispatch.pk, throttle=Throttle(0))


@pytest.mark.parametrize("status", ["unsubscribed", "bounced", "complained"])
def test_erasing_a_refusal_keeps_only_a_keyed_hash(admin_client, status):
    subscriber = make_subscribers(1, prefix="Leila")[0]
    Subscriber.objects.filter(pk=subscriber.pk).update(status=status)

    erase(admin_client, subscriber)

    assert not Subscriber.objects.exists() and not Consent.objects.exists()
    entry = Suppression.objects.get()
    assert entry.reason == status and entry.suppressed_at
    # No personal data: neither the address nor its local part, only HMAC(SECRET_KEY) of the normalised address.
    assert "leila" not in entry.address_hash.lower() and "@" not in entry.address_hash
    expected = salted_hmac("newsletter.suppression", "leila0@example.org", algorithm="sha256").hexdigest()
    assert entry.address_hash == expected == address_hash("  LEILA0@Example.org ")


def test_erasing_an_active_or_pending_subscriber_suppresses_nothing(admin_client):
    active, pending = make_subscribers(2)
    Subscriber.objects.filter(pk=pending.pk).update(status="pending")
    erase(admin_client, active)
    erase(admin_client, pending)
    assert not Suppression.objects.exists()


def test_a_dedicated_secret_keeps_hashes_across_a_secret_key_rotation(settings):
    settings.NEWSLETTER_SUPPRESSION_SECRET = "kept-for-ever"
    before = address_hash("a@example.org")
    settings.SECRET_KEY = "rotated" * 8
    assert address_hash("a@example.org") == before != salted_hmac(
        "newsletter.suppression", "a@example.org", algorithm="sha256").hexdigest()


@pytest.mark.parametrize("status", ["bounced", "complained"])
def test_bounced_or_complained_stay_suppressed_after_erasure(admin_client, api, smtp_server, status):  # noqa: F811
    gone = make_subscribers(1, prefix="gone")[0]
    Subscriber.objects.filter(pk=gone.pk).update(status=status)
    erase(admin_client, gone)

    suppressed = api.subscribe("Gone0@example.org", ip="198.51.100.1")
    fresh = api.subscribe("fresh@example.org", ip="198.51.100.2")

    assert suppressed == fresh == {"ok": True, "errors": []}  # the caller cannot tell them apart
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["fresh@example.org"]  # nothing stored
    assert smtp_server.handler.recipients() == ["fresh@example.org"]  # and nothing sent
    assert Suppression.objects.get().reason == status


def test_existing_bounced_subscriber_is_not_resubscribed_until_the_office_lifts_it(api, smtp_server):  # noqa: F811
    subscriber = make_subscribers(1)[0]
    services.subscriber_record_bounce(email=subscriber.email, permanent=True)

    assert api.subscribe(subscriber.email) == {"ok": True, "errors": []}
    assert smtp_server.received == []
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.BOUNCED

    out = StringIO()
    call_command("newsletter_suppression", "check", subscriber.email, stdout=out)
    call_command("newsletter_suppression", "lift", subscriber.email, stdout=out)
    call_command("newsletter_suppression", "check", subscriber.email, stdout=out)
    assert out.getvalue().splitlines() == [
        "suppressed: no; subscriber: bounced",
        "lifted: the address may subscribe again",
        "suppressed: no; subscriber: unsubscribed",  # never straight back to active
    ]
    api.subscribe(subscriber.email, ip="198.51.100.9")
    assert smtp_server.handler.recipients() == [subscriber.email]  # a confirmation: double opt-in again


def test_office_lifts_a_suppression_left_by_an_erasure(admin_client, api, smtp_server):  # noqa: F811
    gone = make_subscribers(1, prefix="gone")[0]
    Subscriber.objects.filter(pk=gone.pk).update(status="complained")
    erase(admin_client, gone)
    out = StringIO()
    call_command("newsletter_suppression", "check", "gone0@example.org", stdout=out)
    call_command("newsletter_suppression", "lift", "gone0@example.org", stdout=out)
    call_command("newsletter_suppression", "lift", "gone0@example.org", stdout=out)
    assert out.getvalue().splitlines() == [
        "suppressed: complained; subscriber: none",
        "lifted: the address may subscribe again",
        "the address was not suppressed",
    ]
    api.subscribe("gone0@example.org")
    assert smtp_server.handler.recipients() == ["gone0@example.org"]


def test_a_new_confirmed_opt_in_lifts_an_unsubscribe_only_suppression(admin_client, api, smtp_server):  # noqa: F811
    leaver = make_subscribers(1, prefix="leaver")[0]
    Subscriber.objects.filter(pk=leaver.pk).update(status="unsubscribed")
    erase(admin_client, leaver)

    assert api.subscribe("leaver0@example.org") == {"ok": True, "errors": []}
    [confirmation] = smtp_server.received
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    send_issue_now()  # a send before the confirmation does not reach the pending address
    assert smtp_server.handler.recipients() == ["leaver0@example.org"]  # only the confirmation
    assert Suppression.objects.get().reason == "unsubscribed"  # until the person proves control of the mailbox

    assert api(CONFIRM, {"token": confirm_token(confirmation)})["ok"] is True

    assert Subscriber.objects.get().status == Subscriber.Status.ACTIVE
    assert not Suppression.objects.exists()


def test_sending_skips_suppressed_addresses(admin_client, api, smtp_server):  # noqa: F811
    """Suppressed addresses never become active again, so the audience (active subscribers) never has them."""
    reader, bouncer, spammer = make_subscribers(3)
    services.subscriber_record_bounce(email=bouncer.email, permanent=True)
    services.subscriber_record_complaint(email=spammer.email)
    erase(admin_client, bouncer)
    erase(admin_client, spammer)
    for n, email in enumerate([bouncer.email, spammer.email]):
        api.subscribe(email, ip=f"198.51.100.{n}")

    send_issue_now()

    assert smtp_server.handler.recipients() == [reader.email]


def test_hard_bounce_or_complaint_for_an_unknown_address_is_suppressed(client, api, smtp_server):  # noqa: F811
    """E.g. a bounce of the last issue arrives after the address was erased while still active."""
    post(client, [{"type": "bounce", "email": "erased@example.org", "permanent": True},
                  {"type": "bounce", "email": "soft@example.org", "permanent": False},
                  {"type": "complaint", "email": "angry@example.org"}])

    assert dict(Suppression.objects.values_list("address_hash", "reason")) == {
        address_hash("erased@example.org"): "bounced", address_hash("angry@example.org"): "complained"}
    for n, email in enumerate(["erased@example.org", "angry@example.org"]):
        api.subscribe(email, ip=f"198.51.100.{n}")
    assert smtp_server.received == [] and not Subscriber.objects.exists()


def test_a_stronger_reason_replaces_a_weaker_one_never_the_reverse(client):
    post(client, [{"id": "1", "type": "bounce", "email": "a@example.org", "permanent": True}])
    post(client, [{"id": "2", "type": "complaint", "email": "a@example.org"}])
    post(client, [{"id": "3", "type": "bounce", "email": "a@example.org", "permanent": True}])
    assert Suppression.objects.get().reason == "complained"
