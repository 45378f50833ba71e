"""translationStatus for readers: what the API says about a served page, from published facts only.

For a batch of pages served together, two queries whatever their number: the public Italian versions of their
translation groups (their publish dates), and wagtail-localize's last sync of each one's translations. What may
leave (docs/insights.md, "What the API says"): the state, the Italian page's `lastPublishedAt` (already public
on that page) and the served page's own `lastPublishedAt`. Never a sync date, a draft's date, or anything about
an Italian page that is not public: then the served page is the original as far as readers can tell.
"""

import datetime
import enum
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet
from wagtail.models import Page
from wagtail_localize.models import Translation

from .staleness import stale_reason


class PublicState(enum.Enum):
    ORIGINAL = "original"  # written in this language (the default one, or with no public Italian version)
    MISSING = "missing"  # served in Italian: no published translation in the asked language
    CURRENT = "current"  # a translation of the Italian as it is published now
    STALE = "stale"  # a translation the Italian has changed since: it may be out of date


@dataclass(frozen=True)
class PublicStatus:
    state: PublicState
    source_updated_at: datetime.datetime | None
    translated_at: datetime.datetime | None


def public_statuses(
    pages: Iterable, *, default_locale_id: int, visible: "callable[[QuerySet], QuerySet]",
    is_fallback: "callable[[Page], bool]",
) -> dict[int, PublicStatus]:
    """The status of each served page, by page id (`is_fallback` says whether it was served as a fallback).

    `visible` narrows a page queryset to what readers may see (the kernel's visibility rule, with the request's
    instant and restrictions).
    """
    pages = list(pages)
    translated = [page for page in pages if page.locale_id != default_locale_id]
    keys = {page.translation_key for page in translated}
    originals, synced = {}, {}
    if keys:
        originals = dict(
            visible(Page.objects.filter(translation_key__in=keys, locale_id=default_locale_id))
            .values_list("translation_key", "last_published_at")
        )
        # Only translations wagtail-localize still manages have a sync date that means something.
        synced = {
            (key, locale_id): last_sync
            for key, locale_id, last_sync in Translation.objects.filter(
                enabled=True,
                source__locale_id=default_locale_id,
                source__object_id__in=set(originals),
                target_locale_id__in={page.locale_id for page in translated},
            ).values_list("source__object_id", "target_locale_id", "source__last_updated_at")
        }
    statuses = {}
    for page in pages:
        if is_fallback(page):
            statuses[page.pk] = PublicStatus(PublicState.MISSING, page.last_published_at, None)
        elif page.locale_id == default_locale_id or page.translation_key not in originals:
            statuses[page.pk] = PublicStatus(PublicState.ORIGINAL, page.last_published_at, None)
        else:
            source_published = originals[page.translation_key]
            reason = stale_reason(
                source_published=source_published,
                synced=synced.get((page.translation_key, page.locale_id)),
                translated=page.last_published_at,
            )
            state = PublicState.STALE if reason else PublicState.CURRENT
            statuses[page.pk] = PublicStatus(state, source_published, page.last_published_at)
    return statuses
