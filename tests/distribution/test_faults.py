"""Publishing and feeds when something they use is down: Redis refused or hung, a channel's code failing.

Nothing of distribution may fail an editor's publish: the page goes live, Wagtail's audit-log entry is written,
and what distribution could not do is logged and retried.
"""

import logging

import pytest
from django.db import transaction
from wagtail.models import PageLogEntry

from distribution.models import SocialDelivery, DeliveryState
from tests.factories import EventPageFactory, NewsPageFactory

from .feeds_support import INDEXES

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_event(event_index, no_portal_webhooks):
    return EventPageFactory(parent=event_index, live=False, title="Corso di italiano", summary="Iscrizioni aperte.")


def published(page) -> bool:
    page.refresh_from_db()
    return page.live and PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()


@pytest.mark.parametrize("fault", ["redis_refused", "redis_hung"])
def test_publishing_succeeds_and_is_logged_when_redis_is_down(fault, request, only, networks, draft_event, publish):
    request.getfixturevalue(fault)
    only("mastodon")

    publish(draft_event)  # the feeds' invalidation writes to the cache: it must not raise

    assert published(draft_event)
    assert SocialDelivery.objects.get().state == DeliveryState.SENT  # the post went out all the same


@pytest.mark.parametrize("fault", ["redis_refused", "redis_hung"])
def test_feeds_answer_when_redis_is_down(fault, request, client, sections):
    NewsPageFactory(parent=sections[INDEXES["news"]], title="Notizia")
    request.getfixturevalue(fault)

    for _ in range(2):  # the first request meets the fault, the second an open circuit
        response = client.get("/feeds/it/news.rss")
        assert response.status_code == 200 and b"Notizia" in response.content
        assert response["X-Feed-Cache"] == "miss"


def test_a_failing_channel_never_fails_the_publish(only, networks, draft_event, publish, monkeypatch, caplog):
    only("mastodon")

    def broken(**kwargs):
        raise RuntimeError("the post composer crashed")

    monkeypatch.setattr("distribution.changes.page_posts_schedule", broken)
    with caplog.at_level(logging.WARNING, logger="distribution.tasks"):
        publish(draft_event)

    assert published(draft_event)
    assert not SocialDelivery.objects.exists()
    assert "Distributing page.published failed (attempt 1, RuntimeError: the post composer crashed)" in caplog.text


def test_a_failed_change_is_retried_later_by_the_worker(
    only, networks, draft_event, publish, monkeypatch, settings, django_capture_on_commit_callbacks
):
    from django_tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # records, can defer
    only("mastodon")
    monkeypatch.setattr("distribution.changes.page_posts_schedule", lambda **kwargs: 1 / 0)
    publish(draft_event)
    [noted] = [result for result in default_task_backend.results if result.task.name == "content_change_distribute"]

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ZeroDivisionError):
        noted.task.call(*noted.args)  # what the worker runs: fails, and queues its retry

    [retry] = [result for result in default_task_backend.results
               if result.task.name == "content_change_distribute" and result.args[1:] == [2]]
    assert retry.task.run_after is not None
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        retry.task.call(*retry.args)
    delivery = SocialDelivery.objects.get()  # made by the retry, its sending queued (the dummy backend keeps it)
    assert [r.args for r in default_task_backend.results if r.task.name == "outbox_deliver"] == [[delivery.pk]]


def test_distribution_waits_for_the_commit(only, networks, draft_event):
    only("mastodon")
    with pytest.raises(RuntimeError), transaction.atomic():
        draft_event.save_revision().publish()
        raise RuntimeError("the editor's transaction rolls back")

    assert not SocialDelivery.objects.exists() and networks.posts == []


def test_a_failure_while_noting_a_delete_never_stops_the_delete(only, networks, draft_event, publish, settings,
                                                               monkeypatch, caplog, committed):
    settings.DISTRIBUTION_WEBHOOK_URLS = [f"{networks.base_url}/hooks/portal"]
    publish(draft_event)

    def broken(page):
        raise RuntimeError("the private paths could not be read")

    monkeypatch.setattr("distribution.lifecycle.was_public", broken)
    with caplog.at_level(logging.ERROR, logger="distribution.lifecycle"), committed():
        draft_event.delete()

    assert not type(draft_event).objects.filter(pk=draft_event.pk).exists()
    assert "could not note a change" in caplog.text
