"""Bounce and complaint events from the mail provider (webhook) or a file (management command).

    {"events": [{"id": "...", "type": "bounce"|"complaint", "email": "...", "permanent": true, "message_id": "<...>"}]}

A batch is validated whole before anything is applied, then applied in one transaction: either every event is
recorded or none is. Each applied event leaves its key in ProcessedFeedbackEvent, so a replayed or retried
delivery is a no-op that answers what was applied the first time. Events of other types ("delivery", "open")
are accepted and ignored: providers send them to the same endpoint.
"""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from . import services
from .errors import NewsletterError
from .models import ProcessedFeedbackEvent

HANDLED_TYPES = ("bounce", "complaint")
MAX_EVENTS = 1000
# Providers retry for hours, at most days: keys older than this are forgotten.
RETENTION = timedelta(days=30)
Outcome = ProcessedFeedbackEvent.Outcome


class FeedbackPayloadError(ValueError):
    """The batch is refused as a whole; the message names the event and field, never an address."""


@dataclass(frozen=True)
class FeedbackEvent:
    type: str
    email: str = ""
    permanent: bool = True
    message_id: str = ""
    key: str | None = None  # None: not de-duplicated (an operator typing a command)


@dataclass(frozen=True)
class FeedbackResult:
    received: int
    processed: int  # events of a type we handle (bounce, complaint), first time or not
    matched: int  # ... whose address belonged to a subscriber
    duplicates: int  # events already applied by an earlier delivery (or twice in this one)

    def as_json(self) -> dict:
        # Counts only: the answer never echoes an address.
        return {"received": self.received, "processed": self.processed, "duplicates": self.duplicates}


def event_key(raw_id: str) -> str:
    return hashlib.sha256(raw_id.encode()).hexdigest()


def feedback_events_parse(data, *, delivery_key: str | None = None, where: str = "events") -> list[FeedbackEvent]:
    """Validate a decoded payload ({"events": [...]}) and return its events, or raise FeedbackPayloadError.

    Events without an "id" get one derived from `delivery_key` (the webhook's signed timestamp and body) and
    their position, so replaying the same signed delivery is recognised even when the provider sends no ids.
    """
    if not isinstance(data, dict) or "events" not in data:
        raise FeedbackPayloadError('expected a JSON object with an "events" list')
    events = data["events"]
    if not isinstance(events, list):
        raise FeedbackPayloadError('"events" must be a list')
    if len(events) > MAX_EVENTS:
        raise FeedbackPayloadError(f"too many events: at most {MAX_EVENTS} per request")
    return [
        feedback_event_parse(event, where=f"{where}[{index}]",
                             fallback_id=f"{delivery_key}:{index}" if delivery_key else None)
        for index, event in enumerate(events)
    ]


def feedback_event_parse(event, *, where: str, fallback_id: str | None = None) -> FeedbackEvent:
    if not isinstance(event, dict):
        raise FeedbackPayloadError(f"{where}: expected an object")
    raw_id = event.get("id", fallback_id)
    if raw_id is not None and (not isinstance(raw_id, str | int) or isinstance(raw_id, bool)
                               or not str(raw_id).strip() or len(str(raw_id)) > 255):
        raise FeedbackPayloadError(f"{where}.id: expected a non-empty string of at most 255 characters")
    key = event_key(str(raw_id)) if raw_id is not None else None
    kind = event.get("type")
    if not isinstance(kind, str) or not kind:
        raise FeedbackPayloadError(f"{where}.type: expected a string")
    if kind not in HANDLED_TYPES:
        return FeedbackEvent(type=kind, key=key)
    email = event.get("email")
    if not isinstance(email, str):
        raise FeedbackPayloadError(f"{where}.email: expected an email address")
    try:
        email = services.email_normalise(email)
    except NewsletterError:
        raise FeedbackPayloadError(f"{where}.email: not a valid email address") from None
    permanent = event.get("permanent", True)
    if not isinstance(permanent, bool):
        raise FeedbackPayloadError(f"{where}.permanent: expected true or false")
    message_id = event.get("message_id") or ""
    if not isinstance(message_id, str) or len(message_id) > 255:
        raise FeedbackPayloadError(f"{where}.message_id: expected a string of at most 255 characters")
    return FeedbackEvent(type=kind, email=email, permanent=permanent, message_id=message_id, key=key)


def feedback_events_apply(*, events: list[FeedbackEvent], now=None) -> FeedbackResult:
    """Apply a validated batch atomically; events already processed are skipped and reported as such."""
    now = now or timezone.now()
    try:
        return _apply(events, now)
    except IntegrityError:
        # The same delivery arrived twice at once: the other request committed first and won the unique key.
        # Everything here was rolled back; a second pass sees its events as duplicates.
        return _apply(events, now)


@transaction.atomic
def _apply(events: list[FeedbackEvent], now) -> FeedbackResult:
    ProcessedFeedbackEvent.objects.filter(processed_at__lt=now - RETENTION).delete()
    keys = [event.key for event in events if event.key]
    done = dict(ProcessedFeedbackEvent.objects.filter(event_key__in=keys).values_list("event_key", "outcome"))
    outcomes, duplicates, new_rows = [], 0, []
    for event in events:
        if event.key and event.key in done:
            outcomes.append(done[event.key])
            duplicates += 1
            continue
        outcome = _apply_one(event, now)
        outcomes.append(outcome)
        if event.key:
            done[event.key] = outcome
            new_rows.append(ProcessedFeedbackEvent(event_key=event.key, outcome=outcome, processed_at=now))
    ProcessedFeedbackEvent.objects.bulk_create(new_rows)
    return FeedbackResult(
        received=len(events),
        processed=sum(outcome != Outcome.IGNORED for outcome in outcomes),
        matched=sum(outcome == Outcome.APPLIED for outcome in outcomes),
        duplicates=duplicates,
    )


def _apply_one(event: FeedbackEvent, now) -> str:
    if event.type == "bounce":
        known = services.subscriber_record_bounce(
            email=event.email, permanent=event.permanent, message_id=event.message_id, now=now
        )
    elif event.type == "complaint":
        known = services.subscriber_record_complaint(email=event.email, message_id=event.message_id, now=now)
    else:
        return Outcome.IGNORED
    return Outcome.APPLIED if known else Outcome.UNKNOWN
