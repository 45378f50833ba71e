"""Issue #7's "done when": a demo event published in Italian and Arabic goes out on every channel and to the
portals, each in its own language."""

import pytest
from django.core import mail

from distribution.models import DeliveryState, SocialDelivery, SocialPost
from distribution.signing import SIGNATURE_HEADER, signature_verify
from tests.factories import EventPageFactory, ImageFactory

from .conftest import WEBHOOK_SECRET

pytestmark = pytest.mark.django_db


def test_publishing_an_event_in_italian_and_arabic(channels, portal_webhooks, networks, event_index, translate,
                                                   publish):
    image = ImageFactory(description="Persone al mercato", credit="Regione Liguria", licence="CC BY 4.0")
    event_it = EventPageFactory(
        parent=event_index, title="Festa dei popoli", slug="festa-dei-popoli", social_image=image,
        summary="Musica, cibo e giochi da tutto il mondo in piazza.", live=False,
    )

    publish(event_it)
    event_ar = translate(event_it, "ar", title="مهرجان الشعوب", slug="mahrajan",
                         summary="موسيقى وطعام وألعاب من جميع أنحاء العالم.")

    posts = SocialPost.objects.filter(page__in=[event_it, event_ar])
    assert sorted(posts.values_list("page__locale__language_code", "channel")) == sorted(
        (code, channel) for code in ("ar", "it") for channel in ("facebook", "mastodon", "telegram", "webhook")
    )
    assert all(post.alt_text == "Persone al mercato" for post in posts)
    deliveries = SocialDelivery.objects.filter(page__in=[event_it, event_ar])
    assert deliveries.count() == 8
    assert set(deliveries.values_list("state", flat=True)) == {DeliveryState.SENT}, list(
        deliveries.values_list("channel", "last_error"))

    assert [post["language"] for post in networks.posts if post["network"] == "mastodon"] == ["it", "ar"]
    arabic = next(post for post in networks.posts if post["network"] == "telegram" and "مهرجان" in post["caption"])
    assert arabic["caption"].endswith("/ar/eventi/mahrajan/")
    facebook = [post for post in networks.posts if post["network"] == "facebook"]
    assert [post["edge"] for post in facebook] == ["photos", "photos"]

    portal = networks.calls("POST", "/hooks/portal")
    assert portal and all(
        signature_verify(secret=WEBHOOK_SECRET, body=c.body, header=c.headers[SIGNATURE_HEADER]) for c in portal
    )
    last = portal[-1].json()
    assert last["type"] == "page.published" and last["page"]["locale"] == "ar"
    assert {(p["locale"], p["path"]) for p in last["paths"]} == {
        ("it", "/eventi/festa-dei-popoli/"), ("ar", "/eventi/mahrajan/")
    }
    assert mail.outbox == []  # not marked for the national portal
