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

from cms.tasks import task_enqueue

from .delivery import EditionCache, SendOutcome, dispatch_deliver, issue_editions
from .messages import message_domain, newsletter_message
from .models import Delivery, Dispatch, NewsletterIssue, Subscriber
from .rendering.links import anonymous_links

__all__ = [
    "EditionCache", "IssueNotReady", "SendOutcome", "deliveries_materialise", "deliveries_release_stale",
    "dispatch_deliver", "dispatch_start_if_due", "dispatches_resume_stalled", "dispatches_start_due",
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
    task_enqueue("newsletter.tasks.deliver_dispatch", dispatch.pk)
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


# --- Resuming -----------------------------------------------------------------------------------------------
def deliveries_release_stale(*, dispatch: Dispatch, now: datetime | None = None) -> int:
    """Give back the rows of a worker that stopped answering (claimed longer ago than the claim timeout).

    Policy:
    - CLAIMED rows never reached the mail server: back to PENDING, nobody is skipped.
    - SENDING rows were handed to the mail server and the worker died before recording the answer, so the
      outcome is unknown. They go back to PENDING too: at-least-once, because for a public-service newsletter a
      missed message is worse than a rare duplicate. The window is one message per dead connection, and the
      resent message keeps its Message-ID, which most mailbox providers use to drop the duplicate.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=settings.NEWSLETTER_CLAIM_TIMEOUT_SECONDS)
    return Delivery.objects.filter(
        issue_id=dispatch.issue_id, status__in=[Status.CLAIMED, Status.SENDING], claimed_at__lt=cutoff
    ).update(status=Status.PENDING, claim_token=None)


def dispatches_resume_stalled(*, now: datetime | None = None) -> list[int]:
    """Sending dispatches with no live worker (no heartbeat within the claim timeout) and no retry pause."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=settings.NEWSLETTER_CLAIM_TIMEOUT_SECONDS)
    stalled = Dispatch.objects.filter(status=Dispatch.Status.SENDING).filter(
        Q(heartbeat_at__isnull=True) | Q(heartbeat_at__lt=cutoff)
    ).filter(Q(retry_after__isnull=True) | Q(retry_after__lte=now))
    resumed = []
    for dispatch in stalled:
        deliveries_release_stale(dispatch=dispatch, now=now)
        task_enqueue("newsletter.tasks.deliver_dispatch", dispatch.pk)
        resumed.append(dispatch.pk)
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

