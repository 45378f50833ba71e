"""Who the associations are, who may act for them, and how they asked to join.

The content itself (the profile page and its events) lives in content_models; this app only records which
Wagtail group, collection and page belong to which association, and which user accounts are its members.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

FISCAL_CODE_RE = re.compile(r"^(\d{11}|[A-Z0-9]{16})$")


def validate_fiscal_code(value: str) -> None:
    """An association's codice fiscale: 11 digits (bodies) or 16 characters (people, for informal groups)."""
    if value and not FISCAL_CODE_RE.match(value.strip().upper()):
        raise ValidationError(_("A fiscal code has 11 digits, or 16 letters and digits."), code="invalid")


class Association(models.Model):
    """An association admitted to the programme: its Wagtail group, media collection and profile page."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    fiscal_code = models.CharField(
        _("fiscal code"), max_length=16, blank=True, validators=[validate_fiscal_code]
    )
    # The Italian (source) profile page; its translations are found through its translation_key.
    page = models.OneToOneField(
        "content_models.AssociationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="association",
        verbose_name=_("profile page"),
    )
    group = models.OneToOneField(
        "auth.Group", on_delete=models.PROTECT, related_name="association", verbose_name=_("group")
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        on_delete=models.PROTECT,
        related_name="association",
        verbose_name=_("collection"),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Members of a disabled association cannot log in to the admin."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    disabled_at = models.DateTimeField(_("disabled"), null=True, blank=True)

    class Meta:
        verbose_name = _("association")
        verbose_name_plural = _("associations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Membership(models.Model):
    """A user account acting for an association. An account belongs to one association only."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Association administrator")
        MEMBER = "member", _("Member")

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("association")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="association_membership",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["association", "user__email"]

    def __str__(self):
        return f"{self.user} ({self.association})"

    @property
    def is_admin(self) -> bool:
        return self.role == self.Role.ADMIN


class AssociationAccountRequest(models.Model):
    """An association asking to join, through the portal. A regional editor approves or rejects it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    association_name = models.CharField(_("association name"), max_length=200)
    municipality = models.CharField(_("municipality"), max_length=100)
    contact_name = models.CharField(_("contact person"), max_length=200)
    email = models.EmailField(_("email"))
    fiscal_code = models.CharField(
        _("fiscal code"), max_length=16, blank=True, validators=[validate_fiscal_code]
    )
    message = models.TextField(_("message"), blank=True, max_length=4000)
    # The language the request was made in: the answer is written in it where we have the text.
    language = models.CharField(_("language"), max_length=10, default=settings.LANGUAGE_CODE)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    review_comment = models.TextField(
        _("note to the association"), blank=True, help_text=_("Sent to the association with a rejection.")
    )
    association = models.ForeignKey(
        Association,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="account_requests",
        verbose_name=_("association"),
    )

    class Meta:
        verbose_name = _("association account request")
        verbose_name_plural = _("association account requests")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "-created_at"], name="assoc_request_status_idx")]

    def __str__(self):
        return f"{self.association_name} ({self.get_status_display()})"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING
