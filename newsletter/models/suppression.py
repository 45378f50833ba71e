"""What must outlive a subscriber: addresses that refused the newsletter, and the feedback events already applied.

Neither table holds personal data. A suppressed address is kept only as a keyed hash (newsletter.suppression),
so after a GDPR erasure nobody can read back who was on the list, yet the address cannot be silently put back.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Suppression(models.Model):
    """An address that refused the newsletter (unsubscribed, bounced, reported spam), as a keyed hash only."""

    class Reason(models.TextChoices):
        # The same values as Subscriber.Status: an erased subscriber's status becomes the reason.
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        BOUNCED = "bounced", _("Bounced")
        COMPLAINED = "complained", _("Marked as spam")

    # Reasons only the office can lift: a new double opt-in does not (see docs/newsletter.md).
    HARD = (Reason.BOUNCED, Reason.COMPLAINED)

    address_hash = models.CharField(_("address (keyed hash)"), max_length=64, unique=True, editable=False)
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    suppressed_at = models.DateTimeField(_("suppressed on"), default=timezone.now)

    class Meta:
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppressed addresses")

    def __str__(self):
        return f"{self.address_hash[:12]}… ({self.reason})"


class ProcessedFeedbackEvent(models.Model):
    """A bounce/complaint event already applied: a replayed or retried delivery of it changes nothing."""

    class Outcome(models.TextChoices):
        APPLIED = "applied", _("Applied to a subscriber")
        UNKNOWN = "unknown", _("Address not subscribed")
        IGNORED = "ignored", _("Event type not handled")

    # SHA-256 of the provider's event id (or of the signed delivery for events without one): fixed length,
    # and nothing a provider put in an id is stored as such.
    event_key = models.CharField(_("event key"), max_length=64, unique=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    processed_at = models.DateTimeField(_("processed on"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("processed feedback event")
        verbose_name_plural = _("processed feedback events")

    def __str__(self):
        return f"{self.event_key[:12]}… {self.outcome}"
