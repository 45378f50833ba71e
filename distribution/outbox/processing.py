"""Sending the outbox: claim a delivery, call the network, record the outcome, schedule a retry when it helps.

Claim before send: a delivery moves PENDING → SENDING in one conditional UPDATE before the network is called,
so two workers never send the same one. A delivery found still SENDING after DISTRIBUTION_CLAIM_TIMEOUT_SECONDS
belongs to a worker that died mid-call. Resume policy: on an idempotent channel (Mastodon, our signed webhook)
it is sent again with the same key, which the receiver drops if it already acted; on Telegram and Facebook,
which have no such key, it is marked failed as "may have been posted" for an editor to check and retry by hand.
A lost answer (read timeout, dropped connection) is treated the same way.
"""

import logging

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.tasks import task_enqueue
from content_models.kernel.visibility import page_is_visible, private_page_paths
from distribution.channels import ADAPTERS, ChannelError, channel_adapter, channel_is_enabled
from distribution.channels.compose import outgoing_build
from distribution.channels.limits import post_errors
from distribution.models import DeliveryKind, DeliveryState, SocialDelivery
from distribution.retry import attempts_exhausted, retry_delay

logger = logging.getLogger(__name__)


def deliveries_due(*, now=None) -> list[int]:
    now = now or timezone.now()
    return list(
        SocialDelivery.objects.filter(state=DeliveryState.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)
    )


def deliveries_process_due(*, now=None) -> dict[str, int]:
    """What cron runs: resume abandoned claims, then send everything due. Returns counts by resulting state."""
    now = now or timezone.now()
    deliveries_resume_stale(now=now)
    counts: dict[str, int] = {}
    for delivery_id in deliveries_due(now=now):
        delivery = delivery_process(delivery_id=delivery_id, now=now)
        if delivery is not None:
            counts[delivery.state] = counts.get(delivery.state, 0) + 1
    return counts


def deliveries_resume_stale(*, now=None) -> int:
    now = now or timezone.now()
    stale_before = now - timezone.timedelta(seconds=settings.DISTRIBUTION_CLAIM_TIMEOUT_SECONDS)
    stale = SocialDelivery.objects.filter(state=DeliveryState.SENDING, claimed_at__lt=stale_before)
    idempotent = [name for name, adapter in ADAPTERS.items() if adapter.idempotent]
    resumed = stale.filter(channel__in=idempotent).update(state=DeliveryState.PENDING, next_attempt_at=now)
    stale.exclude(channel__in=idempotent).update(
        state=DeliveryState.FAILED,
        progress={"ambiguous": True},
        last_error=_("Interrupted while sending: it may have been posted. Check the channel, then retry by hand "
                     "only if it is not there."),
    )
    return resumed


def delivery_retry(*, delivery: SocialDelivery) -> bool:
    """An editor's explicit retry of a failed delivery (after checking the network, for an ambiguous one)."""
    progress = {key: value for key, value in (delivery.progress or {}).items() if key != "ambiguous"}
    updated = SocialDelivery.objects.filter(pk=delivery.pk, state=DeliveryState.FAILED).update(
        state=DeliveryState.PENDING, next_attempt_at=timezone.now(), progress=progress
    )
    if updated:
        task_enqueue("distribution.tasks.outbox_deliver", delivery.pk)
    return bool(updated)


def delivery_process(*, delivery_id: int, now=None) -> SocialDelivery | None:
    """Send one due delivery. None when it was not due or another worker holds it."""
    now = now or timezone.now()
    claimed = SocialDelivery.objects.filter(pk=delivery_id, state=DeliveryState.PENDING, next_attempt_at__lte=now).update(
        state=DeliveryState.SENDING, claimed_at=timezone.now(), attempts=F("attempts") + 1
    )
    if not claimed:
        return None
    delivery = SocialDelivery.objects.select_related("post__image", "post__page", "target").get(pk=delivery_id)
    refusal = _refusal(delivery)
    if refusal is not None:
        state, message = refusal
        _finish(delivery, state=state, last_error=message)
        return delivery
    adapter = channel_adapter(delivery.channel)
    message = None
    try:
        if delivery.kind == DeliveryKind.DELETE:
            adapter.delete(delivery.target.remote_id)
            _finish(delivery, state=DeliveryState.SENT, last_error="", sent_at=timezone.now())
            return delivery
        message = outgoing_build(delivery=delivery, post=delivery.post)
        posted = adapter.post(message)
    except ChannelError as error:
        if message is not None:
            delivery.progress = message.progress
        _failed(delivery, error, adapter_idempotent=adapter.idempotent, now=now)
        return delivery
    except Exception as error:  # a bug or a broken image file: recorded for the editor, never lost silently
        logger.exception("Delivery %s failed unexpectedly", delivery.pk)
        _finish(delivery, state=DeliveryState.FAILED, last_error=f"{type(error).__name__}: {error}")
        return delivery
    delivery.progress = message.progress
    _finish(delivery, state=DeliveryState.SENT, last_error="", sent_at=timezone.now(),
            remote_id=posted.remote_id, remote_url=posted.remote_url[:500])
    return delivery


def _refusal(delivery: SocialDelivery) -> tuple[str, str] | None:
    """Why this delivery must not go out now, checked at send time (the page may have changed since queued)."""
    if not channel_is_enabled(delivery.channel):
        return DeliveryState.FAILED, _("The channel is switched off or missing its settings.")
    if delivery.kind == DeliveryKind.DELETE:
        if delivery.target is None or not delivery.target.remote_id:
            return DeliveryState.FAILED, _("The post to delete is unknown.")
        return None
    post = delivery.post
    if post is None or delivery.page is None:
        return DeliveryState.CANCELLED, _("The post or its page was deleted.")
    page = post.page
    if not page_is_visible(page, now=timezone.now(), private_paths=private_page_paths()):
        return DeliveryState.CANCELLED, _("The page is not public any more.")
    # What goes out is the post as it is now (an editor may have improved it since it was queued).
    delivery.text, delivery.language = post.text, page.locale.language_code
    errors = post_errors(channel=post.channel, text=post.text, has_image=post.image_id is not None)
    if post.image_id and not post.alt_text.strip():
        errors.setdefault("alt_text", []).append(_("The image has no alternative text."))
    if errors:
        return DeliveryState.FAILED, " ".join(message for messages in errors.values() for message in messages)
    return None


def _failed(delivery: SocialDelivery, error: ChannelError, *, adapter_idempotent: bool, now) -> None:
    if error.retryable and error.ambiguous and not adapter_idempotent:
        delivery.progress = {**(delivery.progress or {}), "ambiguous": True}
        _finish(delivery, state=DeliveryState.FAILED, last_error=_(
            "%(error)s. It may have been posted: check the channel, then retry by hand only if it is not there."
        ) % {"error": error})
    elif error.retryable and not attempts_exhausted(delivery.attempts):
        delay = retry_delay(attempt=delivery.attempts, retry_after=error.retry_after)
        _finish(delivery, state=DeliveryState.PENDING, last_error=str(error), next_attempt_at=now + delay)
        task_enqueue("distribution.tasks.outbox_deliver", delivery.pk, at=now + delay)
    else:
        _finish(delivery, state=DeliveryState.FAILED, last_error=str(error))


def _finish(delivery: SocialDelivery, **fields) -> None:
    for name, value in fields.items():
        setattr(delivery, name, value)
    delivery.save(update_fields=[*fields, "text", "language", "progress", "updated_at"])
