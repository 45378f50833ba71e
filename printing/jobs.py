"""The background work that keeps editions current: one job row per subject, its state and its last error.

A publish asks for a job (`print_job_request`); the task runs it (`print_job_run`). A store that is down makes the
job wait and try again, with exponential backoff and jitter, up to MAX_ATTEMPTS; the admin shows the state and the
error. Where the task backend can defer (the database backend with its db_worker) the retry is queued for its
time; otherwise `manage.py print_editions --due`, from cron, picks up due jobs. A job whose worker was killed is
asked for again by the next `db_worker` (`print_jobs_resume_abandoned`, docs/faults.md).
"""

import logging
import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from cms.tasks import task_enqueue
from media.storage import STORAGE_ERRORS

from .models import JobState, PrintJob
from .rendering.assets import StorageUnavailableError

logger = logging.getLogger(__name__)

BASE_DELAY_SECONDS = 30
MAX_DELAY_SECONDS = 3600
MAX_ATTEMPTS = 8


def retry_delay(attempt: int, rng: random.Random | None = None) -> timedelta:
    """Wait before attempt `attempt + 1`: doubling from 30 s, at most an hour, jittered between half and all."""
    ceiling = min(MAX_DELAY_SECONDS, BASE_DELAY_SECONDS * 2 ** max(attempt - 1, 0))
    return timedelta(seconds=(rng or random).uniform(ceiling / 2, ceiling))


def _subject(*, page_id=None, service_point_id=None) -> dict:
    if (page_id is None) == (service_point_id is None):
        raise ValueError("A print job is for exactly one page or one service point")
    return {"page_id": page_id} if page_id is not None else {"service_point_id": service_point_id}


def print_job_request(
    *, page_id: int | None = None, service_point_id: int | None = None, force: bool = False
) -> PrintJob:
    """Ask for a subject's editions to be brought up to date, after the caller's transaction commits.

    A job already queued and not yet started will read the latest content when it runs: it is not queued twice.
    """
    subject = _subject(page_id=page_id, service_point_id=service_point_id)
    with transaction.atomic():
        job, created = PrintJob.objects.select_for_update().get_or_create(**subject)
        already_queued = not created and job.state == JobState.QUEUED
        job.state = JobState.QUEUED
        job.force = job.force or force
        job.next_attempt_at = None
        if job.attempts and not already_queued:
            job.attempts = 0
        job.save()
    if not already_queued:
        _enqueue(subject)
    return job


def _enqueue(subject: dict, *, when=None) -> bool:
    """Queue the task once the caller's transaction commits, now or at `when` where the backend can defer
    (cms.tasks). Returns whether a task was queued."""
    return task_enqueue(
        "printing.tasks.print_editions_make", subject.get("page_id"), subject.get("service_point_id"), at=when
    )


def print_job_run(*, page_id: int | None = None, service_point_id: int | None = None) -> str:
    """Run a subject's job: refresh its editions; on a storage fault, schedule a retry. Returns the new state."""
    from .services import page_editions_refresh, service_point_editions_refresh

    subject = _subject(page_id=page_id, service_point_id=service_point_id)
    job, _created = PrintJob.objects.get_or_create(**subject)
    force = job.force
    PrintJob.objects.filter(pk=job.pk).update(
        state=JobState.RUNNING, attempts=job.attempts + 1, force=False, updated_at=timezone.now()
    )
    attempts = job.attempts + 1
    try:
        if page_id is not None:
            outcome = page_editions_refresh(page_id=page_id, force=force)
        else:
            outcome = service_point_editions_refresh(service_point_id=service_point_id, force=force)
    except (StorageUnavailableError, *STORAGE_ERRORS) as error:
        return _failed(job, attempts, error, force=force)
    except Exception as error:
        logger.exception("Print job for %s failed", subject)
        PrintJob.objects.filter(pk=job.pk).update(
            state=JobState.FAILED, last_error=_describe(error), next_attempt_at=None, force=force
        )
        raise
    # A publish that came in while typesetting queued the job again: leave it queued.
    PrintJob.objects.filter(pk=job.pk, state=JobState.RUNNING).update(
        state=JobState.DONE, attempts=0, last_error="", next_attempt_at=None
    )
    logger.info(
        "Print editions of %s: %d typeset, %d unchanged, %d removed",
        subject,
        len(outcome.typeset),
        len(outcome.unchanged),
        len(outcome.removed),
    )
    return JobState.DONE


def _failed(job: PrintJob, attempts: int, error: Exception, *, force: bool) -> str:
    message = _describe(error)
    if attempts >= MAX_ATTEMPTS:
        logger.error("Print job %s gave up after %d attempts: %s", job.pk, attempts, message)
        PrintJob.objects.filter(pk=job.pk).update(
            state=JobState.FAILED, last_error=message, next_attempt_at=None, force=force
        )
        return JobState.FAILED
    when = timezone.now() + retry_delay(attempts)
    logger.warning("Print job %s failed (attempt %d), retrying at %s: %s", job.pk, attempts, when, message)
    PrintJob.objects.filter(pk=job.pk).update(
        state=JobState.RETRYING, last_error=message, next_attempt_at=when, force=force
    )
    subject = {"page_id": job.page_id} if job.page_id else {"service_point_id": job.service_point_id}
    _enqueue(subject, when=when)
    return JobState.RETRYING


def _describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:2000]


def print_jobs_due(*, now=None) -> list[PrintJob]:
    """Jobs waiting for a retry whose time has come (for backends that cannot defer, run from cron)."""
    now = now or timezone.now()
    return list(PrintJob.objects.filter(state=JobState.RETRYING, next_attempt_at__lte=now))


# A job RUNNING longer than this lost its worker (killed, or its machine went away): a page's editions take
# seconds to a minute or two, so the bound is generous and a live job is never asked for twice.
ABANDONED_AFTER = timedelta(minutes=15)


def print_jobs_resume_abandoned(*, now=None) -> list[int]:
    """Ask again for jobs whose worker died while typesetting (they would stay RUNNING until the next publish).

    Every `db_worker` runs this every few seconds (settings.TASKS_RECOVERY, cms/tasks_recovery.py); the update
    claims each job, so two workers never ask for the same one. A job is idempotent: what the dead run wrote is
    either a whole file and its row, or a file no row points at (removed by `print_editions --sweep`).
    """
    from cms.tasks_recovery import task_results_close_orphaned

    from .tasks import print_editions_make

    cutoff = (now or timezone.now()) - ABANDONED_AFTER
    resumed = []
    for job in PrintJob.objects.filter(state=JobState.RUNNING, updated_at__lt=cutoff):
        if not PrintJob.objects.filter(pk=job.pk, state=JobState.RUNNING, updated_at=job.updated_at).update(
            state=JobState.QUEUED, updated_at=timezone.now()
        ):
            continue  # another worker took it
        logger.warning("Print job %s lost its worker while typesetting: asked for again", job.pk)
        task_results_close_orphaned(task=print_editions_make, args=[job.page_id, job.service_point_id])
        _enqueue({"page_id": job.page_id} if job.page_id else {"service_point_id": job.service_point_id})
        resumed.append(job.pk)
    return resumed
