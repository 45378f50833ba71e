"""The content generation row: transactional bumps, and the next scheduled transition kept up to date cheaply."""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone

from content_models.kernel.generation import content_generation_bump, content_state_read
from content_models.models import ContentGeneration
from tests.factories import NewsPageFactory


@pytest.mark.django_db
def test_a_bump_belongs_to_the_writers_transaction():
    before = content_state_read().generation

    with pytest.raises(RuntimeError), transaction.atomic():
        content_generation_bump()
        raise RuntimeError("the publish failed")
    assert content_state_read().generation == before

    with transaction.atomic():
        content_generation_bump()
    assert content_state_read().generation == before + 1


@pytest.mark.django_db
def test_after_a_transition_a_process_recomputes_once_without_writing(
    news_index, monkeypatch, django_assert_num_queries
):
    now = timezone.now()
    expiry = now + datetime.timedelta(hours=1)
    NewsPageFactory(parent=news_index, expire_at=expiry)
    with django_assert_num_queries(1):
        before = content_state_read()
    assert before.valid_until == expiry
    row = ContentGeneration.objects.values().get()

    monkeypatch.setattr(timezone, "now", lambda: expiry)
    with django_assert_num_queries(2):  # the row, the next transition: nothing written inside a read
        state = content_state_read()
    assert state.valid_until is None and state.now == expiry
    assert state.stamp == before.stamp  # the database holds what it held: per-process memos stay valid
    with django_assert_num_queries(1):
        assert content_state_read().valid_until is None
    assert ContentGeneration.objects.values().get() == row


@pytest.mark.django_db
def test_readers_and_writers_cope_with_a_flushed_table(news_index):
    ContentGeneration.objects.all().delete()
    assert content_state_read().generation == 0

    NewsPageFactory(parent=news_index)

    assert content_state_read().generation > 0
