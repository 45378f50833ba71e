"""The social outbox against local servers that answer like the networks: success, 429, 5xx, timeouts."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from distribution.models import DeliveryKind, DeliveryState, SocialDelivery, SocialPost
from distribution.outbox.processing import deliveries_process_due
from distribution.outbox.scheduling import page_posts_schedule
from tests.factories import EventPageFactory, ImageFactory
from tests.factories.distribution import SocialPostFactory

from .fakes import Scripted

pytestmark = pytest.mark.django_db


def later(**kwargs):
    return timezone.now() + datetime.timedelta(**kwargs)


@pytest.fixture
def draft_event(event_index, no_portal_webhooks):
    return EventPageFactory(parent=event_index, live=False, title="Corso di italiano", summary="Iscrizioni aperte.")


def test_publishing_posts_on_mastodon_with_language_media_and_idempotency_key(only, networks, draft_event, publish):
    only("mastodon")
    image = ImageFactory(description="Studenti in aula")
    SocialPostFactory(page=draft_event, channel="mastodon", text="Nuovo corso! https://example.org/x",
                      image=image, alt_text="Studenti in aula con l'insegnante")

    publish(draft_event)

    delivery = SocialDelivery.objects.get()
    assert delivery.state == DeliveryState.SENT, delivery.last_error
    [media] = networks.calls("POST", "/api/v2/media")
    assert media.form()["description"] == "Studenti in aula con l'insegnante"
    assert media.headers["Authorization"] == "Bearer mastodon-token"
    [status] = networks.calls("POST", "/api/v1/statuses")
    body = status.json()
    assert body["language"] == "it" and body["status"] == "Nuovo corso! https://example.org/x"
    assert body["media_ids"] == [delivery.progress["media_id"]]
    assert status.headers["Idempotency-Key"] == str(delivery.idempotency_key)
    assert delivery.remote_url.endswith(f"/@interazioni/{delivery.remote_id}")


def test_429_waits_for_retry_after_and_the_retry_posts_once(only, networks, draft_event, publish):
    only("mastodon")
    SocialPostFactory(page=draft_event, channel="mastodon", text="Ciao")
    networks.script("POST", "/api/v1/statuses",
                    Scripted(429, {"error": "Too many requests"}, headers={"Retry-After": "120"}))
    before = timezone.now()

    publish(draft_event)

    delivery = SocialDelivery.objects.get()
    assert delivery.state == DeliveryState.PENDING and delivery.attempts == 1
    assert "429" in delivery.last_error and "Too many requests" in delivery.last_error
    assert delivery.next_attempt_at >= before + datetime.timedelta(seconds=120)
    assert deliveries_process_due() == {}  # not due yet

    assert deliveries_process_due(now=later(minutes=3)) == {"sent": 1}
    delivery.refresh_from_db()
    assert delivery.state == DeliveryState.SENT and delivery.attempts == 2 and delivery.last_error == ""
    assert len(networks.posts) == 1


def test_5xx_is_retried_and_media_is_not_uploaded_twice(only, networks, draft_event, publish):
    only("mastodon")
    SocialPostFactory(page=draft_event, channel="mastodon", text="Ciao", image=ImageFactory(), alt_text="Una foto")
    networks.script("POST", "/api/v1/statuses", Scripted(503, {"error": "Service unavailable"}))

    publish(draft_event)
    assert SocialDelivery.objects.get().state == DeliveryState.PENDING
    deliveries_process_due(now=later(hours=1))

    assert SocialDelivery.objects.get().state == DeliveryState.SENT
    assert len(networks.calls("POST", "/api/v2/media")) == 1
    assert len(networks.calls("POST", "/api/v1/statuses")) == 2 and len(networks.posts) == 1


def test_a_mastodon_timeout_is_retried_with_the_same_key_and_posts_once(only, networks, draft_event, publish):
    only("mastodon")
    SocialPostFactory(page=draft_event, channel="mastodon", text="Ciao")
    # The server acts but answers after the client gave up: the status exists, the client does not know.
    networks.script("POST", "/api/v1/statuses", Scripted(delay=0.8, then_normal=True))

    publish(draft_event)
    delivery = SocialDelivery.objects.get()
    assert delivery.state == DeliveryState.PENDING and "no answer within 0.3 s" in delivery.last_error

    deliveries_process_due(now=later(hours=1))
    delivery.refresh_from_db()
    first, second = networks.calls("POST", "/api/v1/statuses")
    assert first.headers["Idempotency-Key"] == second.headers["Idempotency-Key"]
    assert delivery.state == DeliveryState.SENT
    assert len(networks.posts) == 1  # the network dropped the repeat


def test_a_telegram_timeout_is_not_resent_unattended(only, networks, draft_event, publish):
    only("telegram")
    SocialPostFactory(page=draft_event, channel="telegram", text="Ciao")
    networks.script("POST", "/sendMessage", Scripted(delay=0.8, then_normal=True))

    publish(draft_event)
    deliveries_process_due(now=later(hours=1))

    delivery = SocialDelivery.objects.get()
    assert delivery.state == DeliveryState.FAILED and delivery.progress["ambiguous"] is True
    assert "Potrebbe essere stato pubblicato" in delivery.last_error
    assert len(networks.calls("POST", "/sendMessage")) == 1


def test_telegram_photo_with_caption_and_its_retry_after(only, networks, draft_event, publish):
    only("telegram")
    SocialPostFactory(page=draft_event, channel="telegram", text="Didascalia", image=ImageFactory(), alt_text="Foto")
    networks.script("POST", "/sendPhoto", Scripted(429, {
        "ok": False, "error_code": 429, "description": "Too Many Requests: retry after 35",
        "parameters": {"retry_after": 35},
    }))
    before = timezone.now()

    publish(draft_event)
    delivery = SocialDelivery.objects.get()
    assert delivery.state == DeliveryState.PENDING
    assert delivery.next_attempt_at >= before + datetime.timedelta(seconds=35)
    deliveries_process_due(now=later(minutes=1))

    delivery.refresh_from_db()
    [post] = networks.posts
    assert post["method"] == "sendPhoto" and post["caption"] == "Didascalia" and post["chat_id"] == "@interazioni"
    assert post["photo"].startswith(b"\xff\xd8")  # the JPEG "social" rendition, not the PNG original
    assert delivery.remote_url == f"https://t.me/interazioni/{delivery.remote_id}"


def test_a_4xx_is_final_with_the_networks_message(only, networks, draft_event, publish):
    only("facebook")
    SocialPostFactory(page=draft_event, channel="facebook", text="Ciao")
    networks.script("POST", "/feed", Scripted(400, {"error": {"message": "(#200) Permissions error", "code": 200}}))

    publish(draft_event)
    deliveries_process_due(now=later(hours=7))

    delivery = SocialDelivery.objects.get()
    assert delivery.state == DeliveryState.FAILED and delivery.attempts == 1
    assert delivery.last_error == "Facebook answered 400: (#200) Permissions error"


def test_facebook_feed_post_carries_the_page_link_and_token(only, networks, draft_event, publish):
    only("facebook")
    SocialPostFactory(page=draft_event, channel="facebook", text="Ciao")
    publish(draft_event)
    [call] = networks.calls("POST", "/v23.0/555/feed")
    form = call.form()
    assert form["access_token"] == "fb-token" and form["message"] == "Ciao"
    assert form["link"] == draft_event.get_full_url()
    assert SocialDelivery.objects.get().remote_id.startswith("555_")


def test_publishing_again_does_not_post_again(only, networks, draft_event, publish):
    only("mastodon", "telegram")
    publish(draft_event)
    publish(draft_event)
    assert len(networks.posts) == 2
    assert SocialDelivery.objects.filter(state=DeliveryState.SENT).count() == 2


def test_an_interrupted_send_resumes_only_where_it_is_safe(only, networks, draft_event, publish, settings):
    only("mastodon", "telegram")
    SocialPostFactory(page=draft_event, channel="mastodon", text="Ciao")
    SocialPostFactory(page=draft_event, channel="telegram", text="Ciao")
    draft_event.save_revision().publish()  # no commit callbacks: the change is only noted
    draft_event.refresh_from_db()
    page_posts_schedule(page=draft_event)  # what applying it makes, still without sending (no commit)
    # Both left SENDING by a worker that died mid-call.
    SocialDelivery.objects.update(state=DeliveryState.SENDING, claimed_at=later(hours=-1), attempts=1)

    output = io.StringIO()
    call_command("distribution_outbox", stdout=output)
    assert output.getvalue().strip() == "social: sent 1; webhooks: nothing due"

    states = dict(SocialDelivery.objects.values_list("channel", "state"))
    assert states == {"mastodon": DeliveryState.SENT, "telegram": DeliveryState.FAILED}
    assert [post["network"] for post in networks.posts] == ["mastodon"]


def test_scheduled_post_waits_for_its_time(only, networks, draft_event, publish):
    only("mastodon")
    SocialPostFactory(page=draft_event, channel="mastodon", text="Domani", send_mode="scheduled",
                      send_at=later(days=1))
    publish(draft_event)
    assert networks.posts == [] and SocialDelivery.objects.get().state == DeliveryState.PENDING

    assert deliveries_process_due(now=later(days=1, minutes=1)) == {"sent": 1}


def test_unpublishing_deletes_or_flags_per_channel(only, networks, draft_event, publish, committed):
    only("mastodon", "facebook")
    publish(draft_event)
    sent = {d.channel: d for d in SocialDelivery.objects.filter(state=DeliveryState.SENT)}

    with committed():
        draft_event.unpublish()

    delete = SocialDelivery.objects.get(kind=DeliveryKind.DELETE)
    assert delete.channel == "mastodon" and delete.state == DeliveryState.SENT
    assert networks.deleted == [sent["mastodon"].remote_id]
    flag = SocialDelivery.objects.get(kind=DeliveryKind.FLAG)
    assert flag.channel == "facebook" and flag.state == DeliveryState.FLAGGED
    assert flag.remote_url == sent["facebook"].remote_url and "a mano" in flag.last_error


def test_generic_webhook_is_signed(only, networks, draft_event, publish):
    from distribution.signing import SIGNATURE_HEADER, signature_verify

    from .conftest import SOCIAL_SECRET

    only("webhook")
    publish(draft_event)
    [call] = networks.calls("POST", "/hooks/social")
    assert signature_verify(secret=SOCIAL_SECRET, body=call.body, header=call.headers[SIGNATURE_HEADER])
    assert call.json()["event"] == "social.post" and call.json()["language"] == "it"
    assert SocialPost.objects.get().generated is True


def test_deleting_a_page_deletes_its_posts_and_keeps_the_record(only, networks, draft_event, publish, committed):
    only("mastodon", "telegram")
    publish(draft_event)
    sent = {d.channel: d.remote_id for d in SocialDelivery.objects.all()}

    with committed():
        draft_event.delete()

    assert sorted(networks.deleted) == sorted(sent.values())
    deletes = SocialDelivery.objects.filter(kind=DeliveryKind.DELETE)
    assert deletes.count() == 2 and {d.state for d in deletes} == {DeliveryState.SENT}
    assert not SocialDelivery.objects.filter(page__isnull=False).exists()  # the page is gone, the log stays
    assert set(SocialDelivery.objects.values_list("page_title", flat=True)) == {"Corso di italiano"}


def test_a_retry_is_queued_for_its_time_where_the_task_backend_can_defer(
    only, networks, draft_event, publish, settings, django_capture_on_commit_callbacks
):
    """With the database backend a worker alone resumes retries: no cron needed (the dummy backend defers too)."""
    from django_tasks import default_task_backend

    from distribution.outbox.processing import delivery_process

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    only("mastodon")
    SocialPostFactory(page=draft_event, channel="mastodon", text="Ciao")
    networks.script("POST", "/api/v1/statuses",
                    Scripted(429, {"error": "Too many requests"}, headers={"Retry-After": "120"}))
    publish(draft_event)  # the dummy backend records the tasks instead of running them
    for result in default_task_backend.results:
        if result.task.name == "content_change_distribute":
            with django_capture_on_commit_callbacks(execute=True):
                result.task.call(*result.args)  # what a worker does: makes the delivery, enqueues its sending
    delivery = SocialDelivery.objects.get()
    default_task_backend.clear()

    with django_capture_on_commit_callbacks(execute=True):
        delivery_process(delivery_id=delivery.pk)

    delivery.refresh_from_db()
    assert delivery.state == DeliveryState.PENDING
    # Wagtail queues its reference index update through the same backend: only ours matter here.
    [queued] = [result for result in default_task_backend.results if result.task.name == "outbox_deliver"]
    assert queued.task.name == "outbox_deliver" and queued.args == [delivery.pk]
    assert queued.task.run_after == delivery.next_attempt_at
