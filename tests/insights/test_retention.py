"""Counts and feedback older than the retention period (13 months by default) are deleted; newer ones stay."""

import datetime
import uuid

import pytest
from django.core.management import call_command

from insights.models import NotFoundDay, PageFeedback, PageRequestDay, SearchTermDay
from insights.services import counts_prune, months_before, retention_start


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (datetime.date(2025, 3, 31), 1, datetime.date(2025, 2, 28)),
        (datetime.date(2024, 3, 31), 1, datetime.date(2024, 2, 29)),
        (datetime.date(2025, 1, 15), 13, datetime.date(2023, 12, 15)),
        (datetime.date(2025, 12, 31), 12, datetime.date(2024, 12, 31)),
    ],
)
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


def _rows_on(day):
    key = uuid.uuid4()
    SearchTermDay.objects.create(day=day, locale="ar", term=f"termine {day}", searches=9)
    PageRequestDay.objects.create(day=day, locale="ar", translation_key=key, requests=3, fallbacks=3)
    NotFoundDay.objects.create(day=day, locale="ar", path=f"/p/{day}/", requests=5)
    PageFeedback.objects.create(day=day, locale="ar", translation_key=key, rating=4)


@pytest.mark.django_db
def test_pruning_keeps_thirteen_months(settings):
    today = datetime.date(2025, 6, 15)
    first_kept = datetime.date(2024, 5, 15)
    assert retention_start(today) == first_kept
    for day in (first_kept - datetime.timedelta(days=1), first_kept, today):
        _rows_on(day)

    assert counts_prune(today=today) == {
        "searchtermday": 1, "pagerequestday": 1, "notfoundday": 1, "pagefeedback": 1
    }
    for model in (SearchTermDay, PageRequestDay, NotFoundDay, PageFeedback):
        assert sorted(model.objects.values_list("day", flat=True)) == [first_kept, today]


@pytest.mark.django_db
def test_retention_is_configurable_and_the_command_prunes(settings, capsys):
    settings.INSIGHTS_RETENTION_MONTHS = 1
    old = retention_start() - datetime.timedelta(days=1)
    _rows_on(old)
    call_command("insights_prune")
    assert "deleted: searchtermday 1" in capsys.readouterr().out
    assert not SearchTermDay.objects.exists() and not PageFeedback.objects.exists()


def test_the_privacy_threshold_cannot_go_below_five(settings):
    from insights.checks import min_count_check

    settings.INSIGHTS_MIN_COUNT = 3
    assert [error.id for error in min_count_check(None)] == ["insights.E001"]
    settings.INSIGHTS_MIN_COUNT = 10
    assert min_count_check(None) == []
