"""What every report shares: who may open it, and the period and language filters."""

import django_filters
from django.conf import settings
from django.utils.functional import cached_property
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from associations.selectors import membership_for_user
from insights.models import SearchTermDay
from insights.needs import Period

REPORTS_PERMISSION = "insights.view_reports"


def can_view_reports(user) -> bool:
    """Needs analysts and editors; never an association member, whatever groups they were put in (their
    middleware closes /admin/reports/; this closes the dashboard panel and the menu too)."""
    return user.is_active and user.has_perm(REPORTS_PERMISSION) and membership_for_user(user) is None


def language_name(code: str) -> str:
    """A content language named in the admin's language ("Arabo" for an Italian editor), from Django's table;
    Wagtail's locale names are the settings' English ones."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def language_choices(*, include_default: bool = True) -> list[tuple[str, str]]:
    """Content languages that have a locale, named in the admin's language, in the content languages' order."""
    existing = set(Locale.objects.values_list("language_code", flat=True))
    return [
        (code, language_name(code))
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code in existing and (include_default or code != settings.LANGUAGE_CODE)
    ]


class ReportsPermissionMixin:
    """Open to the "Needs analysts" group and the editors (insights.view_reports); association members never
    get the permission, and associations' middleware closes /admin/reports/ to them anyway."""

    def dispatch(self, request, *args, **kwargs):
        if not can_view_reports(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class _Kept:
    """A filter the view applies itself (to aggregates, or to lists that are not querysets)."""

    def keep(self, queryset, name, value):
        return queryset


class PeriodFilterSet(_Kept, WagtailFilterSet):
    period = django_filters.DateFromToRangeFilter(label=_("Period"), widget=DateRangePickerWidget, method="keep")
    locale = django_filters.ChoiceFilter(label=_("Language"), choices=language_choices, method="keep")

    class Meta:
        model = SearchTermDay
        fields = []


class TargetLanguageFilterSet(_Kept, WagtailFilterSet):
    """The period readers' requests are counted over, and a language translations go into (not the default)."""

    period = django_filters.DateFromToRangeFilter(label=_("Period"), widget=DateRangePickerWidget, method="keep")
    locale = django_filters.ChoiceFilter(
        label=_("Language"), choices=lambda: language_choices(include_default=False), method="keep"
    )

    class Meta:
        model = SearchTermDay
        fields = []


class InsightsReportView(ReportsPermissionMixin, ReportView):
    """A Wagtail report (table, filters, CSV and XLSX export) whose rows the view computes from the filters."""

    header_icon = "table"
    filterset_class = PeriodFilterSet
    paginate_by = 50

    @cached_property
    def filter_values(self) -> dict:
        filters = self.filters
        if filters is not None and filters.is_valid():
            return filters.form.cleaned_data
        return {}

    @cached_property
    def period(self) -> Period:
        default = Period.last_days()
        chosen = self.filter_values.get("period")
        if not chosen:
            return default
        return Period(chosen.start or default.start, chosen.stop or default.end)

    @cached_property
    def locale(self) -> str | None:
        return self.filter_values.get("locale") or None

    def filter_queryset(self, queryset):
        return queryset  # the rows are computed from filter_values in get_queryset

    def get_queryset(self):
        return self.rows()

    def rows(self):
        raise NotImplementedError

    def decorate(self, object_list) -> list:
        """The rows shown (one page of them) or exported (all), made ready to show: pages and languages named."""
        return list(object_list)

    # Wagtail builds the table before ReportView's decorate_paginated_queryset runs, which suits model instances
    # decorated in place; these rows are new objects, so they are made where the table and the export read them.
    def get_table(self, object_list):
        return super().get_table(self.decorate(object_list))

    def as_spreadsheet(self, queryset, spreadsheet_format):
        return super().as_spreadsheet(self.decorate(queryset), spreadsheet_format)

    def get_filename(self):
        return f"{self.export_filename}-{self.period.start.isoformat()}-{self.period.end.isoformat()}"
