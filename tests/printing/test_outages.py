"""Print under the site's fault rules (docs/faults.md): no cache or store fault fails a publish, and a job whose
worker was killed is asked for again by the next worker, without cron and without a new publish."""

import datetime

import pytest
from django.test import TestCase
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import PageLogEntry

from cms.tasks_recovery import tasks_recover
from printing.jobs import ABANDONED_AFTER, print_jobs_resume_abandoned
from printing.models import JobState, PrintEdition, PrintJob
from printing.tasks import print_editions_make
from tests.factories import ServicePageFactory

pytestmark = pytest.mark.django_db


def publish(page):
    with TestCase.captureOnCommitCallbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.mark.parametrize("fault", ["redis_refused", "redis_hung"])
def test_publishing_with_print_succeeds_when_redis_and_the_print_store_are_down(
    fault, request, printing_on, service_index_page, s3, settings, closed_port_endpoint
):
    request.getfixturevalue(fault)
    settings.AWS_S3_ENDPOINT_URL = closed_port_endpoint
    page = ServicePageFactory(parent=service_index_page, slug="corsi", title="Corsi di italiano", live=False)

    publish(page)

    assert page.live and PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()
    job = PrintJob.objects.get(page=page)
    assert job.state == JobState.RETRYING and job.next_attempt_at is not None  # waits for the store, retried
    assert not PrintEdition.objects.filter(page=page).exists()


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def killed_job(page) -> PrintJob:
    """A job as `kill -9` leaves it: RUNNING in its row and in the task table, started long ago."""
    task = print_editions_make.enqueue(page.pk, None)
    DBTaskResult.objects.filter(pk=task.id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now(), worker_ids=["killed-worker"]
    )
    long_ago = timezone.now() - ABANDONED_AFTER - datetime.timedelta(seconds=1)
    job = PrintJob.objects.create(page=page, state=JobState.RUNNING, attempts=1)
    PrintJob.objects.filter(pk=job.pk).update(updated_at=long_ago)
    return job


def test_a_job_whose_worker_was_killed_is_asked_for_again_by_the_next_worker(
    service_index_page, settings, database_tasks, django_capture_on_commit_callbacks
):
    settings.PRINT_ON_PUBLISH = False  # the job below is the only one
    page = ServicePageFactory(parent=service_index_page, slug="corsi", title="Corsi di italiano")
    job = killed_job(page)

    with django_capture_on_commit_callbacks(execute=True):  # the task is queued when the worker's claim commits
        assert print_jobs_resume_abandoned() == [job.pk]
    assert print_jobs_resume_abandoned() == []  # claimed: a second worker does not ask again

    job.refresh_from_db()
    assert job.state == JobState.QUEUED
    results = {
        r.worker_ids[0] if r.worker_ids else None: r
        for r in DBTaskResult.objects.filter(task_path="printing.tasks.print_editions_make")
    }
    assert results["killed-worker"].status == TaskResultStatus.FAILED
    assert results[None].status == TaskResultStatus.READY and results[None].args_kwargs["args"] == [page.pk, None]


def test_a_running_job_within_its_time_is_left_alone(service_index_page, settings, database_tasks):
    settings.PRINT_ON_PUBLISH = False
    page = ServicePageFactory(parent=service_index_page, slug="corsi", title="Corsi di italiano")
    PrintJob.objects.create(page=page, state=JobState.RUNNING, attempts=1)

    assert tasks_recover()["printing.jobs.print_jobs_resume_abandoned"] == []
    assert PrintJob.objects.get(page=page).state == JobState.RUNNING
