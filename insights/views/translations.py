"""Translation health for editors: the coverage matrix (sections × languages), the list behind each cell, and
what to translate next in a language."""

from urllib.parse import urlencode

import django_filters
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page

from insights.models import SearchTermDay
from insights.priorities import STALE_FULL_WEIGHT_DAYS, translate_next
from insights.staleness import Reason, State
from insights.translation_health import (
    HOME_GROUP,
    PAGE_KIND,
    HealthItem,
    coverage,
    progress,
    translatable_snippet_models,
    translation_health,
)

from .base import (
    InsightsReportView,
    ReportsPermissionMixin,
    TargetLanguageFilterSet,
    _Kept,
    language_choices,
    language_name,
)


def edit_url(kind: str, pk: int | None) -> str | None:
    if pk is None:
        return None
    if kind == PAGE_KIND:
        return reverse("wagtailadmin_pages:edit", args=[pk])
    app_label, model_name = kind.split(".")
    return reverse(f"wagtailsnippets_{app_label}_{model_name}:edit", args=[pk])


def action_of(item: HealthItem) -> tuple[str, str] | None:
    """The one thing to do about an item, as (label, URL) in wagtail-localize."""
    if item.state is State.MISSING and item.target_pk is None:
        if item.kind == PAGE_KIND:
            return _("Translate"), reverse("wagtail_localize:submit_page_translation", args=[item.source_pk])
        app_label, model_name = item.kind.split(".")
        return _("Translate"), reverse(
            "wagtail_localize:submit_snippet_translation", args=[app_label, model_name, item.source_pk]
        )
    if item.reason in (Reason.NOT_SYNCED, Reason.SOURCE_EDITED) and item.translation_source_pk:
        return _("Sync"), reverse("wagtail_localize:update_translations", args=[item.translation_source_pk])
    if item.target_pk is not None and item.state is not State.CURRENT:
        return _("Edit translation"), edit_url(item.kind, item.target_pk)
    return None


def group_choices() -> list[tuple[str, str]]:
    """The coverage matrix's rows: the home page, each section, each translatable snippet."""
    default = Locale.get_default()
    home = Page.objects.filter(locale=default, depth__gt=1).order_by("path").first()
    choices = [(HOME_GROUP, home.title)] if home else []
    if home:
        choices += [(f"section:{pk}", title) for pk, title in home.get_children().values_list("pk", "title")]
    return choices + [(model._meta.label_lower, model._meta.verbose_name_plural)
                      for model in translatable_snippet_models()]


class CoverageView(ReportsPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Translation coverage")
    header_icon = "wagtail-localize-language"
    template_name = "insights/coverage.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        health = translation_health()
        list_url = reverse("insights_translations")
        rows = []
        for group, cells in coverage(health):
            links = []
            for cell in cells:
                query = {"locale": cell.locale.language_code, **({"group": group.key} if group else {})}
                links.append({
                    "cell": cell,
                    **{f"{state.value}_url": f"{list_url}?{urlencode({**query, 'state': state.value})}"
                       for state in State},
                })
            rows.append({"group": group, "cells": links})
        columns = [(locale.language_code, language_name(locale.language_code)) for locale in health.locales]
        context.update(columns=columns, rows=rows, next_url=reverse("insights_translate_next"))
        return context


class TranslationFilterSet(_Kept, WagtailFilterSet):
    group = django_filters.ChoiceFilter(label=_("Section"), choices=group_choices, method="keep")
    locale = django_filters.ChoiceFilter(
        label=_("Language"), choices=lambda: language_choices(include_default=False), method="keep"
    )
    state = django_filters.ChoiceFilter(label=_("State"), choices=State.choices, method="keep")

    class Meta:
        model = SearchTermDay
        fields = []


class StateColumn(StatusTagColumn):
    def __init__(self, **kwargs):
        super().__init__("state", label=_("State"), accessor="state_label", primary="is_current", **kwargs)


class ActionColumn(Column):
    """The next step in wagtail-localize for the row's HealthItem (the row itself, or `accessor` of it)."""

    cell_template_name = "insights/tables/action_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        item = instance if self.accessor == self.name else self.get_value(instance)
        context["action"] = action_of(item)
        return context


def _decorate(items: list[HealthItem], groups: dict) -> list[HealthItem]:
    for item in items:
        item.group_label = groups.get(item.group, "")
        item.state_label = item.state.label
        item.is_current = item.state is State.CURRENT
        item.reason_label = item.reason.label if item.reason else ""
        item.language = language_name(item.locale)
        item.progress_label = f"{item.progress[1]}/{item.progress[0]}" if item.progress else ""
    return items


class TranslationsReportView(InsightsReportView):
    """Every Italian object in every language with its state: the list behind each cell of the matrix."""

    page_title = _("Translations")
    header_icon = "wagtail-localize-language"
    filterset_class = TranslationFilterSet
    index_url_name = "insights_translations"
    index_results_url_name = "insights_translations_results"
    export_filename = "translations"
    columns = [
        TitleColumn("title", label=_("Italian title"), get_url=lambda item: edit_url(item.kind, item.source_pk)),
        Column("group_label", label=_("Section")),
        Column("language", label=_("Language")),
        StateColumn(),
        Column("reason_label", label=_("Why")),
        DateColumn("source_updated_at", label=_("Italian updated")),
        DateColumn("synced_at", label=_("Last sync")),
        DateColumn("translated_at", label=_("Translation published")),
        Column("progress_label", label=_("Texts translated")),
        ActionColumn("action", label=_("Next step")),
    ]
    list_export = ["title", "group_label", "locale", "state_label", "reason_label", "source_updated_at",
                   "synced_at", "translated_at"]
    export_headings = {
        "title": _("Italian title"), "group_label": _("Section"), "locale": _("Language"), "state_label": _("State"),
        "reason_label": _("Why"), "source_updated_at": _("Italian updated"), "synced_at": _("Last sync"),
        "translated_at": _("Translation published"),
    }

    def get_filename(self):
        return self.export_filename

    def rows(self):
        values = self.filter_values
        health = translation_health(locales=[values["locale"]] if values.get("locale") else None)
        items = health.items
        if values.get("group"):
            items = [item for item in items if item.group == values["group"]]
        if values.get("state"):
            items = [item for item in items if item.state == values["state"]]
        order = {State.MISSING: 0, State.STALE: 1, State.CURRENT: 2}
        items.sort(key=lambda item: (order[item.state], item.title.lower(), item.locale))
        self.groups = {group.key: group.label for group in health.groups}
        return items

    def decorate(self, object_list):
        items = list(object_list)
        # wagtail-localize's progress, for the rows shown only (one query).
        locale_ids = dict(Locale.objects.values_list("language_code", "pk"))
        pages = {(item.translation_source_pk, locale_ids[item.locale]): item
                 for item in items if item.translation_source_pk and item.kind == PAGE_KIND}
        if pages:
            done = progress(list({key[0] for key in pages}), list({key[1] for key in pages}))
            for key, item in pages.items():
                item.progress = done.get(key)
        return _decorate(items, self.groups)


class TranslateNextReportView(InsightsReportView):
    page_title = _("What to translate next")
    header_icon = "wagtail-localize-language"
    filterset_class = TargetLanguageFilterSet
    index_url_name = "insights_translate_next"
    index_results_url_name = "insights_translate_next_results"
    export_filename = "translate-next"
    columns = [
        NumberColumn("rank", label=_("Rank")),
        TitleColumn("title", label=_("Italian title"), get_url=lambda row: edit_url(row.item.kind, row.item.source_pk)),
        Column("group_label", label=_("Section")),
        StateColumn(),
        Column("reason_label", label=_("Why")),
        NumberColumn("requests", label=_("Requests in this language")),
        Column("weight_label", label=_("Weight")),
        DateColumn("source_updated_at", label=_("Italian updated")),
        ActionColumn("action", label=_("Next step"), accessor="item"),
    ]
    list_export = ["rank", "title", "group_label", "state_label", "reason_label", "requests", "weight",
                   "source_updated_at"]
    export_headings = {
        "rank": _("Rank"), "title": _("Italian title"), "group_label": _("Section"), "state_label": _("State"),
        "reason_label": _("Why"), "requests": _("Requests in this language"), "weight": _("Weight"),
        "source_updated_at": _("Italian updated"),
    }

    @cached_property
    def locale(self) -> str:
        chosen = self.filter_values.get("locale")
        if chosen:
            return chosen
        choices = language_choices(include_default=False)
        return choices[0][0] if choices else ""

    def get_page_subtitle(self):
        return language_name(self.locale) if self.locale else ""

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["stale_full_weight_days"] = STALE_FULL_WEIGHT_DAYS
        return context

    def rows(self):
        if not self.locale:
            return []
        health = translation_health(locales=[self.locale])
        groups = {group.key: group.label for group in health.groups}
        rows = []
        for rank, priority in enumerate(translate_next(self.locale, self.period, items=health.items), start=1):
            item = _decorate([priority.item], groups)[0]
            rows.append(_PriorityRow(rank, priority, item))
        return rows


class _PriorityRow:
    def __init__(self, rank, priority, item):
        self.rank = rank
        self.item = item
        self.title = item.title
        self.group_label = item.group_label
        self.state_label = item.state_label
        self.is_current = item.is_current
        self.reason_label = item.reason_label
        self.requests = priority.requests
        self.weight = round(priority.weight, 2)
        self.weight_label = f"{priority.weight:.2f}"
        self.source_updated_at = item.source_updated_at
