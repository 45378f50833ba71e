"""RFC 8058 one-click unsubscribe: POST without cookies or CSRF token, idempotent, no redirect; GET changes nothing."""

import pytest
from django.test import Client

from newsletter.models import Delivery, Subscriber

from .conftest import make_subscribers, publish_issue

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("locales")]


@pytest.fixture
def subscriber():
    return make_subscribers(1, language="ar")[0]


def one_click(client, url):
    return client.post(url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")


def test_get_shows_a_confirmation_page_and_changes_nothing(client, subscriber):
    response = client.get(f"/newsletter/unsubscribe/{subscriber.key}/")

    assert response.status_code == 200
    assert b'<html lang="ar" dir="rtl">' in response.content and b'<form method="post">' in response.content
    assert response["Referrer-Policy"] == "no-referrer"
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE


def test_one_click_post_needs_no_cookie_or_csrf_token_and_is_idempotent(subscriber):
    client = Client(enforce_csrf_checks=True)  # like a mailbox provider: no session, no token
    issue = publish_issue()
    delivery = Delivery.objects.create(issue=issue, subscriber=subscriber, language="ar", status="sent")
    url = f"/newsletter/unsubscribe/{subscriber.key}/{delivery.pk}/"

    first, second = one_click(client, url), one_click(client, url)

    assert first.status_code == second.status_code == 200  # never a redirect
    assert first.content == second.content
    assert subscriber.email.encode() not in first.content
    subscriber.refresh_from_db()
    delivery.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert delivery.unsubscribed_at is not None  # counted in the issue's report


def test_unknown_key_gets_the_same_answer(subscriber):
    client = Client(enforce_csrf_checks=True)
    known = one_click(client, f"/newsletter/unsubscribe/{subscriber.key}/")
    Subscriber.objects.update(status=Subscriber.Status.ACTIVE, language="it")
    known = one_click(client, f"/newsletter/unsubscribe/{subscriber.key}/")
    unknown = one_click(client, "/newsletter/unsubscribe/not-a-real-key/")
    assert unknown.status_code == known.status_code == 200 and unknown.content == known.content


def test_bounced_address_keeps_its_status(subscriber):
    Subscriber.objects.update(status=Subscriber.Status.BOUNCED)
    one_click(Client(), f"/newsletter/unsubscribe/{subscriber.key}/")
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.BOUNCED
