"""Nothing private leaves: no posts for pages that are not public, webhooks carry only ids and paths."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from distribution.models import SocialDelivery, SocialPost, WebhookEvent
from tests.factories import EventPageFactory, NewsPageFactory
from tests.factories.distribution import SocialPostFactory

pytestmark = pytest.mark.django_db


def test_restricted_pages_produce_no_posts(channels, portal_webhooks, networks, event_index, publish):
    event = EventPageFactory(parent=event_index, live=False)
    PageViewRestriction.objects.create(page=event, restriction_type=PageViewRestriction.PASSWORD, password="x")
    publish(event)
    assert not SocialPost.objects.filter(page=event).exists() and not SocialDelivery.objects.exists()
    assert networks.requests == []


def test_a_page_under_a_restricted_section_posts_nothing(channels, networks, news_index, publish,
                                                          no_portal_webhooks):
    PageViewRestriction.objects.create(page=news_index, restriction_type=PageViewRestriction.LOGIN)
    publish(NewsPageFactory(parent=news_index, live=False))
    assert networks.requests == []


def test_a_draft_sends_nothing(channels, portal_webhooks, networks, event_index, committed):
    with committed():
        event = EventPageFactory(parent=event_index, live=False)
        SocialPostFactory(page=event, channel="mastodon")
        event.save_revision()
    assert networks.requests == []


def test_a_post_queued_for_later_is_cancelled_when_the_page_is_restricted(only, networks, event_index, publish,
                                                                          no_portal_webhooks):
    from distribution.outbox.processing import deliveries_process_due

    only("mastodon")
    event = EventPageFactory(parent=event_index, live=False)
    SocialPostFactory(page=event, channel="mastodon", send_mode="scheduled",
                      send_at=timezone.now() + datetime.timedelta(hours=1))
    publish(event)
    PageViewRestriction.objects.create(page=event, restriction_type=PageViewRestriction.LOGIN)

    deliveries_process_due(now=timezone.now() + datetime.timedelta(hours=2))

    delivery = SocialDelivery.objects.get()
    assert delivery.state == "cancelled" and "non è più pubblica" in delivery.last_error
    assert networks.requests == []


def test_webhook_payloads_hold_no_content(only, portal_webhooks, networks, event_index, publish):
    only()
    event = EventPageFactory(parent=event_index, live=False, title="Titolo riservato?",
                             summary="Un testo che non deve uscire", cost="5 euro")
    publish(event)
    payload = WebhookEvent.objects.get(object_id=event.pk).payload
    text = str(payload)
    assert "Un testo che non deve uscire" not in text and "Titolo" not in text and "5 euro" not in text
