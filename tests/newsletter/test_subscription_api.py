"""The public mutations over HTTP, with a real SMTP server: double opt-in, abuse cases, no personal data out."""

import json
import re
from html import unescape
from urllib.parse import parse_qs, urlparse

import pytest

from newsletter.models import Consent, Subscriber

pytestmark = [pytest.mark.django_db]

SUBSCRIBE = """
mutation Subscribe($input: SubscribeNewsletterInput!) {
  subscribeNewsletter(input: $input) { ok errors { code field message } }
}"""
CONFIRM = """
mutation Confirm($token: String!) {
  confirmSubscription(input: {token: $token}) {
    ok errors { code field } subscription { locale textDirection direction topics active }
  }
}"""
UPDATE = """
mutation Update($token: String!, $locale: String!, $topics: [String!]!) {
  updateSubscription(input: {token: $token, locale: $locale, topics: $topics}) {
    ok errors { code } subscription { locale textDirection direction topics active }
  }
}"""
UNSUBSCRIBE = """
mutation Unsubscribe($token: String!) { unsubscribe(input: {token: $token}) { ok errors { code } } }"""
CONSENT = """query Consent($locale: String!) { newsletterConsent(locale: $locale) { version locale textDirection direction text } }"""


class Api:
    def __init__(self, client, capture_on_commit):
        self.client = client
        self.capture_on_commit = capture_on_commit
        self.responses = []  # every raw body, to check no address ever leaves

    def __call__(self, query, variables=None, ip="203.0.113.7"):
        # Notices are enqueued on commit (the immediate task backend then sends them at once).
        with self.capture_on_commit(execute=True):
            response = self.client.post(
                "/graphql/", json.dumps({"query": query, "variables": variables or {}}),
                content_type="application/json", REMOTE_ADDR=ip,
            )
        assert response.status_code == 200, response.content
        self.responses.append(response.content.decode())
        body = response.json()
        assert "errors" not in body, body
        return next(iter(body["data"].values()))

    def subscribe(self, email, locale="it", topics=(), ip="203.0.113.7"):
        return self(SUBSCRIBE, {"input": {"email": email, "locale": locale, "topics": list(topics)}},
                    ip=ip)


@pytest.fixture
def api(client, django_capture_on_commit_callbacks):
    return Api(client, django_capture_on_commit_callbacks)


def confirm_token(received) -> str:
    html = received.part("text/html")
    url = unescape(re.search(r'href="(https://portal\.example\.org/[^"]*/newsletter/confirm\?[^"]+)"', html).group(1))
    return parse_qs(urlparse(url).query)["token"][0]


def test_double_opt_in_round_trip(api, smtp_server, topics):
    payload = api.subscribe("Amina@Example.ORG", locale="ar", topics=["lavoro", "salute"])

    assert payload == {"ok": True, "errors": []}
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "Amina@example.org"  # domain normalised
    assert subscriber.status == Subscriber.Status.PENDING  # nothing is sent before the confirmation
    consent = Consent.objects.get()
    assert consent.method == "portal" and consent.text_version and consent.text and consent.language == "ar"
    assert consent.ip_hash and "203.0.113.7" not in consent.ip_hash and consent.confirmed_at is None

    [received] = smtp_server.received
    assert received.rcpt_tos == ["Amina@example.org"]
    assert received.message["Content-Language"] == "ar"
    assert 'lang="ar" dir="rtl"' in received.part("text/html")
    token = confirm_token(received)

    confirmed = api(CONFIRM, {"token": token})
    assert confirmed == {"ok": True, "errors": [],
                         "subscription": {"locale": "ar", "textDirection": "RTL", "direction": "rtl", "topics": ["lavoro", "salute"],
                                          "active": True}}
    subscriber.refresh_from_db()
    consent.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE and subscriber.confirmed_at
    assert consent.confirmed_at == subscriber.confirmed_at
    # A second click is harmless.
    assert api(CONFIRM, {"token": token})["ok"] is True

    updated = api(UPDATE, {"token": subscriber.key, "locale": "fr", "topics": ["scuola"]})
    assert updated["subscription"] == {
        "locale": "fr", "textDirection": "LTR", "direction": "ltr", "topics": ["scuola"], "active": True
    }

    assert api(UNSUBSCRIBE, {"token": subscriber.key}) == {"ok": True, "errors": []}
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    # An old confirmation link never re-subscribes someone who left.
    api(CONFIRM, {"token": token})
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED

    assert not any("amina" in body.lower() for body in api.responses)


def test_subscribe_never_reveals_whether_an_address_is_known(api, smtp_server, locales):
    Subscriber.objects.create(email="known@example.org", language="it", status=Subscriber.Status.ACTIVE)
    Subscriber.objects.create(email="spam@example.org", language="it", status=Subscriber.Status.COMPLAINED)

    answers = {email: api.subscribe(email, ip=f"198.51.100.{n}")
               for n, email in enumerate(["known@example.org", "new@example.org", "spam@example.org"])}

    assert len({json.dumps(answer) for answer in answers.values()}) == 1  # the same answer for all three
    assert Subscriber.objects.get(email="known@example.org").status == Subscriber.Status.ACTIVE  # unchanged
    # Only the owners learn anything, by email: a confirmation for the new one, a note for the active one.
    subjects = {message.rcpt_tos[0]: message.message["Subject"] for message in smtp_server.received}
    assert set(subjects) == {"known@example.org", "new@example.org"}
    assert "già iscritto" in subjects["known@example.org"]  # in the subscriber's language (Italian)
    assert not any("@example.org" in body for body in api.responses)


@pytest.mark.parametrize("email", ["not-an-address", "a@b", "two@@example.org", "", "x" * 250 + "@example.org"])
def test_invalid_addresses_are_refused(api, locales, email):
    payload = api.subscribe(email)
    # The message is for people, in the language chosen in the form (Italian here).
    message = "Questo indirizzo email non è valido. Controllalo, per favore."
    assert payload == {"ok": False, "errors": [{"code": "INVALID_EMAIL", "field": "email", "message": message}]}
    assert not Subscriber.objects.exists()


def test_unknown_locale_and_topic_are_refused(api, topics):
    assert api.subscribe("a@example.org", locale="xx")["errors"][0]["code"] == "INVALID_LOCALE"
    assert api.subscribe("a@example.org", topics=["nope"])["errors"][0]["code"] == "UNKNOWN_TOPIC"
    assert not Subscriber.objects.exists()


def test_rate_limited_per_ip(api, settings, locales):
    settings.NEWSLETTER_RATE_LIMIT_IP = "3/h"
    answers = [api.subscribe(f"p{n}@example.org", ip="192.0.2.1") for n in range(4)]

    assert [answer["ok"] for answer in answers] == [True, True, True, False]
    assert answers[3]["errors"][0]["code"] == "RATE_LIMITED"
    assert api.subscribe("other@example.org", ip="192.0.2.2")["ok"] is True  # another client is not affected
    # IPv6 clients are counted per /64.
    answers = [api.subscribe(f"v6{n}@example.org", ip=f"2001:db8::{n + 1}") for n in range(4)]
    assert answers[3]["errors"][0]["code"] == "RATE_LIMITED"


def test_rate_limited_per_address_across_ips(api, settings, locales):
    settings.NEWSLETTER_RATE_LIMIT_EMAIL = "2/h"
    answers = [api.subscribe("target@example.org", ip=f"192.0.2.{n}") for n in range(1, 4)]
    assert [answer["ok"] for answer in answers] == [True, True, False]
    assert answers[2]["errors"][0]["code"] == "RATE_LIMITED"
    # The same limit whether the address exists or not: case variants count as the same address.
    assert api.subscribe("TARGET@example.org", ip="192.0.2.9")["errors"][0]["code"] == "RATE_LIMITED"


def test_bad_and_expired_confirmation_tokens(api, settings, smtp_server, locales):
    assert api(CONFIRM, {"token": "forged"})["errors"] == [{"code": "INVALID_TOKEN", "field": "token"}]
    api.subscribe("late@example.org")
    token = confirm_token(smtp_server.received[0])
    assert api(CONFIRM, {"token": token[:-2] + "xx"})["errors"][0]["code"] == "INVALID_TOKEN"
    settings.NEWSLETTER_CONFIRM_MAX_AGE_SECONDS = -1
    assert api(CONFIRM, {"token": token})["errors"] == [{"code": "EXPIRED_TOKEN", "field": "token"}]
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_unsubscribe_and_update_with_unknown_tokens(api, locales):
    assert api(UNSUBSCRIBE, {"token": "unknown"}) == {"ok": True, "errors": []}  # idempotent, tells nothing
    assert api(UPDATE, {"token": "unknown", "locale": "it", "topics": []})["errors"] == [{"code": "INVALID_TOKEN"}]


def test_consent_text_query(api, locales):
    consent = api(CONSENT, {"locale": "ar"})
    assert consent["locale"] == "ar" and consent["textDirection"] == "RTL" and consent["version"] and consent["text"]
    assert consent["direction"] == "rtl", "deprecated, still answered"


def test_consent_in_an_unknown_locale_is_an_error_not_italian(client, locales):
    body = {"query": CONSENT, "variables": {"locale": "xx"}}

    result = client.post("/graphql/", json.dumps(body), content_type="application/json").json()

    assert result["data"] is None
    assert [error["extensions"]["code"] for error in result["errors"]] == ["UNKNOWN_LOCALE"]
