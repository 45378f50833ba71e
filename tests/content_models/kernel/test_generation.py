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
def test_after_a_transition_one_reader_recomputes_and_the_next_ones_read_one_row(
    news_index, monkeypatch, django_assert_num_queries
):
    now = timezone.now()
    expiry = now + datetime.timedelta(hours=1)
    NewsPageFactory(parent=news_index, expire_at=expiry)
    with django_assert_num_queries(1):
        assert content_state_read().valid_until == expiry

    monkeypatch.setattr(timezone, "now", lambda: expiry)
    with django_assert_num_queries(3):  # the row, the next transition, remembering it
        state = content_state_read()
    assert state.valid_until is None and state.now == expiry
    with django_assert_num_queries(1):
        assert content_state_read().valid_until is None


@pytest.mark.django_db
def test_readers_and_writers_cope_with_a_flushed_table(news_index):
    ContentGeneration.objects.all().delete()
    assert content_state_read().generation == 0

    NewsPageFactory(parent=news_index)

    assert content_state_read().generation > 0
