"""The API's one table: the content generation its response cache is keyed on (graphql_api/caching)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentGeneration(models.Model):
    """A single row, shared by every process: changed in the same transaction as any content the API serves.

    `value` goes up by one on every change (publish, unpublish, move, delete, snippet or media save), so a
    response cached under an older value is never served again. `next_transition_at` is the first go-live or
    expiry time after `computed_at` of a live page: content changes then without anyone saving anything.
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
