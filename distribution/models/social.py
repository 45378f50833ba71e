"""A post variant: what one page says on one social channel, in the page's own language."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    MASTODON = "mastodon", "Mastodon"
    TELEGRAM = "telegram", "Telegram"
    FACEBOOK = "facebook", _("Facebook Page")
    WEBHOOK = "webhook", _("Generic webhook")


class SendMode(models.TextChoices):
    ON_PUBLISH = "on_publish", _("When the page is published")
    SCHEDULED = "scheduled", _("At a set time")
    NEVER = "never", _("Do not post on this channel")


class SocialPost(models.Model):
    """One per page and channel. A translation is its own page, so each language has its own variant."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    text = models.TextField(_("text"), help_text=_("The page's address is counted as the network counts it."))
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    alt_text = models.CharField(
        _("alt text"), max_length=1500, blank=True,
        help_text=_("Describe the image for people who cannot see it (required with an image)."),
    )
    send_mode = models.CharField(
        _("when to post"), max_length=20, choices=SendMode.choices, default=SendMode.ON_PUBLISH
    )
    send_at = models.DateTimeField(_("post at"), null=True, blank=True)
    generated = models.BooleanField(
        _("generated"), default=False, help_text=_("Written by the CMS from the page; no editor has changed it.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("social post")
        verbose_name_plural = _("social posts")
        ordering = ["page_id", "channel"]
        constraints = [models.UniqueConstraint(fields=["page", "channel"], name="distribution_one_post_per_channel")]

    def __str__(self):
        return f"{self.get_channel_display()}: {self.page.title}"

    def clean(self):
        # Imported here: limits depend on the channel registry, which imports this module.
        from distribution.channels.limits import post_errors

        errors = post_errors(channel=self.channel, text=self.text or "", has_image=self.image_id is not None)
        if self.image_id and not self.alt_text.strip():
            errors.setdefault("alt_text", []).append(
                _("An image needs alternative text: describe what it shows for people who cannot see it.")
            )
        if self.send_mode == SendMode.SCHEDULED and self.send_at is None:
            errors.setdefault("send_at", []).append(_("Say when to post, or choose another option."))
        if errors:
            raise ValidationError(errors)
