"""Subscribers and the record of their consent (GDPR art. 7: the controller must be able to show consent)."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content_models.models.mixins import SOURCE_LOCALE_ONLY


def new_subscriber_key() -> str:
    # 256 bits: the key is the bearer credential of every personal link (unsubscribe, preferences).
    return secrets.token_urlsafe(32)


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        ACTIVE = "active", _("Active")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        BOUNCED = "bounced", _("Bounced")
        COMPLAINED = "complained", _("Marked as spam")

    email = models.EmailField(_("email"), max_length=254)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    topics = models.ManyToManyField(
        "content_models.Topic",
        blank=True,
        related_name="+",
        limit_choices_to=SOURCE_LOCALE_ONLY,
        verbose_name=_("topics"),
        help_text=_("No topic: every issue."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    key = models.CharField(_("key"), max_length=64, unique=True, default=new_subscriber_key, editable=False)
    created_at = models.DateTimeField(_("subscribed on"), default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed on"), null=True, blank=True, editable=False)
    status_changed_at = models.DateTimeField(_("status changed on"), default=timezone.now, editable=False)
    soft_bounces = models.PositiveIntegerField(_("soft bounces"), default=0, editable=False)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at"]
        constraints = [
            # Addresses differ only by case in theory; in practice they are the same mailbox.
            models.UniqueConstraint(Lower("email"), name="newsletter_unique_subscriber_email"),
        ]
        indexes = [models.Index(fields=["status", "language"], name="newsletter_sub_status_lang")]

    def __str__(self):
        return self.email

    def set_status(self, status: str, *, now=None) -> None:
        self.status = status
        self.status_changed_at = now or timezone.now()


class Consent(models.Model):
    """One request to subscribe: when, how, the exact text shown, a keyed hash of the IP, when it was confirmed."""

    class Method(models.TextChoices):
        PORTAL = "portal", _("Form on the portal (API)")
        ADMIN = "admin", _("Entered by an editor")

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="consents", verbose_name=_("subscriber")
    )
    given_at = models.DateTimeField(_("given on"), default=timezone.now)
    method = models.CharField(_("how"), max_length=20, choices=Method.choices)
    text_version = models.CharField(_("text version"), max_length=40)
    text = models.TextField(_("text shown"))
    language = models.CharField(_("language"), max_length=10)
    ip_hash = models.CharField(_("IP address (keyed hash)"), max_length=64, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at"]

    def __str__(self):
        return f"{self.text_version} ({self.given_at:%Y-%m-%d})"
