"""The admin: a page's distribution view (status per channel, national package), posts with limits, the logs."""

import json

import pytest
from django.urls import NoReverseMatch, reverse

from distribution.models import DeliveryState, NationalPortalItem, SocialDelivery, SocialPost
from tests.factories import EventPageFactory
from tests.factories.distribution import SocialPostFactory

from .fakes import Scripted

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(event_index, no_portal_webhooks):
    return EventPageFactory(parent=event_index, live=False, title="Corso serale", summary="Lezioni gratuite.")


def test_the_page_header_links_to_its_distribution_with_the_status(admin_client, only, networks, event, publish):
    only("mastodon", "telegram")
    networks.script("POST", "/sendMessage", Scripted(400, {"ok": False, "error_code": 400, "description": "x"}))
    publish(event)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    html = response.content.decode()
    assert reverse("distribution_admin:page", args=[event.pk]) in html
    assert "Distribuzione: 1 inviato, 1 non riuscito" in html


def test_the_status_view_costs_the_same_queries_for_many_deliveries(admin_client, only, event, publish):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    only("mastodon")
    publish(event)
    url = reverse("distribution_admin:page", args=[event.pk])
    admin_client.get(url)  # warm: Wagtail caches the site's root paths on first use
    with CaptureQueriesContext(connection) as few:
        admin_client.get(url)
    sent = SocialDelivery.objects.get()
    SocialDelivery.objects.bulk_create([
        SocialDelivery(page=event, page_title="x", channel=channel, text="t", state=DeliveryState.FAILED,
                 last_error="boom", post=sent.post)
        for channel in ("mastodon", "telegram", "facebook", "webhook") for _ in range(10)
    ])
    with CaptureQueriesContext(connection) as many:
        admin_client.get(url)
    assert len(many) == len(few), (len(few), len(many))


def test_status_per_channel_shows_the_failure(admin_client, only, networks, event, publish):
    only("mastodon", "telegram")
    networks.script("POST", "/sendMessage", Scripted(400, {"ok": False, "error_code": 400,
                                                           "description": "Bad Request: chat not found"}))
    publish(event)

    response = admin_client.get(reverse("distribution_admin:page", args=[event.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Telegram answered 400: Bad Request: chat not found" in html
    mastodon = SocialDelivery.objects.get(channel="mastodon")
    assert mastodon.remote_url in html and "Inviato" in html
    failed = SocialDelivery.objects.get(channel="telegram")
    assert reverse("distribution_admin:retry", args=[failed.pk]) in html


def test_retry_sends_a_failed_delivery_again(admin_client, only, networks, event, publish,
                                             django_capture_on_commit_callbacks):
    only("telegram")
    networks.script("POST", "/sendMessage", Scripted(400, {"ok": False, "error_code": 400, "description": "x"}))
    publish(event)
    failed = SocialDelivery.objects.get()

    with django_capture_on_commit_callbacks(execute=True):  # the retry is queued once the request commits
        admin_client.post(reverse("distribution_admin:retry", args=[failed.pk]))

    failed.refresh_from_db()
    assert failed.state == DeliveryState.SENT and failed.attempts == 2


def test_new_post_is_prefilled_from_the_page(admin_client, channels, event, publish):
    publish(event)
    response = admin_client.get(reverse("distribution_posts:add") + f"?page={event.pk}&channel=telegram")
    html = response.content.decode()
    assert "Corso serale\n\nLezioni gratuite.\n\nhttp://localhost:3000/it/eventi/" in html
    assert "data-post-counter" in html and "distribution/js/post_counter.js" in html


def test_mastodon_counts_a_link_as_23_and_refuses_with_the_count(admin_client, channels, event):
    url = "https://example.org/" + "a" * 600
    fits = admin_client.post(reverse("distribution_posts:add"), {
        "page": event.pk, "channel": "mastodon", "text": f"{url} " + "b" * 476, "send_mode": "on_publish",
    })
    assert fits.status_code == 302  # 23 + 1 + 476 = 500

    too_long = admin_client.post(reverse("distribution_posts:add"), {
        "page": event.pk, "channel": "telegram", "text": "x" * 4100, "send_mode": "on_publish",
    })
    assert ("Telegram consente 4096 caratteri in un messaggio; questo testo ne ha 4100. Accorciarlo di 4."
            in too_long.content.decode())
    assert SocialPost.objects.count() == 1


def test_an_image_needs_alt_text_and_a_caption_fits_telegram(admin_client, channels, event):
    from tests.factories import ImageFactory

    image = ImageFactory()
    response = admin_client.post(reverse("distribution_posts:add"), {
        "page": event.pk, "channel": "telegram", "text": "é" * 1030, "image": image.pk, "alt_text": "",
        "send_mode": "on_publish",
    })
    html = response.content.decode()
    assert "Telegram consente 1024 caratteri sotto una foto; questo testo ne ha 1030. Accorciarlo di 6" in html
    assert "immagine richiede un testo alternativo" in html
    assert not SocialPost.objects.exists()


def test_scheduled_post_on_a_live_page_is_queued_for_its_time(admin_client, only, networks, event, publish,
                                                              settings):
    only("mastodon")
    settings.DISTRIBUTION_AUTOPOST_PAGE_TYPES = []  # no generated post: the editor writes it after publishing
    publish(event)
    networks.requests.clear()
    response = admin_client.post(reverse("distribution_posts:add"), {
        "page": event.pk, "channel": "mastodon", "text": "Ricordate!", "send_mode": "scheduled",
        "send_at": "2099-01-01 10:00",
    })
    assert response.status_code == 302
    delivery = SocialDelivery.objects.get(text="Ricordate!")
    assert delivery.state == DeliveryState.PENDING and delivery.next_attempt_at.year == 2099


def test_posts_listing_filters_by_page(admin_client, only, event_index, event):
    only()
    other = EventPageFactory(parent=event_index, title="Altro evento")
    SocialPostFactory(page=event, channel="mastodon")
    SocialPostFactory(page=other, channel="mastodon")
    html = admin_client.get(reverse("distribution_posts:index") + f"?page={event.pk}").content.decode()
    assert "Corso serale" in html and "Altro evento" not in html


def test_logs_are_read_only(admin_client, only, portal_webhooks, networks, event, publish):
    only("mastodon")
    publish(event)
    assert admin_client.get(reverse("distribution_outbox:index")).status_code == 200
    assert admin_client.get(reverse("distribution_webhooks:index")).status_code == 200
    delivery = SocialDelivery.objects.get()
    assert admin_client.get(reverse("distribution_outbox:inspect", args=[delivery.pk])).status_code == 200
    with pytest.raises(NoReverseMatch):
        reverse("distribution_outbox:edit", args=[delivery.pk])


def test_national_mark_preview_and_downloads(admin_client, only, event, publish):
    only()
    publish(event)
    admin_client.post(reverse("distribution_admin:national_toggle", args=[event.pk]))
    assert NationalPortalItem.objects.filter(page=event).exists()

    html = admin_client.get(reverse("distribution_admin:page", args=[event.pk])).content.decode()
    assert "Segnalata per il portale nazionale" in html and "Lezioni gratuite." in html

    download = admin_client.get(reverse("distribution_admin:national_download", args=[event.pk, "json"]))
    assert json.loads(download.content)["title"] == "Corso serale"
    assert download["Content-Disposition"] == 'attachment; filename="corso-serale.json"'
    archive = admin_client.get(reverse("distribution_admin:national_download", args=[event.pk, "zip"]))
    assert archive["Content-Type"] == "application/zip"


def test_editors_without_edit_rights_see_nothing(client, django_user_model, event):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("lettore", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("distribution_admin:page", args=[event.pk]))
    assert response.status_code == 302 and response.url == "/admin/"  # Wagtail's answer to PermissionDenied
    download = client.get(reverse("distribution_admin:national_download", args=[event.pk, "json"]))
    assert download.status_code == 302
