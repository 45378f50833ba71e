"""Pages marked for the national integration portal, which takes submissions by hand (it has no intake feed)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NationalPortalItem(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    created_at = models.DateTimeField(_("marked on"), auto_now_add=True)
    emailed_at = models.DateTimeField(_("last emailed"), null=True, blank=True)
    # The revision last emailed: a republish without changes does not email the same package again.
    emailed_revision_id = models.PositiveBigIntegerField(_("revision last emailed"), null=True, blank=True)

    class Meta:
        verbose_name = _("national portal item")
        verbose_name_plural = _("national portal items")

    def __str__(self):
        return str(self.page)
