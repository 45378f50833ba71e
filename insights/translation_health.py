"""Translation health: every translatable page and snippet in the default language, in every other locale:
missing, stale or current, with the dates and the reason (the rule: staleness.py).

Read for the editors' reports, in a few queries whatever the number of pages: the Italian pages, their
translations, wagtail-localize's sources and translations, and for snippets without drafts their content.
"""

import datetime
import json
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Case, Count, Exists, IntegerField, Max, OuterRef, Sum, Value, When
from django.utils.functional import Promise
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import DraftStateMixin, Locale, ModelLogEntry, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationLog, TranslationSource

from .staleness import Reason, State, stale_reason

PAGE_KIND = "page"
HOME_GROUP = "home"


@dataclass(frozen=True)
class Group:
    """A row of the coverage matrix: a section of the site, or a kind of snippet."""

    key: str
    label: str | Promise
    kind: str  # "page" or "snippet"


@dataclass
class HealthItem:
    """One Italian object in one target locale."""

    kind: str  # "page", or the snippet model's label ("content_models.topic")
    group: str
    translation_key: uuid.UUID
    locale: str  # the target language code
    title: str  # the Italian one
    source_pk: int
    target_pk: int | None
    state: State
    reason: Reason | None
    source_updated_at: datetime.datetime | None = None
    synced_at: datetime.datetime | None = None
    translated_at: datetime.datetime | None = None
    translation_source_pk: int | None = None  # wagtail-localize's TranslationSource, to sync it
    progress: tuple[int, int] | None = field(default=None, compare=False)  # (texts, translated), when asked


@dataclass
class Health:
    groups: list[Group]
    locales: list[Locale]
    items: list[HealthItem]


def target_locales(codes: list[str] | None = None) -> list[Locale]:
    """The locales translations go into, in the order of the content languages (the default one excluded)."""
    order = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    locales = [locale for locale in Locale.objects.all() if locale.language_code != settings.LANGUAGE_CODE]
    if codes is not None:
        locales = [locale for locale in locales if locale.language_code in codes]
    return sorted(locales, key=lambda locale: order.index(locale.language_code) if locale.language_code in order
                  else len(order))


def translation_health(*, locales: list[str] | None = None) -> Health:
    default = Locale.get_default()
    targets = target_locales(locales)
    groups, items = _page_health(default, targets)
    for model in translatable_snippet_models():
        group, snippet_items = _snippet_health(model, default, targets)
        groups.append(group)
        items.extend(snippet_items)
    return Health(groups=groups, locales=targets, items=items)


def translatable_snippet_models() -> list[type]:
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def _item(kind, group, source, locale: Locale, target, managed, **dates) -> HealthItem:
    """The item of a source with drafts (pages, and snippets with DraftStateMixin) and its live translation."""
    synced, source_pk = managed.get((source["translation_key"], locale.pk), (None, None))
    base = dict(kind=kind, group=group, translation_key=source["translation_key"], locale=locale.language_code,
                title=source["title"], source_pk=source["pk"], source_updated_at=source["last_published_at"],
                synced_at=synced, translation_source_pk=source_pk)
    if target is None or not target["live"]:
        reason = Reason.NOT_TRANSLATED if target is None else Reason.NOT_LIVE
        return HealthItem(**base, target_pk=target and target["pk"], state=State.MISSING, reason=reason)
    reason = stale_reason(
        source_published=source["last_published_at"], synced=synced, translated=target["last_published_at"]
    )
    return HealthItem(**base, target_pk=target["pk"], state=State.STALE if reason else State.CURRENT,
                      reason=reason, translated_at=target["last_published_at"])


def _managed(keys, default: Locale, targets: list[Locale]) -> dict:
    """(translation key, target locale id) -> (last sync, TranslationSource id) of translations wagtail-localize
    still manages."""
    rows = Translation.objects.filter(
        enabled=True, source__locale=default, source__object_id__in=keys,
        target_locale__in=[locale.pk for locale in targets],
    ).values_list("source__object_id", "target_locale_id", "source__last_updated_at", "source_id")
    return {(key, locale_id): (synced, source_id) for key, locale_id, synced, source_id in rows}


def _page_health(default: Locale, targets: list[Locale]) -> tuple[list[Group], list[HealthItem]]:
    sources = list(
        Page.objects.filter(locale=default, depth__gt=1, live=True)
        .order_by("path")
        .values("pk", "translation_key", "title", "path", "depth", "last_published_at")
    )
    if not sources:
        return [], []
    home = sources[0]  # the shallowest: the default locale's home page
    step = len(home["path"]) // home["depth"]  # treebeard's characters per level
    section_length = (home["depth"] + 1) * step
    groups = [Group(HOME_GROUP, home["title"], PAGE_KIND)]
    groups += [
        Group(f"section:{source['pk']}", source["title"], PAGE_KIND)
        for source in sources
        if source["depth"] == home["depth"] + 1 and source["path"].startswith(home["path"])
    ]
    section_of_path = {source["path"]: f"section:{source['pk']}" for source in sources
                       if source["depth"] == home["depth"] + 1}
    keys = Page.objects.filter(locale=default, depth__gt=1, live=True).values("translation_key")
    translations = {
        (row["translation_key"], row["locale_id"]): row
        for row in Page.objects.filter(translation_key__in=keys, locale__in=[locale.pk for locale in targets])
        .values("pk", "translation_key", "locale_id", "live", "last_published_at")
    }
    managed = _managed(keys, default, targets)
    items = []
    for source in sources:
        group = section_of_path.get(source["path"][:section_length], HOME_GROUP)
        for locale in targets:
            target = translations.get((source["translation_key"], locale.pk))
            items.append(_item(PAGE_KIND, group, source, locale, target, managed))
    return groups, items


def _content(instance) -> object:
    """The object's content as wagtail-localize extracts it (TranslationSource.update_from_db)."""
    if isinstance(instance, ClusterableModel):
        return json.loads(instance.to_json())
    return json.loads(json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder))


def _snippet_health(model, default: Locale, targets: list[Locale]) -> tuple[Group, list[HealthItem]]:
    label = model._meta.label_lower
    group = Group(label, model._meta.verbose_name_plural, "snippet")
    has_drafts = issubclass(model, DraftStateMixin)
    queryset = model.objects.filter(locale=default)
    if has_drafts:
        queryset = queryset.filter(live=True)
    sources = list(queryset)
    if not sources:
        return group, []
    keys = [source.translation_key for source in sources]
    translations = {
        (target.translation_key, target.locale_id): target
        for target in model.objects.filter(translation_key__in=keys, locale__in=[locale.pk for locale in targets])
    }
    managed = _managed(keys, default, targets)
    items = []
    if has_drafts:
        for source in sources:
            row = {"pk": source.pk, "translation_key": source.translation_key, "title": str(source),
                   "last_published_at": source.last_published_at}
            for locale in targets:
                target = translations.get((source.translation_key, locale.pk))
                target_row = target and {"pk": target.pk, "live": target.live,
                                         "last_published_at": target.last_published_at}
                items.append(_item(label, label, row, locale, target_row, managed))
        return group, items
    extracted = {
        row["object_id"]: row
        for row in TranslationSource.objects.filter(object_id__in=keys, locale=default).values(
            "pk", "object_id", "content_json", "last_updated_at"
        )
    }
    source_ids = [row["pk"] for row in extracted.values()]
    done = progress(source_ids, [locale.pk for locale in targets])
    translated_at = {
        (source_id, locale_id): last
        for source_id, locale_id, last in TranslationLog.objects.filter(source_id__in=source_ids)
        .values("source_id", "locale_id")
        .annotate(last=Max("created_at"))
        .values_list("source_id", "locale_id", "last")
        .order_by()
    }
    edited = _last_edits(model, sources)
    for source in sources:
        record = extracted.get(source.translation_key)
        changed = record is not None and _content(source) != json.loads(record["content_json"])
        for locale in targets:
            target = translations.get((source.translation_key, locale.pk))
            synced, source_pk = managed.get((source.translation_key, locale.pk), (None, None))
            item = HealthItem(
                kind=label, group=label, translation_key=source.translation_key, locale=locale.language_code,
                title=str(source), source_pk=source.pk, target_pk=target.pk if target else None,
                state=State.MISSING, reason=Reason.NOT_TRANSLATED, source_updated_at=edited.get(source.pk),
                synced_at=synced, translation_source_pk=source_pk,
            )
            if target is not None:
                item.translated_at = translated_at.get((source_pk, locale.pk)) if source_pk else None
                item.progress = done.get((source_pk, locale.pk)) if source_pk else None
                if synced is None:  # not managed by wagtail-localize: nothing says it is behind
                    item.state, item.reason = State.CURRENT, None
                elif changed:
                    item.state, item.reason = State.STALE, Reason.SOURCE_EDITED
                elif item.translated_at is None or synced > item.translated_at:
                    # Synced, and the translation not saved since (wagtail-localize logs every save of it).
                    item.state, item.reason = State.STALE, Reason.NOT_PUBLISHED
                else:
                    item.state, item.reason = State.CURRENT, None
            items.append(item)
    return group, items


def _last_edits(model, sources) -> dict[int, datetime.datetime]:
    """When each source was last created or edited in the admin (Wagtail's audit log), by primary key."""
    content_type = ContentType.objects.get_for_model(model)
    rows = (
        ModelLogEntry.objects.filter(
            content_type=content_type,
            object_id__in=[str(source.pk) for source in sources],
            action__in=["wagtail.create", "wagtail.edit"],
        )
        .values("object_id")
        .annotate(last=Max("timestamp"))
        .values_list("object_id", "last")
    )
    return {int(object_id): last for object_id, last in rows}


def progress(source_ids: list[int], locale_ids: list[int]) -> dict[tuple[int, int], tuple[int, int]]:
    """(TranslationSource id, locale id) -> (texts to translate, texts translated), in one query: what
    wagtail-localize's Translation.get_progress() gives one translation at a time."""
    if not source_ids or not locale_ids:
        return {}
    translated = {
        f"done_{locale_id}": Sum(
            Case(
                When(
                    Exists(
                        StringTranslation.objects.filter(
                            translation_of_id=OuterRef("string_id"), context_id=OuterRef("context_id"),
                            locale_id=locale_id, has_error=False,
                        )
                    ),
                    then=Value(1),
                ),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        for locale_id in locale_ids
    }
    rows = (
        StringSegment.objects.filter(source_id__in=source_ids)
        .values("source_id")
        .annotate(total=Count("pk"), **translated)
        .order_by()
    )
    return {
        (row["source_id"], locale_id): (row["total"], row[f"done_{locale_id}"] or 0)
        for row in rows
        for locale_id in locale_ids
    }


@dataclass
class Cell:
    locale: Locale
    missing: int = 0
    stale: int = 0
    current: int = 0

    @property
    def total(self) -> int:
        return self.missing + self.stale + self.current


def coverage(health: Health) -> list[tuple[Group, list[Cell]]]:
    """The matrix: one row per group, one cell per locale with its counts; a last row of totals (group None)."""
    cells: dict[str, dict[str, Cell]] = defaultdict(dict)
    for group in health.groups:
        for locale in health.locales:
            cells[group.key][locale.language_code] = Cell(locale)
    totals = {locale.language_code: Cell(locale) for locale in health.locales}
    for item in health.items:
        for cell in (cells[item.group][item.locale], totals[item.locale]):
            setattr(cell, item.state.value, getattr(cell, item.state.value) + 1)
    rows = [(group, list(cells[group.key].values())) for group in health.groups if any(
        cell.total for cell in cells[group.key].values()
    )]
    return [*rows, (None, list(totals.values()))]
