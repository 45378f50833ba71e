"""In a real browser, in Italian and in Arabic: a needs analyst opens the dashboard, the readers' needs report and
the translation coverage matrix after readers searched and asked for pages through the real /graphql/ endpoint
(Chromium, live server). Screenshots in test-artifacts/."""

import json
import re
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.test import TestCase
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from content_models.models import ServiceIndexPage
from insights.buffer import flush
from insights.groups import needs_analysts_group_ensure
from tests.factories import ServicePageFactory

from .conftest import localize

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery-staple"
# The reports' own words in English: none may show once the admin speaks Italian or Arabic.
ENGLISH = (
    "Searches without results",
    "Most asked for without a translation",
    "Most searched",
    "Paths not found",
    "Lowest rated pages",
    "None in this period",
    "What to translate next",
    " missing",
    "out of date",
    "up to date",
    "Section",
    "Arabic",  # language names too: "Arabo" in Italian
    "Ukrainian",
)
SEARCH = "query ($q: String!, $locale: String) { search(query: $q, locale: $locale, first: 5) { totalCount } }"
PAGE = "query ($path: String!, $locale: String) { page(path: $path, locale: $locale) { title isFallback } }"


@pytest.fixture
def analyst(migrations_data):
    user = get_user_model().objects.create_user("analista", "analista@example.org", PASSWORD)
    user.groups.add(needs_analysts_group_ensure())
    speak(user, "it")
    return user


def speak(user, language: str) -> None:
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def watch(page) -> list[str]:
    """Console errors and server errors seen by the page."""
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))
    page.on("response", lambda response: response.status >= 500 and problems.append(f"{response.status} {response.url}"))
    return problems


def english_in(page) -> list[str]:
    body = page.locator("main").inner_text()
    return [words for words in ENGLISH if words in body]


def ask(page, base: str, query: str, variables: dict, times: int) -> None:
    """What readers' portals do: the same GET again and again (a miss, then response-cache hits)."""
    url = f"{base}/graphql/?" + urlencode({"query": query, "variables": json.dumps(variables)})
    for _ in range(times):
        assert page.request.get(url).status == 200


def test_needs_report_and_coverage_matrix_in_italian_and_arabic(live_server, page, sections, analyst, artifacts_dir):
    services = sections[ServiceIndexPage]
    translated = ServicePageFactory(parent=services, title="Corsi di italiano", slug="corsi")
    untranslated = ServicePageFactory(parent=services, title="Tessera sanitaria", slug="tessera-sanitaria")
    with TestCase.captureOnCommitCallbacks(execute=True):
        localize(sections[ServiceIndexPage].get_parent(), "ar")
        localize(services, "ar", {"Servizi": "الخدمات"})
        localize(translated, "ar", {"Corsi di italiano": "دورات اللغة الإيطالية"})
        edited = type(translated).objects.get(pk=translated.pk)
        edited.summary = "Nuovi orari dei corsi dal 1° marzo."
        edited.save_revision().publish()  # the Arabic is now out of date

    problems = watch(page)
    page.set_default_timeout(30_000)
    ask(page, live_server.url, SEARCH, {"q": "بطاقة صحية زرقاء", "locale": "ar"}, 6)
    ask(page, live_server.url, PAGE, {"path": "/servizi/tessera-sanitaria/", "locale": "ar"}, 7)
    ask(page, live_server.url, PAGE, {"path": "/servizi/modulo-vecchio/", "locale": "ar"}, 5)
    flush()  # what the background thread does every minute

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "analista")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    urgent = page.locator("#insights-urgent-section, [id^='insights-urgent']").first
    expect(urgent).to_contain_text("Tessera sanitaria")
    page.screenshot(path=str(artifacts_dir / "insights-dashboard-it.png"), full_page=True)

    # Readers' needs, in Italian: per language, the zero-result search and the page read in Italian instead.
    page.goto(f"{live_server.url}/admin/reports/readers-needs/")
    arabic = page.locator("section", has=page.locator("h2#language-ar"))
    expect(arabic).to_contain_text("بطاقة صحية زرقاء")
    expect(arabic).to_contain_text("Tessera sanitaria")
    expect(arabic).to_contain_text("/servizi/modulo-vecchio/")
    expect(page.get_by_role("heading", name="Ricerche senza risultati").first).to_be_visible()
    assert english_in(page) == []
    page.screenshot(path=str(artifacts_dir / "insights-needs-it.png"), full_page=True)

    # The coverage matrix: the Arabic service is out of date; its count opens the list of what to update.
    page.goto(f"{live_server.url}/admin/reports/translation-coverage/")
    expect(page.locator("table.insights-matrix thead")).to_contain_text("Arabo")
    assert english_in(page) == []
    page.screenshot(path=str(artifacts_dir / "insights-coverage-it.png"), full_page=True)
    arabic_column = [
        index
        for index, header in enumerate(page.locator("table.insights-matrix thead th").all())
        if header.get_attribute("data-language") == "ar"
    ][0]
    services_row = page.locator("table.insights-matrix tbody tr", has=page.locator("th", has_text="Servizi")).first
    stale = services_row.locator("td").nth(arabic_column - 1).locator(".insights-count--stale")
    expect(stale).to_contain_text(re.compile(r"^\s*1\b"))
    stale.click()
    page.wait_for_url(re.compile(r"/admin/reports/translation-coverage/list/"))
    expect(page.locator("main")).to_contain_text("Corsi di italiano")

    # The same reports for an analyst working in Arabic: right to left, no English.
    speak(analyst, "ar")
    for name, url in (("needs", "/admin/reports/readers-needs/"), ("coverage", "/admin/reports/translation-coverage/")):
        page.goto(f"{live_server.url}{url}")
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
        assert english_in(page) == [], name
        page.screenshot(path=str(artifacts_dir / f"insights-{name}-ar.png"), full_page=True)
    expect(page.locator("table.insights-matrix")).to_be_visible()

    assert problems == []
