"""Admin wiring: the reports' URLs (under /admin/reports/, closed to association members by their middleware),
their entries in the Reports menu, the dashboard panel, and the reports permission on the groups page."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .panels import UrgentNeedsPanel
from .views import needs, translations
from .views.base import can_view_reports


def _report(route: str, view, name: str) -> list:
    """A report's page and the fragment Wagtail's filters reload it with."""
    return [
        path(route, view.as_view(), name=name),
        path(f"{route}results/", view.as_view(results_only=True), name=f"{name}_results"),
    ]


@hooks.register("register_admin_urls")
def register_insights_urls():
    return [
        path("reports/translation-coverage/", translations.CoverageView.as_view(), name="insights_coverage"),
        *_report("reports/translation-coverage/list/", translations.TranslationsReportView, "insights_translations"),
        *_report("reports/translate-next/", translations.TranslateNextReportView, "insights_translate_next"),
        path("reports/readers-needs/", needs.NeedsOverviewView.as_view(), name="insights_needs"),
        *_report("reports/readers-needs/searches/", needs.SearchesReportView, "insights_searches"),
        *_report("reports/readers-needs/not-found/", needs.NotFoundReportView, "insights_not_found"),
        *_report("reports/readers-needs/untranslated/", needs.UntranslatedReportView, "insights_untranslated"),
        *_report("reports/readers-needs/feedback/", needs.FeedbackReportView, "insights_feedback"),
        *_report("reports/readers-needs/comments/", needs.CommentsReportView, "insights_comments"),
    ]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_needs_menu_item():
    return ReportsMenuItem(_("Readers' needs"), reverse("insights_needs"), icon_name="view", order=700)


@hooks.register("register_reports_menu_item")
def register_coverage_menu_item():
    return ReportsMenuItem(
        _("Translation coverage"), reverse("insights_coverage"), icon_name="wagtail-localize-language", order=710
    )


@hooks.register("register_reports_menu_item")
def register_translate_next_menu_item():
    return ReportsMenuItem(
        _("What to translate next"), reverse("insights_translate_next"), icon_name="wagtail-localize-language",
        order=720,
    )


@hooks.register("construct_homepage_panels")
def add_urgent_needs_panel(request, panels):
    if can_view_reports(request.user):
        panels.append(UrgentNeedsPanel(request.user))


@hooks.register("register_permissions")
def register_insights_permissions():
    return Permission.objects.filter(content_type__app_label="insights", codename="view_reports")
