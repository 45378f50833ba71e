"""When a translation is out of date: the one rule, for the editors' reports and for the API's translationStatus.

wagtail-localize keeps, per source object, the content it last extracted for translation (TranslationSource, its
`last_updated_at` being the last "sync") and, per target locale, whether the translation is still managed by it
(Translation.enabled). From those and the publish dates:

- a translation not managed by wagtail-localize (made by hand, or its sync stopped) is stale when the Italian was
  published after it;
- a managed one is stale when the Italian was published after the last sync (the change has not been sent to
  translation: "source edited but not re-synced"), or when it was synced after the translation was last
  published (the new text waits for the translator, or for someone to publish the translation);
- otherwise it is current.

Every input is a fact about published content: a sync extracts the source's live page row (Wagtail keeps drafts
in revisions), publish dates are public, and saving a draft changes none of them, so a draft can never change
what the API says. Pages and snippets with drafts use their `last_published_at`; snippets without drafts have no
publish dates: their live content is compared with the last extraction instead, and the translation's last save
is the one wagtail-localize logs (translation_health.py).
"""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    MISSING = "missing", _("Missing")
    STALE = "stale", _("Out of date")
    CURRENT = "current", _("Up to date")


class Reason(models.TextChoices):
    """Why a translation is missing or stale, for the editors (the API gives only the state and the dates)."""

    NOT_TRANSLATED = "not_translated", _("Not translated")
    NOT_LIVE = "not_live", _("Translated, not published")
    SOURCE_NEWER = "source_newer", _("The Italian was published after the translation")
    NOT_SYNCED = "not_synced", _("The Italian changed after the last sync")
    NOT_PUBLISHED = "not_published", _("Synced: the updated translation is not published yet")
    SOURCE_EDITED = "source_edited", _("The Italian was edited after the last sync")


def stale_reason(
    *,
    source_published: datetime.datetime | None,
    synced: datetime.datetime | None,
    translated: datetime.datetime | None,
) -> Reason | None:
    """Why a live translation is stale, or None when it is current (see the module's docstring).

    `synced` is None when wagtail-localize does not manage this translation.
    """
    if source_published is None:
        return None
    if synced is None:
        return Reason.SOURCE_NEWER if translated is None or source_published > translated else None
    if source_published > synced:
        return Reason.NOT_SYNCED
    if translated is None or synced > translated:
        return Reason.NOT_PUBLISHED
    return None
