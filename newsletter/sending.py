"""Sending an issue: fix its audience, start or schedule a dispatch, resume one after an interruption.

The delivery loop itself (claim a batch, deliver each message, settle its outcome) is in delivery.py; its public
names are importable from here too (`sending.dispatch_deliver`, `sending.EditionCache`, ...).
"""

import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.tasks import task_enqueue, task_get
from cms.tasks_recovery import task_results_close_orphaned

from .delivery import EditionCache, SendOutcome, dispatch_deliver, issue_editions
from .lease import dispatch_take_over, lease_seconds
from .messages import message_domain, newsletter_message
from .models import Delivery, Dispatch, NewsletterIssue, Subscriber
from .rendering.links import anonymous_links

DELIVER_DISPATCH = "newsletter.tasks.deliver_dispatch"

__all__ = [
    "EditionCache", "IssueNotReady", "SendOutcome", "deliveries_materialise", "dispatch_deliver",
    "dispatch_start_if_due", "dispatches_resume_abandoned", "dispatches_resume_stalled", "dispatches_start_due",
    "issue_audience", "issue_editions", "issue_schedule", "issue_send", "issue_send_test", "issue_unschedule",
]
Status = Delivery.Status


class IssueNotReady(Exception):
    pass


# --- Selectors ----------------------------------------------------------------------------------------------
def issue_audience(source: NewsletterIssue):
    """Active subscribers who want this issue: no topics on either side means everything."""
    audience = Subscriber.objects.filter(status=Subscriber.Status.ACTIVE)
    topic_ids = [topic.pk for topic in source.topics.all()]  # works on unsaved (cluster) relations too
    if topic_ids:
        audience = audience.filter(Q(topics__isnull=True) | Q(topics__in=topic_ids)).distinct()
    return audience


# --- Starting and scheduling --------------------------------------------------------------------------------
def _source_for_sending(issue: NewsletterIssue) -> NewsletterIssue:
    source = issue.get_source_issue()
    if not source.live:
        raise IssueNotReady(_("Publish the Italian issue before sending or scheduling it."))
    return source


@transaction.atomic
def issue_send(*, issue: NewsletterIssue, user=None, now: datetime | None = None) -> Dispatch:
    """Start sending now: fix the audience (one delivery row each) and hand the work to a background task.

    Idempotent: a dispatch already sending or finished is returned unchanged, never started twice.
    """
    now = now or timezone.now()
    source = _source_for_sending(issue)
    dispatch, _created = Dispatch.objects.select_for_update().get_or_create(
        issue=source, defaults={"status": Dispatch.Status.SENDING, "requested_by": user}
    )
    if not _created and dispatch.status in (Dispatch.Status.SENDING, Dispatch.Status.FINISHED):
        return dispatch
    dispatch.status = Dispatch.Status.SENDING
    dispatch.started_at = now
    dispatch.requested_by = dispatch.requested_by or user
    dispatch.save()
    deliveries_materialise(source=source)
    task_enqueue(DELIVER_DISPATCH, dispatch.pk)
    return dispatch


def deliveries_materialise(*, source: NewsletterIssue) -> int:
    """One PENDING row per recipient; rows that exist are kept (the unique constraint makes this idempotent)."""
    rows = [
        Delivery(issue=source, subscriber_id=pk, language=language)
        for pk, language in issue_audience(source).values_list("pk", "language")
    ]
    Delivery.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
    return len(rows)


@transaction.atomic
def issue_schedule(*, issue: NewsletterIssue, send_at: datetime, user=None) -> Dispatch:
    source = _source_for_sending(issue)
    dispatch = Dispatch.objects.select_for_update().filter(issue=source).first()
    if dispatch is not None and dispatch.status in (Dispatch.Status.SENDING, Dispatch.Status.FINISHED):
        raise IssueNotReady(_("This issue has already been sent."))
    dispatch = dispatch or Dispatch(issue=source)
    dispatch.status = Dispatch.Status.SCHEDULED
    dispatch.scheduled_at = send_at
    dispatch.requested_by = user
    dispatch.save()
    # With a backend that can defer (django_tasks_db), the task itself waits; the `newsletter_send` command
    # (cron) starts due dispatches anyway, so the immediate backend in development still honours schedules.
    task_enqueue("newsletter.tasks.start_scheduled_dispatch", dispatch.pk, at=send_at)
    return dispatch


@transaction.atomic
def issue_unschedule(*, issue: NewsletterIssue) -> None:
    Dispatch.objects.filter(issue=issue.get_source_issue(), status=Dispatch.Status.SCHEDULED).update(
        status=Dispatch.Status.CANCELLED
    )


def dispatch_start_if_due(*, dispatch_id: int, now: datetime | None = None) -> bool:
    now = now or timezone.now()
    dispatch = Dispatch.objects.select_related("issue").filter(pk=dispatch_id).first()
    if dispatch is None or dispatch.status != Dispatch.Status.SCHEDULED or dispatch.scheduled_at > now:
        return False  # cancelled, moved later (its own task will come), or already started
    issue_send(issue=dispatch.issue, user=dispatch.requested_by, now=now)
    return True


def dispatches_start_due(*, now: datetime | None = None) -> list[int]:
    now = now or timezone.now()
    due = Dispatch.objects.filter(status=Dispatch.Status.SCHEDULED, scheduled_at__lte=now).values_list("pk", flat=True)
    return [pk for pk in list(due) if dispatch_start_if_due(dispatch_id=pk, now=now)]


# --- Resuming ---------------------------------------------------------------------------------------------
def dispatches_resume_abandoned(*, now: datetime | None = None) -> list[int]:
    """Sends whose run died (its lease, the heartbeat, is older than NEWSLETTER_CLAIM_TIMEOUT_SECONDS): take
    each over (its rows go back, lease.py) and start a new run. Every `db_worker` runs this every few seconds
    (settings.TASKS_RECOVERY), so a killed send resumes without cron."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=lease_seconds())
    abandoned = Dispatch.objects.filter(status=Dispatch.Status.SENDING, heartbeat_at__lt=cutoff).filter(
        Q(retry_after__isnull=True) | Q(retry_after__lte=now)
    ).values_list("pk", "heartbeat_at")
    resumed = []
    for pk, heartbeat_at in list(abandoned):
        if dispatch_take_over(dispatch_id=pk, abandoned_at=heartbeat_at):
            task_results_close_orphaned(task=task_get(DELIVER_DISPATCH), args=[pk])
            task_get(DELIVER_DISPATCH).enqueue(pk)  # now: a worker's recovery loop, no transaction to wait for
            resumed.append(pk)
    return resumed


def dispatches_resume_stalled(*, now: datetime | None = None) -> list[int]:
    """For cron: abandoned sends (above), and sends no run holds whose pause is over, in case their task was
    lost (a worker killed between taking the task and its first heartbeat). A duplicate run does nothing."""
    now = now or timezone.now()
    resumed = dispatches_resume_abandoned(now=now)
    idle = Dispatch.objects.filter(status=Dispatch.Status.SENDING, heartbeat_at__isnull=True).filter(
        Q(retry_after__isnull=True) | Q(retry_after__lte=now)
    ).exclude(pk__in=resumed).values_list("pk", flat=True)
    for pk in list(idle):
        task_get(DELIVER_DISPATCH).enqueue(pk)
        resumed.append(pk)
    return resumed


# --- Test sends ---------------------------------------------------------------------------------------------
def issue_send_test(*, issue: NewsletterIssue, emails: Iterable[str], languages: Iterable[str]) -> int:
    """The current drafts of the chosen language editions, to the chosen addresses, marked as a test."""
    source = issue.get_source_issue()
    editions = issue_editions(source, live=False)
    cache = EditionCache(source, editions)
    messages = []
    connection = get_connection(settings.NEWSLETTER_EMAIL_BACKEND)
    for language in languages:
        edition = cache.for_language(language)
        for email in emails:
            message = newsletter_message(
                edition=edition, links=anonymous_links(language), to=email,
                message_id=f"<newsletter.test.{uuid.uuid4().hex}@{message_domain()}>", connection=connection,
            )
            # Say which edition a language gets: "[TEST uk→it]" when Ukrainian readers get the Italian one.
            served = edition.language.code
            label = language if served == language else f"{language}→{served}"
            message.subject = f"[TEST {label}] {message.subject}"
            messages.append(message)
    return connection.send_messages(messages) or 0

