"""The delivery loop of a dispatch: claim a batch, deliver each message, settle its outcome.

Every (issue, subscriber) pair has exactly one Delivery row. A worker moves a row through

    PENDING -> CLAIMED (batch claim) -> SENDING (just before SMTP) -> SENT | FAILED | SKIPPED | PENDING (retry)

with conditional UPDATEs, so two workers never hold the same row; one run at a time sends a dispatch, holding its
lease (lease.py), which also says when a run died and its rows go back (the resume policy, docs/newsletter.md).

One commit per message: unthrottled, the SENT mark of a message is written in the same transaction that moves
the next one to SENDING (_SentMark), so at most one message is ever accepted by SMTP and not yet recorded, as
when the mark had a commit of its own; the commit that waits for the disk is the cost of a message.

The two per-message UPDATEs are SQL written once per run (_MarkStatements), not ORM querysets: building the
queryset and compiling it cost more CPU than the database took to run it, and this loop is the send's hot path.
Everything that happens once per batch or per run stays in the ORM.
"""

import logging
import smtplib
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import NamedTuple

from django.conf import settings
from django.core.mail import get_connection
from django.db import connections, router, transaction
from django.db.models import Min, Q
from django.utils import timezone

from cms.tasks import task_enqueue

from .lease import DispatchLease, LeaseLost
from .messages import (
    MessageTemplate,
    SubscriberLinks,
    delivery_message_id,
    message_domain,
    newsletter_message,
    subscriber_mailto,
)
from .models import Delivery, Dispatch, NewsletterIssue, Subscriber
from .rendering import Edition, render_edition
from .throttle import Throttle

logger = logging.getLogger(__name__)
Status = Delivery.Status

# smtplib's exceptions are OSErrors too: recipient- and message-level ones are caught first, one by one.
CONNECTION_ERRORS = (OSError,)
SERVICE_CLOSING = 421  # "service not available, closing transmission channel": the server, not the message


@dataclass
class SendOutcome:
    sent: int = 0
    failed: int = 0
    skipped: int = 0
    deferred: int = 0
    interrupted: bool = False
    finished: bool = False
    busy: bool = False  # another live run holds the dispatch (lease.py): this one did nothing
    errors: list[str] = field(default_factory=list)


def issue_editions(source: NewsletterIssue, *, live: bool = True) -> dict[str, NewsletterIssue]:
    """Language code -> the issue's edition in that language (live ones for sending, drafts for previews)."""
    editions = NewsletterIssue.objects.filter(translation_key=source.translation_key).select_related("locale")
    if live:
        editions = editions.filter(live=True)
        return {issue.locale.language_code: issue for issue in editions}
    return {issue.locale.language_code: issue.get_latest_revision_as_object() for issue in editions}


class EditionCache:
    """Each language edition rendered at most once per worker run; missing languages get the Italian one."""

    def __init__(self, source: NewsletterIssue, editions: dict[str, NewsletterIssue] | None = None):
        self.source = source
        self.editions = editions if editions is not None else issue_editions(source)
        self._rendered: dict[str, Edition] = {}
        self._templates: dict[str, MessageTemplate | None] = {}

    def for_language(self, language: str) -> Edition:
        issue = self.editions.get(language) or self.editions.get(settings.LANGUAGE_CODE) or self.source
        code = issue.locale.language_code
        if code not in self._rendered:
            self._rendered[code] = render_edition(issue)
        return self._rendered[code]

    def template_for(self, language: str) -> MessageTemplate | None:
        """The edition's message prepared as bytes (None: it cannot go out as 8bit, each message is built)."""
        edition = self.for_language(language)
        code = edition.language.code
        if code not in self._templates:
            self._templates[code] = MessageTemplate.for_edition(edition)
            if self._templates[code] is None:
                logger.warning("Issue %s (%s) has a line too long for 8bit: messages built one by one",
                               edition.issue_id, code)
        return self._templates[code]


class _Claimed(NamedTuple):
    """What the loop needs of a claimed row (no model instances: the claim reads 100 rows per batch)."""

    pk: int
    issue_id: int
    language: str
    attempts: int
    claim_token: uuid.UUID
    email: str | None  # None: the subscriber was erased after the claim (the check-and-set skips the row)
    key: str | None


class _MarkStatements:
    """The per-message UPDATEs, as SQL built once from the models' table and column names (any backend)."""

    def __init__(self):
        self.using = router.db_for_write(Delivery)
        connection = connections[self.using]
        quote, ops = connection.ops.quote_name, connection.ops
        meta, subscribers = Delivery._meta, Subscriber._meta
        table = quote(meta.db_table)

        def column(name: str, model_meta=meta) -> str:
            return quote(model_meta.get_field(name).column)

        self._adapt_datetime = ops.adapt_datetimefield_value
        self._token_field = meta.get_field("claim_token")
        self._connection = connection
        # Only this transaction's commit skips the flush wait (SET LOCAL): see NEWSLETTER_DURABLE_MARKS.
        self.relaxed_commit_sql = (
            "SET LOCAL synchronous_commit TO off"
            if connection.vendor == "postgresql" and not settings.NEWSLETTER_DURABLE_MARKS
            else None
        )
        self.sent_sql = (
            f"UPDATE {table} SET {column('status')} = %s, {column('sent_at')} = %s, {column('message_id')} = %s, "
            f"{column('claim_token')} = NULL, {column('last_error')} = %s "
            f"WHERE {column('id')} = %s AND {column('status')} = %s"
        )
        # The subscriber must still be active: an unsubscribe, bounce or erase since the claim skips the row.
        self.sending_sql = (
            f"UPDATE {table} SET {column('status')} = %s, {column('attempted_at')} = %s, "
            f"{column('attempts')} = {column('attempts')} + 1 "
            f"WHERE {column('id')} = %s AND {column('status')} = %s AND {column('claim_token')} = %s "
            f"AND EXISTS (SELECT 1 FROM {quote(subscribers.db_table)} WHERE "
            f"{quote(subscribers.db_table)}.{quote(subscribers.pk.column)} = {table}.{column('subscriber')} "
            f"AND {quote(subscribers.db_table)}.{column('status', subscribers)} = %s)"
        )

    def token(self, token: uuid.UUID):
        return self._token_field.get_db_prep_value(token, self._connection)

    def _execute(self, sql: str, params: list) -> int:
        with self._connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.rowcount

    def commit_relax(self) -> None:
        if self.relaxed_commit_sql:
            self._execute(self.relaxed_commit_sql, [])

    def mark_sent(self, pk: int, message_id: str, sent_at: datetime) -> int:
        return self._execute(self.sent_sql, [Status.SENT.value, self._adapt_datetime(sent_at), message_id, "", pk,
                                             Status.SENDING.value])

    def mark_sending(self, pk: int, token, now: datetime) -> int:
        return self._execute(self.sending_sql, [Status.SENDING.value, self._adapt_datetime(now), pk,
                                                Status.CLAIMED.value, token, Subscriber.Status.ACTIVE.value])


# --- The loop -----------------------------------------------------------------------------------------------
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
    lease = DispatchLease.take(dispatch.pk, clock)  # gives back the rows of a run that died
    if lease is None:
        outcome.busy = True
        return outcome
    source = dispatch.issue
    editions = EditionCache(source)
    # Render every needed edition before claiming anything: a rendering error leaves no row half-sent.
    for language in Delivery.objects.filter(issue=source, status=Status.PENDING).values_list("language", flat=True).distinct():
        editions.template_for(language)
        lease.renew_if_due()
    throttle = throttle or Throttle(settings.NEWSLETTER_MESSAGES_PER_SECOND)
    connection = connection or get_connection(settings.NEWSLETTER_EMAIL_BACKEND)
    batch_size = batch_size or settings.NEWSLETTER_BATCH_SIZE
    statements = _MarkStatements()
    sent_mark = _SentMark(statements, deferred=not throttle.interval)
    run = _Run(editions=editions, connection=connection, throttle=throttle, clock=clock, outcome=outcome,
               sent_mark=sent_mark, statements=statements, links=SubscriberLinks(), domain=message_domain())
    try:
        connection.open()
        while True:
            lease.renew()  # before each claim: a run that lost its lease claims nothing more
            claimable = _claimable_ids(source, batch_size, clock())
            if not claimable:
                break
            for delivery in _claim(claimable, clock()):
                lease.renew_if_due()
                _deliver_one(delivery, run)
        sent_mark.write()
    except LeaseLost:
        # Silent for longer than the lease (a frozen process, a very slow server): another run has the rows now.
        logger.warning("Newsletter dispatch %s was taken over by another worker: this run stops", dispatch.pk)
        outcome.interrupted = True
        return outcome
    except _ServerUnavailable as error:
        outcome.interrupted = True
        _pause(dispatch, lease, str(error.__cause__ or error), clock())
    except CONNECTION_ERRORS as error:  # could not even connect
        outcome.interrupted = True
        _pause(dispatch, lease, str(error), clock())
    finally:
        # Whatever stopped the run (a bug, SIGTERM), the server did accept that message: record it.
        sent_mark.write_quietly()
        _close_quietly(connection)
    if not outcome.interrupted:
        outcome.finished = _finish_or_wait(dispatch, lease, clock())
    return outcome


class _ServerUnavailable(Exception):
    pass


@dataclass
class _Run:
    """What every message of one worker run shares."""

    editions: EditionCache
    connection: object
    throttle: Throttle
    clock: Callable[[], datetime]
    outcome: SendOutcome
    sent_mark: "_SentMark"
    statements: _MarkStatements
    links: SubscriberLinks
    domain: str


class _SentMark:
    """The SENT mark of the last message the server accepted.

    Unthrottled (deferred), it is written with the next message's SENDING mark, in one transaction: one commit
    per message instead of two. At any moment at most one accepted message has no mark yet, as before, so a
    killed worker still leaves at most one message of unknown outcome (resent on resume, see
    lease.deliveries_release_abandoned). Throttled, the worker would sleep before the next message, so the mark is
    written at once: commits cost nothing at that pace, and the unknown-outcome window stays short.
    """

    def __init__(self, statements: _MarkStatements, *, deferred: bool):
        self.statements = statements
        self.deferred = deferred
        self.pending: tuple[int, str, datetime] | None = None

    def record(self, delivery: _Claimed, message_id: str, now: datetime) -> None:
        self.pending = (delivery.pk, message_id, now)
        if not self.deferred:
            self.write()

    def write(self) -> None:
        if self.pending is None:
            return
        pk, message_id, sent_at = self.pending
        self.statements.mark_sent(pk, message_id, sent_at)
        self.pending = None

    def write_quietly(self) -> None:
        try:
            self.write()
        except Exception:  # the database is what failed: the row stays SENDING, resent on resume
            logger.exception("could not record a sent newsletter message")


def _claimable_ids(source, batch_size: int, now: datetime) -> list[int]:
    return list(
        Delivery.objects.filter(issue=source, status=Status.PENDING)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .order_by("pk")
        .values_list("pk", flat=True)[:batch_size]
    )


def _claim(ids: Iterable[int], now: datetime) -> list[_Claimed]:
    token = uuid.uuid4()
    # The status condition is re-checked under the row lock: of two workers, only one claims each row.
    Delivery.objects.filter(pk__in=list(ids), status=Status.PENDING).update(
        status=Status.CLAIMED, claim_token=token, claimed_at=now
    )
    rows = Delivery.objects.filter(claim_token=token).order_by("pk").values_list(
        "pk", "issue_id", "language", "attempts", "claim_token", "subscriber__email", "subscriber__key"
    )
    return [_Claimed(*row) for row in rows]


def _deliver_one(delivery: _Claimed, run: _Run) -> None:
    now = run.clock()
    sent_mark, statements, outcome = run.sent_mark, run.statements, run.outcome
    previous = sent_mark.pending
    try:
        with transaction.atomic(using=statements.using):
            statements.commit_relax()
            sent_mark.write()  # the previous message's outcome, in this message's commit
            # Check-and-set right before SMTP: an unsubscribe, bounce or erase since the claim skips the row.
            started = statements.mark_sending(delivery.pk, statements.token(delivery.claim_token), now)
            if not started:
                Delivery.objects.filter(
                    pk=delivery.pk, status=Status.CLAIMED, claim_token=delivery.claim_token
                ).update(status=Status.SKIPPED, claim_token=None)
    except Exception:
        sent_mark.pending = previous  # rolled back with this transaction: still to be written
        raise
    if not started:
        outcome.skipped += 1
        return
    message_id = delivery_message_id(delivery.issue_id, delivery.pk, domain=run.domain)
    message = newsletter_message(
        edition=run.editions.for_language(delivery.language),
        links=run.links.for_delivery(delivery.key, delivery.language, delivery.pk),
        to=delivery.email,
        message_id=message_id,
        mailto=subscriber_mailto(delivery.key),
        connection=run.connection,
        template=run.editions.template_for(delivery.language),
    )
    run.throttle.wait()
    try:
        run.connection.send_messages([message])
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _message in error.recipients.values()]
        _settle_refusal(delivery, min(codes) if codes else 550, str(error.recipients), run.clock(), outcome)
        return
    except smtplib.SMTPSenderRefused as error:  # our From is refused: no message can go, stop the run
        _release_claimed(delivery)
        raise _ServerUnavailable(f"sender refused: {error.smtp_code}") from error
    except smtplib.SMTPResponseException as error:
        if error.smtp_code == SERVICE_CLOSING:
            _release_claimed(delivery)
            raise _ServerUnavailable(f"{error.smtp_code} {error.smtp_error!r}") from error
        _settle_refusal(delivery, error.smtp_code, repr(error.smtp_error), run.clock(), outcome)
        return
    except CONNECTION_ERRORS as error:
        _release_claimed(delivery)
        raise _ServerUnavailable(str(error)) from error
    sent_mark.record(delivery, message_id, run.clock())
    outcome.sent += 1


def _settle_refusal(delivery: _Claimed, code: int, detail: str, now: datetime, outcome: SendOutcome) -> None:
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


def _release_claimed(delivery: _Claimed) -> None:
    """The server went away: this row and the rest of its batch go back to PENDING (resent on resume)."""
    Delivery.objects.filter(claim_token=delivery.claim_token, status__in=[Status.CLAIMED, Status.SENDING]).update(
        status=Status.PENDING, claim_token=None
    )


def _pause(dispatch: Dispatch, lease: DispatchLease, error: str, now: datetime) -> None:
    retry_after = now + timedelta(seconds=settings.NEWSLETTER_RETRY_DELAY_SECONDS)
    logger.warning("Newsletter dispatch %s paused until %s: %s", dispatch.pk, retry_after, error)
    Dispatch.objects.filter(lease.mine()).update(retry_after=retry_after, heartbeat_at=None, last_error=error[:2000])
    _enqueue_later(dispatch.pk, retry_after)


def _finish_or_wait(dispatch: Dispatch, lease: DispatchLease, now: datetime) -> bool:
    """Finished only when every recipient is in a final state; otherwise wait for the deferred ones."""
    open_rows = Delivery.objects.filter(issue_id=dispatch.issue_id, status__in=Delivery.OPEN)
    if not open_rows.exists():
        # Not ours any more (taken over after the last renewal): the run that holds it finishes it.
        return bool(Dispatch.objects.filter(lease.mine(), status=Dispatch.Status.SENDING).update(
            status=Dispatch.Status.FINISHED, finished_at=now, heartbeat_at=None, retry_after=None
        ))
    next_retry = open_rows.filter(status=Status.PENDING).aggregate(at=Min("next_attempt_at"))["at"]
    Dispatch.objects.filter(lease.mine()).update(heartbeat_at=None, retry_after=next_retry)
    if next_retry is not None:
        _enqueue_later(dispatch.pk, next_retry)
    return False


def _enqueue_later(dispatch_id: int, when: datetime) -> None:
    # Only a backend that can defer gets a delayed task; otherwise `manage.py newsletter_send` (cron) resumes.
    task_enqueue("newsletter.tasks.deliver_dispatch", dispatch_id, at=when)


def _close_quietly(connection) -> None:
    try:
        connection.close()
    except Exception:  # closing a dead connection must not hide the error that killed it
        logger.debug("closing the SMTP connection failed", exc_info=True)
