"""Readers' needs for editors and analysts: an overview per language with charts, and the full reports
(searches, paths not found, pages asked for untranslated, feedback, comments), each exportable as CSV and XLSX."""

import django_filters
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from insights import needs
from insights.charts import Bar, Series, bar_chart, line_chart
from insights.models import FeedbackReason, SearchTermDay

from .base import (
    InsightsReportView,
    PeriodFilterSet,
    ReportsPermissionMixin,
    language_choices,
    language_name,
)

OVERVIEW_ROWS = 10


def page_url(ref) -> str | None:
    return reverse("wagtailadmin_pages:edit", args=[ref.pk]) if ref and ref.pk else None


class Row:
    """A report row: the aggregate's values as attributes, with the page and language named."""

    def __init__(self, values: dict, pages: dict | None = None):
        self.__dict__.update(values)
        self.language = language_name(values["locale"]) if "locale" in values else ""
        if pages is not None:
            ref = pages.get(values.get("translation_key"))
            self.title = ref.title if ref else _("(deleted page)")
            self.url = page_url(ref)


def _rows(object_list, *, with_pages: bool = False) -> list[Row]:
    object_list = list(object_list)
    pages = needs.pages_by_key([row["translation_key"] for row in object_list]) if with_pages else None
    return [Row(values, pages) for values in object_list]


# --- Overview ------------------------------------------------------------------------------------------------


class NeedsOverviewView(ReportsPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Readers' needs")
    header_icon = "view"
    template_name = "insights/needs.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    @cached_property
    def filters(self):
        return PeriodFilterSet(data=self.request.GET, request=self.request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        values = self.filters.form.cleaned_data if self.filters.is_valid() else {}
        default = needs.Period.last_days()
        chosen = values.get("period")
        period = needs.Period(chosen.start or default.start, chosen.stop or default.end) if chosen else default
        locale = values.get("locale") or None
        days = needs.daily_totals(period, locale)
        totals = needs.locale_totals(period)
        codes = [locale] if locale else [code for code, _name in language_choices()]
        context.update(
            filters=self.filters,
            period=period,
            min_count=needs.min_count(),
            demand_chart=line_chart(
                _("Demand per day"),
                _("Searches, searches that found nothing, pages served in Italian for lack of a translation, "
                  "and paths not found, per day."),
                [day.day for day in days],
                [
                    Series(_("Searches"), [day.searches for day in days]),
                    Series(_("Searches without results"), [day.zero_result_searches for day in days]),
                    Series(_("Pages served in Italian"), [day.fallbacks for day in days]),
                    Series(_("Paths not found"), [day.not_found for day in days]),
                ],
            ),
            searches_chart=bar_chart(
                _("Searches by language"),
                _("How many searches each language made, and how many of them found nothing."),
                [Bar(language_name(row.locale), row.searches, row.zero_result_searches) for row in totals],
                value_label=_("Searches"),
                part_label=_("without results"),
            ),
            fallback_chart=bar_chart(
                _("Pages asked for, by language"),
                _("How many pages readers opened in each language, and how many had to be shown in Italian."),
                [Bar(language_name(row.locale), row.page_requests, row.fallbacks) for row in totals],
                value_label=_("Pages asked for"),
                part_label=_("served in Italian"),
            ),
            languages=[self._language(code, period) for code in codes],
            feedback=_rows(needs.feedback_by_page(period, locale)[:OVERVIEW_ROWS], with_pages=True),
            query=self.request.GET.urlencode(),
        )
        return context

    def _language(self, code: str, period) -> dict:
        return {
            "code": code,
            "name": language_name(code),
            "zero_results": _rows(needs.searches(period, code, zero_results=True)[:OVERVIEW_ROWS]),
            "top_searches": _rows(needs.searches(period, code)[:OVERVIEW_ROWS]),
            "untranslated": _rows(needs.untranslated_demand(period, code)[:OVERVIEW_ROWS], with_pages=True),
            "not_found": _rows(needs.not_found(period, code)[:OVERVIEW_ROWS]),
        }

    def get_header_more_buttons(self):
        return []


# --- Reports -------------------------------------------------------------------------------------------------


class SearchFilterSet(PeriodFilterSet):
    zero_results = django_filters.BooleanFilter(label=_("Only searches without results"), method="keep")

    class Meta:
        model = SearchTermDay
        fields = []


class SearchesReportView(InsightsReportView):
    page_title = _("Searches")
    filterset_class = SearchFilterSet
    index_url_name = "insights_searches"
    index_results_url_name = "insights_searches_results"
    export_filename = "searches"
    columns = [
        Column("term", label=_("Search term")),
        Column("language", label=_("Language")),
        NumberColumn("searches", label=_("Searches")),
        NumberColumn("zero_result_searches", label=_("Without results")),
    ]
    list_export = ["term", "locale", "searches", "zero_result_searches"]
    export_headings = {"term": _("Search term"), "locale": _("Language"), "searches": _("Searches"),
                       "zero_result_searches": _("Without results")}

    def rows(self):
        return needs.searches(self.period, self.locale, zero_results=bool(self.filter_values.get("zero_results")))

    def decorate(self, object_list):
        return _rows(object_list)


class NotFoundReportView(InsightsReportView):
    page_title = _("Paths not found")
    index_url_name = "insights_not_found"
    index_results_url_name = "insights_not_found_results"
    export_filename = "not-found"
    columns = [
        Column("path", label=_("Path")),
        Column("language", label=_("Language")),
        NumberColumn("requests", label=_("Requests")),
    ]
    list_export = ["path", "locale", "requests"]
    export_headings = {"path": _("Path"), "locale": _("Language"), "requests": _("Requests")}

    def rows(self):
        return needs.not_found(self.period, self.locale)

    def decorate(self, object_list):
        return _rows(object_list)


class UntranslatedReportView(InsightsReportView):
    page_title = _("Pages asked for without a translation")
    index_url_name = "insights_untranslated"
    index_results_url_name = "insights_untranslated_results"
    export_filename = "untranslated"
    columns = [
        TitleColumn("title", label=_("Page"), get_url=lambda row: row.url),
        Column("language", label=_("Language")),
        NumberColumn("fallbacks", label=_("Served in Italian")),
        NumberColumn("requests", label=_("Requests")),
    ]
    list_export = ["title", "locale", "fallbacks", "requests"]
    export_headings = {"title": _("Page"), "locale": _("Language"), "fallbacks": _("Served in Italian"),
                       "requests": _("Requests")}

    def rows(self):
        return needs.untranslated_demand(self.period, self.locale)

    def decorate(self, object_list):
        return _rows(object_list, with_pages=True)


REASON_LABELS = dict(FeedbackReason.choices)


class FeedbackReportView(InsightsReportView):
    page_title = _("Page feedback")
    index_url_name = "insights_feedback"
    index_results_url_name = "insights_feedback_results"
    export_filename = "feedback"
    columns = [
        TitleColumn("title", label=_("Page"), get_url=lambda row: row.url),
        Column("language", label=_("Language")),
        NumberColumn("ratings", label=_("Ratings")),
        Column("average_label", label=_("Average (1-5)")),
        NumberColumn("low", label=_("1 to 3 stars")),
        Column("reasons_label", label=_("Reasons given")),
        TitleColumn("comments", label=_("Comments"), get_url=lambda row: row.comments_url),
    ]
    list_export = ["title", "locale", "ratings", "average_label", "low", "reasons_label", "comments"]
    export_headings = {"title": _("Page"), "locale": _("Language"), "ratings": _("Ratings"),
                       "average_label": _("Average (1-5)"), "low": _("1 to 3 stars"),
                       "reasons_label": _("Reasons given"), "comments": _("Comments")}

    def rows(self):
        return needs.feedback_by_page(self.period, self.locale)

    def decorate(self, object_list):
        rows = _rows(object_list, with_pages=True)
        reasons = needs.reasons_of(self.period, [(row.translation_key, row.locale) for row in rows])
        comments_url = reverse("insights_comments")
        for row in rows:
            row.average_label = f"{row.average:.1f}"
            row.reasons_label = ", ".join(
                f"{REASON_LABELS.get(reason, reason)} ({count})"
                for reason, count in reasons[(row.translation_key, row.locale)].most_common()
            )
            row.comments_url = (
                f"{comments_url}?page={row.translation_key}&locale={row.locale}"
                f"&period_from={self.period.start.isoformat()}&period_to={self.period.end.isoformat()}"
                if row.comments else None
            )
        return rows


class CommentsFilterSet(PeriodFilterSet):
    page = django_filters.UUIDFilter(label=_("Page"), method="keep")

    class Meta:
        model = SearchTermDay
        fields = []


class CommentsReportView(InsightsReportView):
    page_title = _("Readers' comments")
    filterset_class = CommentsFilterSet
    index_url_name = "insights_comments"
    index_results_url_name = "insights_comments_results"
    export_filename = "comments"
    columns = [
        DateColumn("day", label=_("Day")),
        TitleColumn("title", label=_("Page"), get_url=lambda row: row.url),
        Column("language", label=_("Language")),
        NumberColumn("rating", label=_("Rating")),
        Column("reasons_label", label=_("Reasons given")),
        Column("comment", label=_("Comment")),
    ]
    list_export = ["day", "title", "locale", "rating", "reasons_label", "comment"]
    export_headings = {"day": _("Day"), "title": _("Page"), "locale": _("Language"), "rating": _("Rating"),
                       "reasons_label": _("Reasons given"), "comment": _("Comment")}

    def rows(self):
        return needs.comments(self.period, self.locale, self.filter_values.get("page")).values(
            "day", "translation_key", "locale", "rating", "reasons", "comment"
        )

    def decorate(self, object_list):
        rows = _rows(object_list, with_pages=True)
        for row in rows:
            row.reasons_label = ", ".join(str(REASON_LABELS.get(reason, reason)) for reason in row.reasons)
        return rows
