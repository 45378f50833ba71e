"""The content generation's row: what every cache of published content is keyed on (content_models/kernel)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentGeneration(models.Model):
    """A single row, shared by every process: changed in the same transaction as any published content.

    `value` goes up by one on every change (publish, unpublish, move, delete, snippet, image, document or privacy
    change: kernel/invalidation.py), so a response or feed cached under an older value is never served again.
    `next_transition_at` is the first go-live or expiry time after `computed_at` of a live page: content changes
    then without anyone saving anything.
    """

    SINGLETON_ID = 1

    value = models.BigIntegerField(_("value"), default=0)
    next_transition_at = models.DateTimeField(_("next transition"), null=True, blank=True)
    computed_at = models.DateTimeField(_("computed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("content generation")
        verbose_name_plural = _("content generations")

    def __str__(self) -> str:
        return f"content generation {self.value}"
