"""The issue's "done when": after a simulated week of traffic through /graphql/, an analyst sees per language the
top searches without results and the most-requested untranslated pages; the coverage matrix shows which Arabic
translations are out of date; the portal sees translationStatus on every page."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from content_models.models import ServiceIndexPage
from insights.models import NotFoundDay, PageRequestDay, SearchTermDay
from insights.translation_health import coverage, translation_health
from tests.factories import ServicePageFactory

from .conftest import localize

PAGES = "{ servicePages(locale: \"ar\", first: 20) { edges { node { title translationStatus { state } } } } }"


@pytest.fixture
def site(home, sections, django_capture_on_commit_callbacks):
    services = sections[ServiceIndexPage]
    translated = ServicePageFactory(parent=services, title="Corsi di italiano", slug="corsi")
    untranslated = ServicePageFactory(parent=services, title="Medico di base", slug="medico-di-base",
                                      summary="Come scegliere il medico di base.")
    with django_capture_on_commit_callbacks(execute=True):
        localize(home, "ar")
        localize(services, "ar", {"Servizi": "الخدمات"})
        localize(translated, "ar", {"Corsi di italiano": "دورات اللغة الإيطالية"})
        edited = type(translated).objects.get(pk=translated.pk)
        edited.summary = "Nuovi orari dal 1° marzo."
        edited.save_revision().publish()  # the Arabic is out of date from now on
    return translated, untranslated


@pytest.mark.django_db
def test_a_simulated_week_fills_the_needs_report(client, analyst, site, sections, graphql):
    translated, untranslated = site
    out = io.StringIO()
    call_command("insights_simulate_week", "--readers", "8", "--languages", "it,ar", stdout=out)
    assert "counters written" in out.getvalue()

    days = set(SearchTermDay.objects.values_list("day", flat=True))
    assert len(days) == 7 and max(days) == timezone.localdate()
    assert min(days) == timezone.localdate() - datetime.timedelta(days=6)
    arabic_fallbacks = PageRequestDay.objects.filter(locale="ar", translation_key=untranslated.translation_key)
    assert sum(row.fallbacks for row in arabic_fallbacks) > 0
    assert not PageRequestDay.objects.filter(locale="ar", translation_key=translated.translation_key, fallbacks__gt=0)
    assert NotFoundDay.objects.filter(locale="ar").exists()

    client.force_login(analyst)
    report = client.get("/admin/reports/readers-needs/").content.decode()
    arabic = report[report.index('id="language-ar"'):]
    arabic = arabic[: arabic.index("</section>")]
    zero_results = arabic[: arabic.index("Più richieste senza traduzione")]  # the admin speaks Italian
    assert "سكن" in zero_results or "لم شمل الأسرة" in zero_results  # what the content does not answer
    assert "Medico di base" in arabic  # asked for in Arabic, served in Italian

    rows = {group.key if group else "total": cells for group, cells in coverage(translation_health(locales=["ar"]))}
    (arabic_services,) = rows[f"section:{sections[ServiceIndexPage].pk}"]
    assert (arabic_services.stale, arabic_services.missing) == (1, 1)

    nodes = [edge["node"] for edge in graphql(PAGES)["data"]["servicePages"]["edges"]]
    assert {node["title"]: node["translationStatus"]["state"] for node in nodes} == {
        "دورات اللغة الإيطالية": "STALE",
        "Medico di base": "MISSING",
    }
