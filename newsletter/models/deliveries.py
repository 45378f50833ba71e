"""Sending state: one Dispatch per issue, one Delivery per (issue, subscriber).

A Delivery row is the unit of work and the unit of truth: it is claimed before the message is handed to SMTP
and marked sent after. The state machine and the resume policy are described in docs/newsletter.md.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Dispatch(models.Model):
    """The sending of one issue (all its language editions), scheduled or started by an editor."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        FINISHED = "finished", _("Finished")
        CANCELLED = "cancelled", pgettext_lazy("newsletter sending", "Cancelled")

    issue = models.OneToOneField(
        "newsletter.NewsletterIssue", on_delete=models.CASCADE, related_name="dispatch", verbose_name=_("issue"),
        help_text=_("The Italian (source) issue."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    scheduled_at = models.DateTimeField(_("send at"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # Touched by the worker after every batch: a sending dispatch with an old heartbeat has lost its worker.
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    # When the server was unreachable: no worker retries before this time.
    retry_after = models.DateTimeField(_("retry after"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("requested by"),
    )

    class Meta:
        verbose_name = _("dispatch")
        verbose_name_plural = _("dispatches")

    def __str__(self):
        return f"{self.issue} ({self.get_status_display()})"


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        CLAIMED = "claimed", _("Claimed by a worker")
        SENDING = "sending", _("Handed to the mail server")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Skipped (no longer subscribed)")
        BOUNCED = "bounced", _("Bounced")
        COMPLAINED = "complained", _("Marked as spam")

    # A delivery in one of these states is settled: the issue is finished when every row is.
    FINAL = (Status.SENT, Status.FAILED, Status.SKIPPED, Status.BOUNCED, Status.COMPLAINED)
    OPEN = (Status.PENDING, Status.CLAIMED, Status.SENDING)

    issue = models.ForeignKey(
        "newsletter.NewsletterIssue", on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("issue")
    )
    # Erasing a subscriber (GDPR) keeps the anonymous row, so the issue's report stays true.
    subscriber = models.ForeignKey(
        "newsletter.Subscriber", null=True, on_delete=models.SET_NULL, related_name="deliveries",
        verbose_name=_("subscriber"),
    )
    language = models.CharField(_("language"), max_length=10)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    claim_token = models.UUIDField(_("claim token"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    attempted_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    message_id = models.CharField(_("message id"), max_length=255, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed from this issue"), null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="newsletter_one_delivery_per_recipient"),
        ]
        indexes = [models.Index(fields=["issue", "status"], name="newsletter_delivery_progress")]

    def __str__(self):
        return f"{self.issue_id}/{self.pk} {self.status}"
