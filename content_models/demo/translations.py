"""Translating the demo through wagtail-localize, as an editor does with "Translate this page".

For each Italian object: a TranslationSource (the frozen Italian content, split into segments), a Translation
per target locale, a StringTranslation for each segment the catalogue knows, and finally the translated
object, built by wagtail-localize from those strings. Segments with no translation fall back to Italian.
"""

import json
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model
from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from .text import TARGET_LANGUAGES, Catalogue


@dataclass
class TranslationCount:
    sources: int = 0
    translations: int = 0
    written: int = 0  # translated objects created or updated by this run

    def __add__(self, other: "TranslationCount") -> "TranslationCount":
        return TranslationCount(
            self.sources + other.sources, self.translations + other.translations, self.written + other.written
        )


def target_locales() -> list[Locale]:
    return list(Locale.objects.filter(language_code__in=TARGET_LANGUAGES).order_by("language_code"))


def translation_ensure(
    instance: Model,
    *,
    catalogue: Catalogue,
    locales: list[Locale],
    paths: dict[str, dict[str, str]] | None = None,
) -> TranslationCount:
    """Translate `instance` into `locales`; `paths` gives translations by segment path (e.g. {"slug": {...}}).

    Pages must be translated parents first (wagtail-localize refuses to translate a page whose parent is not).
    Idempotent, and respectful of editors: a string translation that exists is never overwritten, and a
    translation is (re)built only when it is missing, when the Italian source changed or when strings were
    added; otherwise nothing is written.
    """
    previous = TranslationSource.objects.get_for_instance_or_none(instance)
    source, created = TranslationSource.update_or_create_from_instance(instance)
    source_changed = created or previous is None or not _same_content(previous.content_json, source.content_json)
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    count = TranslationCount(sources=1)
    for locale in locales:
        Translation.objects.get_or_create(source=source, target_locale=locale)
        count.translations += 1
        strings_added = _strings_add(segments, locale, catalogue, paths or {})
        if source_changed or strings_added or not _translation_exists(source, locale):
            # wagtail-localize publishes drafts (pages) in transaction.on_commit: we save the draft and
            # publish it now instead, so the whole seed is one all-or-nothing transaction and a translated
            # page is live as soon as it exists (tests included). Other objects are saved directly.
            drafts = isinstance(instance, DraftStateMixin)
            translated, _created = source.create_or_update_translation(
                locale, publish=not drafts, fallback=True
            )
            if drafts:
                translated.latest_revision.publish()
            count.written += 1
    return count


def _strings_add(segments, locale: Locale, catalogue: Catalogue, paths: dict[str, dict[str, str]]) -> bool:
    """Add the missing StringTranslations of `segments` that the catalogue (or `paths`) knows.

    Returns True if any was added. Existing ones are left alone: an editor may have corrected them in
    wagtail-localize's editor.
    """
    existing = set(
        StringTranslation.objects.filter(
            locale=locale, context__in=[segment.context for segment in segments]
        ).values_list("translation_of_id", "context_id")
    )
    added = False
    for segment in segments:
        if (segment.string_id, segment.context_id) in existing:
            continue
        data = paths.get(segment.context.path, {}).get(locale.language_code) or catalogue.get(
            segment.string.data, locale.language_code
        )
        if not data:
            continue  # falls back to the Italian text
        # save(), not bulk_create(): StringTranslation.save() checks the HTML and keeps draft titles in step.
        StringTranslation(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            data=data,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        ).save()
        added = True
    return added


def _canonical(value):
    """JSON with StreamField values (JSON inside JSON) parsed too, so key order does not count."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return _canonical(json.loads(value))
        except ValueError:
            return value
    if isinstance(value, dict):
        return {key: _canonical(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_canonical(item) for item in value]
    return value


def _same_content(old_json: str, new_json: str) -> bool:
    # PostgreSQL stores StreamFields as jsonb, which reorders keys: the text of a source serialised from the
    # database differs from the one serialised from memory on the first run although the content is the same.
    return _canonical(old_json) == _canonical(new_json)


def _translation_exists(source: TranslationSource, locale: Locale) -> bool:
    try:
        source.get_translated_instance(locale)
    except ObjectDoesNotExist:
        return False
    return True
