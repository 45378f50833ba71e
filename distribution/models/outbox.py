"""The outbox: one row per thing to do on a channel (post, delete, flag), with its state and retries."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from .social import Channel


class DeliveryKind(models.TextChoices):
    POST = "post", _("Post")
    DELETE = "delete", _("Delete the post")
    FLAG = "flag", _("Flag for removal by hand")


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")
    FLAGGED = "flagged", _("Needs removal by hand")


class SocialDelivery(models.Model):
    """What the outbox does on a social channel (not the newsletter's per-subscriber `Delivery`). The text and
    language are copied in when the row is made, so what went out is known even after the post or the page
    changes; the page link survives deletion as a title only."""

    post = models.ForeignKey(
        "distribution.SocialPost", null=True, blank=True, on_delete=models.SET_NULL, related_name="deliveries",
        verbose_name=_("post"),
    )
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("page")
    )
    page_title = models.CharField(_("page"), max_length=255)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    kind = models.CharField(_("action"), max_length=10, choices=DeliveryKind.choices, default=DeliveryKind.POST)
    state = models.CharField(
        _("state"), max_length=10, choices=DeliveryState.choices, default=DeliveryState.PENDING, db_index=True
    )
    # A POST delivery this one deletes or flags.
    target = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("post to change")
    )
    language = models.CharField(_("language"), max_length=10, blank=True)
    text = models.TextField(_("text"), blank=True)
    # Sent to networks that honour it (Mastodon, our generic webhook); stays the same across retries.
    idempotency_key = models.UUIDField(_("idempotency key"), default=uuid.uuid4, unique=True, editable=False)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True, db_index=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    remote_id = models.CharField(_("remote id"), max_length=255, blank=True)
    remote_url = models.URLField(_("link"), max_length=500, blank=True)
    # What an adapter keeps between attempts (e.g. the Mastodon media id, so a retry does not upload twice).
    progress = models.JSONField(_("progress"), default=dict, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("social delivery")
        verbose_name_plural = _("social deliveries")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["state", "next_attempt_at"], name="distribution_outbox_due_idx")]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.get_channel_display()} · {self.page_title}"
