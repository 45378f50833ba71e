"""The confirmation link confirms, and nothing more: it never carries the subscriber's lasting key.

The key in every newsletter's links unsubscribes and edits preferences for good; a confirmation URL gets forwarded,
logged by proxies, kept in browser histories. Its token (signed, readable) names the request, not the key; it
works for confirming only (another purpose's salt refuses it), and not as a key. A link sent before this change
still confirms while valid, and the key it exposed is replaced.
"""

import pytest
from django.core import signing

from newsletter import services
from newsletter.models import Consent, Subscriber
from tests.attempts import tried

from .test_subscription_api import CONFIRM, UNSUBSCRIBE, UPDATE, api, confirm_token  # noqa: F401  (api: fixture)

pytestmark = [pytest.mark.django_db]


def test_the_token_does_not_carry_the_key(api, smtp_server):
    api.subscribe("amina@example.org")
    subscriber = Subscriber.objects.get()
    token = confirm_token(smtp_server.received[0])
    readable = signing.loads(token, salt=services.CONFIRM_SALT)
    assert subscriber.key not in token and subscriber.key not in str(readable)
    # Used where a key is expected, it is nothing.
    for mutation, variables in [(UPDATE, {"token": token, "locale": "fr", "topics": []}), (UNSUBSCRIBE, {"token": token})]:
        api(mutation, variables)
        tried("newsletter confirmation token used as a key")
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING and subscriber.language == "it"
    assert api(CONFIRM, {"token": token})["ok"] is True


def test_a_token_made_for_something_else_confirms_nothing(api, smtp_server):
    api.subscribe("amina@example.org")
    subscriber, consent = Subscriber.objects.get(), Consent.objects.get()
    for salt in ("newsletter.preferences", "django.core.signing", ""):
        forged = signing.dumps({"s": subscriber.pk, "c": consent.pk}, salt=salt)
        assert api(CONFIRM, {"token": forged})["errors"][0]["code"] == "INVALID_TOKEN"
        tried("newsletter confirmation token used as a key")


def test_an_old_link_still_confirms_and_its_key_stops_working(api, smtp_server):
    api.subscribe("amina@example.org")
    subscriber, consent = Subscriber.objects.get(), Consent.objects.get()
    old_key = subscriber.key
    old_link_token = signing.dumps({"k": old_key, "c": consent.pk}, salt=services.CONFIRM_SALT)
    assert api(CONFIRM, {"token": old_link_token})["ok"] is True
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE and subscriber.key != old_key
    api(UNSUBSCRIBE, {"token": old_key})
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE, "the key the old link showed is dead"
