"""Sending an issue: schedule or start a dispatch, deliver in claimed batches, resume after an interruption.

Every (issue, subscriber) pair has exactly one Delivery row. A worker moves a row through

    PENDING -> CLAIMED (batch claim) -> SENDING (just before SMTP) -> SENT | FAILED | SKIPPED | PENDING (retry)

with conditional UPDATEs, so two workers never hold the same row. The resume policy for rows left behind by a
dead worker is in deliveries_release_stale() and docs/newsletter.md.
"""

import logging
import smtplib
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Min, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .messages import delivery_message_id, message_domain, newsletter_message, subscriber_mailto
from .models import Delivery, Dispatch, NewsletterIssue, Subscriber
from .rendering import Edition, render_edition
from .rendering.links import anonymous_links, subscriber_links
from .throttle import Throttle

logger = logging.getLogger(__name__)
Status = Delivery.Status

# smtplib's exceptions are OSErrors too: recipient- and message-level ones are caught first, one by one.
CONNECTION_ERRORS = (OSError,)
SERVICE_CLOSING = 421  # "service not available, closing transmission channel": the server, not the message


class IssueNotReady(Exception):
    pass


@dataclass
class SendOutcome:
    sent: int = 0
    failed: int = 0
    skipped: int = 0
    deferred: int = 0
    interrupted: bool = False
    finished: bool = False
    errors: list[str] = field(default_factory=list)


# --- Selectors ----------------------------------------------------------------------------------------------
def issue_editions(source: NewsletterIssue, *, live: bool = True) -> dict[str, NewsletterIssue]:
    """Language code -> the issue's edition in that language (live ones for sending, drafts for previews)."""
    editions = NewsletterIssue.objects.filter(translation_key=source.translation_key).select_related("locale")
    if live:
        editions = editions.filter(live=True)
        return {issue.locale.language_code: issue for issue in editions}
    return {issue.locale.language_code: issue.get_latest_revision_as_object() for issue in editions}


def issue_audience(source: NewsletterIssue):
    """Active subscribers who want this issue: no topics on either side means everything."""
    audience = Subscriber.objects.filter(status=Subscriber.Status.ACTIVE)
    topic_ids = [topic.pk for topic in source.topics.all()]  # works on unsaved (cluster) relations too
    if topic_ids:
        audience = audience.filter(Q(topics__isnull=True) | Q(topics__in=topic_ids)).distinct()
    return audience


class EditionCache:
    """Each language edition rendered at most once per worker run; missing languages get the Italian one."""

    def __init__(self, source: NewsletterIssue, editions: dict[str, NewsletterIssue] | None = None):
        self.source = source
        self.editions = editions if editions is not None else issue_editions(source)
        self._rendered: dict[str, Edition] = {}

    def for_language(self, language: str) -> Edition:
        issue = self.editions.get(language) or self.editions.get(settings.LANGUAGE_CODE) or self.source
        code = issue.locale.language_code
        if code not in self._rendered:
            self._rendered[code] = render_edition(issue)
        return self._rendered[code]


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
    from .tasks import deliver_dispatch

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
    transaction.on_commit(lambda: deliver_dispatch.enqueue(dispatch.pk))
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
    from .tasks import start_scheduled_dispatch

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
    if start_scheduled_dispatch.get_backend().supports_defer:
        transaction.on_commit(lambda: start_scheduled_dispatch.using(run_after=send_at).enqueue(dispatch.pk))
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
    from .tasks import deliver_dispatch

    now = now or timezone.now()
    cutoff = now - timedelta(seconds=settings.NEWSLETTER_CLAIM_TIMEOUT_SECONDS)
    stalled = Dispatch.objects.filter(status=Dispatch.Status.SENDING).filter(
        Q(heartbeat_at__isnull=True) | Q(heartbeat_at__lt=cutoff)
    ).filter(Q(retry_after__isnull=True) | Q(retry_after__lte=now))
    resumed = []
    for dispatch in stalled:
        deliveries_release_stale(dispatch=dispatch, now=now)
        deliver_dispatch.enqueue(dispatch.pk)
        resumed.append(dispatch.pk)
    return resumed


# --- Delivering ---------------------------------------------------------------------------------------------
def dispatch_deliver(
    *,
    dispatch_id: int,
    connection=None,
    throttle: Throttle | None = None,
    clock: Callable[[], datetime] = timezone.now,
    batch_size: int | None = None,
) -> SendOutcome:
    """Send every claimable delivery of the dispatch, batch by batch, until none is left or the server fails."""
    outcome = SendOutcome()
    dispatch = Dispatch.objects.select_related("issue").filter(pk=dispatch_id).first()
    if dispatch is None or dispatch.status != Dispatch.Status.SENDING:
        return outcome
    if dispatch.retry_after and dispatch.retry_after > clock():
        outcome.interrupted = True
        return outcome
    source = dispatch.issue
    editions = EditionCache(source)
    # Render every needed edition before claiming anything: a rendering error leaves no row half-sent.
    for language in Delivery.objects.filter(issue=source, status=Status.PENDING).values_list("language", flat=True).distinct():
        editions.for_language(language)
    throttle = throttle or Throttle(settings.NEWSLETTER_MESSAGES_PER_SECOND)
    connection = connection or get_connection(settings.NEWSLETTER_EMAIL_BACKEND)
    batch_size = batch_size or settings.NEWSLETTER_BATCH_SIZE
    try:
        connection.open()
        while True:
            Dispatch.objects.filter(pk=dispatch.pk).update(heartbeat_at=clock())
            claimable = _claimable_ids(source, batch_size, clock())
            if not claimable:
                break
            for delivery in _claim(claimable, clock()):
                _deliver_one(delivery, editions=editions, connection=connection, throttle=throttle, clock=clock,
                             outcome=outcome)
    except _ServerUnavailable as error:
        outcome.interrupted = True
        _pause(dispatch, str(error.__cause__ or error), clock())
    except CONNECTION_ERRORS as error:  # could not even connect
        outcome.interrupted = True
        _pause(dispatch, str(error), clock())
    finally:
        _close_quietly(connection)
    if not outcome.interrupted:
        outcome.finished = _finish_or_wait(dispatch, clock())
    return outcome


class _ServerUnavailable(Exception):
    pass


def _claimable_ids(source, batch_size: int, now: datetime) -> list[int]:
    return list(
        Delivery.objects.filter(issue=source, status=Status.PENDING)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .order_by("pk")
        .values_list("pk", flat=True)[:batch_size]
    )


def _claim(ids: Iterable[int], now: datetime) -> list[Delivery]:
    token = uuid.uuid4()
    # The status condition is re-checked under the row lock: of two workers, only one claims each row.
    Delivery.objects.filter(pk__in=list(ids), status=Status.PENDING).update(
        status=Status.CLAIMED, claim_token=token, claimed_at=now
    )
    return list(Delivery.objects.filter(claim_token=token).select_related("subscriber").order_by("pk"))


def _deliver_one(delivery: Delivery, *, editions, connection, throttle, clock, outcome: SendOutcome) -> None:
    now = clock()
    # Check-and-set right before SMTP: an unsubscribe, bounce or erase since the claim skips the row.
    started = Delivery.objects.filter(
        pk=delivery.pk, status=Status.CLAIMED, claim_token=delivery.claim_token,
        subscriber__status=Subscriber.Status.ACTIVE,
    ).update(status=Status.SENDING, attempted_at=now, attempts=F("attempts") + 1)
    if not started:
        Delivery.objects.filter(pk=delivery.pk, status=Status.CLAIMED, claim_token=delivery.claim_token).update(
            status=Status.SKIPPED, claim_token=None
        )
        outcome.skipped += 1
        return
    subscriber = delivery.subscriber
    edition = editions.for_language(delivery.language)
    message_id = delivery_message_id(delivery.issue_id, delivery.pk)
    message = newsletter_message(
        edition=edition,
        links=subscriber_links(subscriber.key, delivery.language, delivery.pk),
        to=subscriber.email,
        message_id=message_id,
        mailto=subscriber_mailto(subscriber.key),
        connection=connection,
    )
    throttle.wait()
    try:
        connection.send_messages([message])
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _message in error.recipients.values()]
        _settle_refusal(delivery, min(codes) if codes else 550, str(error.recipients), clock(), outcome)
        return
    except smtplib.SMTPSenderRefused as error:  # our From is refused: no message can go, stop the run
        _release_claimed(delivery)
        raise _ServerUnavailable(f"sender refused: {error.smtp_code}") from error
    except smtplib.SMTPResponseException as error:
        if error.smtp_code == SERVICE_CLOSING:
            _release_claimed(delivery)
            raise _ServerUnavailable(f"{error.smtp_code} {error.smtp_error!r}") from error
        _settle_refusal(delivery, error.smtp_code, repr(error.smtp_error), clock(), outcome)
        return
    except CONNECTION_ERRORS as error:
        _release_claimed(delivery)
        raise _ServerUnavailable(str(error)) from error
    Delivery.objects.filter(pk=delivery.pk, status=Status.SENDING).update(
        status=Status.SENT, sent_at=clock(), message_id=message_id, claim_token=None, last_error=""
    )
    outcome.sent += 1


def _settle_refusal(delivery: Delivery, code: int, detail: str, now: datetime, outcome: SendOutcome) -> None:
    """5xx: this address will not take it, FAILED. 4xx: try again later, until NEWSLETTER_MAX_ATTEMPTS."""
    rows = Delivery.objects.filter(pk=delivery.pk, status=Status.SENDING)
    error = f"{code} {detail}"[:500]
    if code >= 500 or delivery.attempts + 1 >= settings.NEWSLETTER_MAX_ATTEMPTS:
        rows.update(status=Status.FAILED, claim_token=None, last_error=error)
        outcome.failed += 1
    else:
        retry_at = now + timedelta(seconds=settings.NEWSLETTER_RETRY_DELAY_SECONDS)
        rows.update(status=Status.PENDING, claim_token=None, last_error=error, next_attempt_at=retry_at)
        outcome.deferred += 1


def _release_claimed(delivery: Delivery) -> None:
    """The server went away: this row and the rest of its batch go back to PENDING (resent on resume)."""
    Delivery.objects.filter(claim_token=delivery.claim_token, status__in=[Status.CLAIMED, Status.SENDING]).update(
        status=Status.PENDING, claim_token=None
    )


def _pause(dispatch: Dispatch, error: str, now: datetime) -> None:
    from .tasks import deliver_dispatch

    retry_after = now + timedelta(seconds=settings.NEWSLETTER_RETRY_DELAY_SECONDS)
    logger.warning("Newsletter dispatch %s paused until %s: %s", dispatch.pk, retry_after, error)
    Dispatch.objects.filter(pk=dispatch.pk).update(retry_after=retry_after, heartbeat_at=None, last_error=error[:2000])
    _enqueue_later(deliver_dispatch, dispatch.pk, retry_after)


def _finish_or_wait(dispatch: Dispatch, now: datetime) -> bool:
    """Finished only when every recipient is in a final state; otherwise wait for the deferred ones."""
    from .tasks import deliver_dispatch

    open_rows = Delivery.objects.filter(issue_id=dispatch.issue_id, status__in=Delivery.OPEN)
    if not open_rows.exists():
        Dispatch.objects.filter(pk=dispatch.pk, status=Dispatch.Status.SENDING).update(
            status=Dispatch.Status.FINISHED, finished_at=now, heartbeat_at=None, retry_after=None
        )
        return True
    next_retry = open_rows.filter(status=Status.PENDING).aggregate(at=Min("next_attempt_at"))["at"]
    Dispatch.objects.filter(pk=dispatch.pk).update(heartbeat_at=None, retry_after=next_retry)
    if next_retry is not None:
        _enqueue_later(deliver_dispatch, dispatch.pk, next_retry)
    return False


def _enqueue_later(task, dispatch_id: int, when: datetime) -> None:
    # Only a backend that can defer gets a delayed task; otherwise `manage.py newsletter_send` (cron) resumes.
    if task.get_backend().supports_defer:
        transaction.on_commit(lambda: task.using(run_after=when).enqueue(dispatch_id))


def _close_quietly(connection) -> None:
    try:
        connection.close()
    except Exception:  # closing a dead connection must not hide the error that killed it
        logger.debug("closing the SMTP connection failed", exc_info=True)


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

