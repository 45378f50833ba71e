"""Which language copies of a page (or of a revisioned snippet such as a newsletter issue) lag behind the Italian.

A copy lags behind when its own last change is older than the Italian source's last change (the latest revision
of each, draft or published): the Italian text may say something the copy does not say yet. The fix is
wagtail-localize's "Sync translated pages" (it brings the new Italian strings to the translators), then translating
and publishing them. Objects without revisions (topics, service points) have no dates to compare: never reported.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Model
from wagtail.models import Locale, RevisionMixin


@dataclass(frozen=True)
class TranslationBehind:
    translation: Model
    locale: Locale
    changed_at: datetime.datetime | None  # None: never saved with a revision
    source_changed_at: datetime.datetime


def _changed_at(instance) -> datetime.datetime | None:
    revision = instance.latest_revision
    return revision.created_at if revision is not None else None


def translations_behind_many(sources) -> dict[int, list[TranslationBehind]]:
    """{source pk: the copies older than it} for source-locale instances of one model, in two queries."""
    default_locale_id = Locale.get_default().pk
    sources = [
        source for source in sources
        if isinstance(source, RevisionMixin) and source.pk is not None and source.locale_id == default_locale_id
    ]
    if not sources:
        return {}
    model = type(sources[0])
    by_key = {source.translation_key: source for source in sources}
    source_changed = {
        instance.pk: _changed_at(instance)
        for instance in model.objects.filter(pk__in=[source.pk for source in sources]).select_related(
            "latest_revision"
        )
    }
    copies = (
        model.objects.filter(translation_key__in=by_key)
        .exclude(locale_id=default_locale_id)
        .select_related("locale", "latest_revision")
        .order_by("locale__language_code")
    )
    behind: dict[int, list[TranslationBehind]] = {source.pk: [] for source in sources}
    for copy in copies:
        source = by_key[copy.translation_key]
        source_changed_at = source_changed.get(source.pk)
        copy_changed_at = _changed_at(copy)
        if source_changed_at is not None and (copy_changed_at is None or copy_changed_at < source_changed_at):
            behind[source.pk].append(
                TranslationBehind(
                    translation=copy, locale=copy.locale, changed_at=copy_changed_at,
                    source_changed_at=source_changed_at,
                )
            )
    return behind


def translations_behind(source) -> list[TranslationBehind]:
    """The copies of `source` (an instance in the default locale) older than its last change; [] otherwise."""
    if source is None:
        return []
    return translations_behind_many([source]).get(source.pk, [])
