"""The dashboard panel: the three most urgent gaps for the signed-in editor, in the languages they work in.

Urgent means most asked for in the last 30 days: a page readers opened in a language and got in Italian, or a
search that found nothing (asked at least INSIGHTS_MIN_COUNT times). An editor whose admin speaks a content
language other than Italian sees that language's; the others see every language's.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from . import needs
from .views.base import language_name

URGENT_ITEMS = 3
CANDIDATES = 10


@dataclass
class Urgent:
    kind: str  # "untranslated" or "search"
    locale: str
    count: int
    title: str
    url: str | None = None
    action_url: str | None = None

    @property
    def language(self) -> str:
        return language_name(self.locale)


def urgent_items(user, *, period: needs.Period | None = None) -> list[Urgent]:
    period = period or needs.Period.last_days()
    profile_language = getattr(getattr(user, "wagtail_userprofile", None), "preferred_language", "") or ""
    content_codes = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    locale = profile_language if profile_language in content_codes and profile_language != settings.LANGUAGE_CODE \
        else None
    items: list[Urgent] = []
    demand = list(needs.untranslated_demand(period, locale)[:CANDIDATES])
    if demand:
        pages = needs.pages_by_key([row["translation_key"] for row in demand])
        translated_now = set(
            Page.objects.filter(
                translation_key__in=[row["translation_key"] for row in demand], live=True,
                locale__language_code__in={row["locale"] for row in demand},
            ).values_list("translation_key", "locale__language_code")
        )
        for row in demand:
            ref = pages.get(row["translation_key"])
            if ref is None or (row["translation_key"], row["locale"]) in translated_now:
                continue  # deleted since, or translated since
            items.append(Urgent(
                "untranslated", row["locale"], row["fallbacks"], ref.title,
                url=reverse("wagtailadmin_pages:edit", args=[ref.pk]),
                action_url=reverse("wagtail_localize:submit_page_translation", args=[ref.pk]),
            ))
    for row in needs.searches(period, locale, zero_results=True)[:CANDIDATES]:
        items.append(Urgent(
            "search", row["locale"], row["zero_result_searches"], row["term"],
            url=f"{reverse('insights_searches')}?locale={row['locale']}&zero_results=true",
        ))
    items.sort(key=lambda item: -item.count)
    return items[:URGENT_ITEMS]


class UrgentNeedsPanel(Component):
    name = "insights_urgent"
    template_name = "insights/panels/urgent.html"
    order = 90

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        return {
            "request": parent_context["request"],
            "items": urgent_items(self.user),
            "needs_url": reverse("insights_needs"),
            "coverage_url": reverse("insights_coverage"),
        }
