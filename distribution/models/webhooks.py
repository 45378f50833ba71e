"""Publish webhooks: one event per lifecycle change, one delivery per configured endpoint (the delivery log)."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from .outbox import DeliveryState


class WebhookEvent(models.Model):
    """What happened, as sent: only ids and public paths, never content."""

    event_id = models.UUIDField(_("event id"), default=uuid.uuid4, unique=True, editable=False)
    event_type = models.CharField(_("event"), max_length=40)
    # Page or snippet the event is about; no foreign key, because a deleted page's events must stay in the log.
    object_id = models.PositiveBigIntegerField(_("object id"), null=True, blank=True)
    translation_key = models.UUIDField(_("translation key"), null=True, blank=True)
    payload = models.JSONField(_("payload"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("publish webhook event")
        verbose_name_plural = _("publish webhook events")
        ordering = ["-id"]

    def __str__(self):
        return f"{self.event_type} #{self.object_id}"


class WebhookDelivery(models.Model):
    """One event to one endpoint. Deliveries sharing `ordering_key` and `url` go out in id order."""

    event = models.ForeignKey(
        WebhookEvent, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("event")
    )
    url = models.URLField(_("endpoint"), max_length=500)
    ordering_key = models.CharField(_("ordering key"), max_length=100, db_index=True)
    state = models.CharField(
        _("state"), max_length=10, choices=DeliveryState.choices, default=DeliveryState.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    response_status = models.PositiveSmallIntegerField(_("last response"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("publish webhook delivery")
        verbose_name_plural = _("publish webhook deliveries")
        ordering = ["-id"]
        indexes = [models.Index(fields=["url", "ordering_key", "state"], name="distribution_webhook_order_idx")]

    def __str__(self):
        return f"{self.event} → {self.url}"
