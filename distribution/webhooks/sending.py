"""Sending publish webhooks, in order: for one page (or snippet) and one endpoint, an event is not sent before
every earlier one has been delivered or has finally failed. A receiver can therefore apply events as they come.

Receivers should deduplicate on the event id (`id` in the body, `X-InterAzioni-Event-Id` header): a delivery
whose worker died mid-call is sent again.
"""

import orjson
import requests
from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.tasks import task_enqueue
from distribution.models import DeliveryState, WebhookDelivery
from distribution.retry import attempts_exhausted, retry_delay
from distribution.signing import SIGNATURE_HEADER, signature_header

UNFINISHED = (DeliveryState.PENDING, DeliveryState.SENDING)


def webhook_deliveries_process_due(*, now=None) -> dict[str, int]:
    now = now or timezone.now()
    stale_before = now - timezone.timedelta(seconds=settings.DISTRIBUTION_CLAIM_TIMEOUT_SECONDS)
    WebhookDelivery.objects.filter(state=DeliveryState.SENDING, claimed_at__lt=stale_before).update(
        state=DeliveryState.PENDING, next_attempt_at=now
    )
    counts: dict[str, int] = {}
    blocked: set[tuple[str, str]] = set()
    # Oldest first; the first unfinished delivery of each (endpoint, page) gates the ones after it.
    for delivery in WebhookDelivery.objects.filter(state__in=UNFINISHED).select_related("event").order_by("pk"):
        key = (delivery.url, delivery.ordering_key)
        if key in blocked:
            continue
        if delivery.state == DeliveryState.SENDING or (delivery.next_attempt_at and delivery.next_attempt_at > now):
            blocked.add(key)
            continue
        state = webhook_delivery_send(delivery=delivery, now=now)
        if state is None or state not in (DeliveryState.SENT, DeliveryState.FAILED):
            blocked.add(key)
        if state is not None:
            counts[state] = counts.get(state, 0) + 1
    return counts


def webhook_delivery_send(*, delivery: WebhookDelivery, now) -> str | None:
    """One attempt. Returns the resulting state, or None when another worker claimed it first."""
    claimed = WebhookDelivery.objects.filter(pk=delivery.pk, state=DeliveryState.PENDING).update(
        state=DeliveryState.SENDING, claimed_at=timezone.now(), attempts=F("attempts") + 1
    )
    if not claimed:
        return None
    delivery.refresh_from_db(fields=["attempts"])
    secret = settings.DISTRIBUTION_WEBHOOK_SECRET
    if not secret:
        return _finish(delivery, DeliveryState.FAILED, error=_("DISTRIBUTION_WEBHOOK_SECRET is not set: nothing is "
                                                               "sent unsigned."))
    body = orjson.dumps(delivery.event.payload)
    headers = {
        "Content-Type": "application/json",
        SIGNATURE_HEADER: signature_header(secret=secret, body=body),
        "X-InterAzioni-Event": delivery.event.event_type,
        "X-InterAzioni-Event-Id": str(delivery.event.event_id),
    }
    try:
        response = requests.post(delivery.url, data=body, headers=headers,
                                 timeout=settings.DISTRIBUTION_HTTP_TIMEOUT_SECONDS, allow_redirects=False)
    except requests.RequestException as error:
        return _retry_or_fail(delivery, now, error=f"{type(error).__name__}: {error}", status=None)
    if 200 <= response.status_code < 300:
        return _finish(delivery, DeliveryState.SENT, status=response.status_code, sent_at=timezone.now())
    error = f"{response.status_code} {response.reason}: {response.text[:300]}"
    if response.status_code == 429 or response.status_code >= 500:
        return _retry_or_fail(delivery, now, error=error, status=response.status_code,
                              retry_after=response.headers.get("Retry-After"))
    return _finish(delivery, DeliveryState.FAILED, error=error, status=response.status_code)


def _retry_or_fail(delivery, now, *, error: str, status, retry_after=None) -> str:
    if attempts_exhausted(delivery.attempts):
        return _finish(delivery, DeliveryState.FAILED, error=error, status=status)
    delay = retry_delay(attempt=delivery.attempts, retry_after=retry_after)
    task_enqueue("distribution.tasks.webhooks_deliver", at=now + delay)
    return _finish(delivery, DeliveryState.PENDING, error=error, status=status, next_attempt_at=now + delay)


def _finish(delivery, state, *, error: str = "", status=None, **fields) -> str:
    values = {"state": state, "last_error": error, "response_status": status, **fields}
    WebhookDelivery.objects.filter(pk=delivery.pk).update(**values)
    for name, value in values.items():
        setattr(delivery, name, value)
    return state
