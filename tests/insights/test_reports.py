"""The reports: who may open them, what they show (never a term asked fewer than five times), and the exports."""

import datetime
import io

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from wagtail.users.models import UserProfile

from associations.moderation import moderation_setup_ensure
from content_models.models import AssociationIndexPage, ServiceIndexPage
from insights.buffer import flush, recording_day
from insights.demand import not_found_signal, page_signal, search_signal, signals_record
from insights.groups import needs_analysts_group_ensure
from insights.models import PageFeedback
from tests.factories import ServicePageFactory
from tests.factories.associations import association_with_page_create, member_create, regional_editor_create

TODAY = timezone.localdate()
YESTERDAY = TODAY - datetime.timedelta(days=1)

REPORT_URLS = [
    "/admin/reports/readers-needs/",
    "/admin/reports/readers-needs/searches/",
    "/admin/reports/readers-needs/not-found/",
    "/admin/reports/readers-needs/untranslated/",
    "/admin/reports/readers-needs/feedback/",
    "/admin/reports/readers-needs/comments/",
    "/admin/reports/translation-coverage/",
    "/admin/reports/translation-coverage/list/",
    "/admin/reports/translate-next/",
]


def record(signal, times: int, day=TODAY):
    with recording_day(day):
        signals_record([signal] * times)


@pytest.fixture
def demand(sections):
    """A week's worth of Arabic and Ukrainian demand, with a rare term that must stay hidden."""
    service = ServicePageFactory(parent=sections[ServiceIndexPage], title="Permesso di soggiorno")
    record(search_signal("permesso di soggiorno", "ar", 0), 4, YESTERDAY)
    record(search_signal("Permesso di Soggiorno", "ar", 0), 3)  # 7 in the period, counted together
    record(search_signal("medico di base", "ar", 2), 5)
    record(search_signal("mario rossi", "ar", 0), 4)  # 4: fewer than five, never shown
    record(search_signal("житло", "uk", 0), 6)
    record(page_signal(service.translation_key, "ar", is_fallback=True), 12)
    record(not_found_signal("/servizi/vecchio-modulo/", "uk"), 5)
    record(not_found_signal("/servizi/casa-di-mario/", "uk"), 2)
    flush()
    PageFeedback.objects.create(day=TODAY, locale="ar", translation_key=service.translation_key, rating=2,
                                reasons=["translation"], comment="Non capisco la traduzione")
    return service


@pytest.mark.django_db
@pytest.mark.parametrize("url", REPORT_URLS)
def test_analysts_open_every_report(client, analyst, demand, url):
    client.force_login(analyst)
    response = client.get(url)
    assert response.status_code == 200
    assert "mario rossi" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("url", REPORT_URLS)
def test_nobody_else_opens_them(client, django_user_model, url):
    user = django_user_model.objects.create_user(username="curioso", password="x")
    user.user_permissions.add(*Permission.objects.filter(codename="access_admin"))
    client.force_login(user)
    response = client.get(url)
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_the_overview_shows_per_language_the_zero_result_searches_and_untranslated_pages(client, analyst, demand):
    client.force_login(analyst)
    page = client.get("/admin/reports/readers-needs/").content.decode()
    assert "permesso di soggiorno" in page and "житло" in page
    assert "Permesso di soggiorno" in page  # the page asked for in Arabic, served in Italian
    assert "/servizi/vecchio-modulo/" in page
    assert "mario rossi" not in page and "casa-di-mario" not in page  # seen 4 and 2 times


@pytest.mark.django_db
def test_the_threshold_holds_in_the_period_asked_for(client, analyst, demand):
    client.force_login(analyst)
    only_today = f"?period_from={TODAY.isoformat()}&period_to={TODAY.isoformat()}&locale=ar"
    page = client.get("/admin/reports/readers-needs/searches/" + only_today).content.decode()
    assert "medico di base" in page
    assert "permesso di soggiorno" not in page  # 3 today: its 7 are spread over two days


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_reports_export_as_csv_and_xlsx_with_the_same_threshold(client, analyst, demand, fmt):
    client.force_login(analyst)
    response = client.get(f"/admin/reports/readers-needs/searches/?export={fmt}")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.getvalue()
    if fmt == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(body)).active
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    else:
        rows = [line.split(",") for line in body.decode().splitlines()]
    terms = [row[0] for row in rows[1:]]
    assert set(terms) == {"permesso di soggiorno", "medico di base", "житло"}


@pytest.mark.django_db
def test_the_dashboard_lists_the_most_urgent_three(client, analyst, demand):
    client.force_login(analyst)
    page = client.get("/admin/").content.decode()
    assert "Permesso di soggiorno" in page and "permesso di soggiorno" in page


@pytest.mark.django_db
@pytest.mark.parametrize("language, words", [
    ("it", ["Bisogni dei lettori", "Ricerche senza risultati", "Arabo", "Ucraino"]),
    ("ar", ["احتياجات القرّاء", "عمليات بحث بلا نتائج", 'dir="rtl"']),
])
def test_the_overview_speaks_the_analysts_language(client, analyst, demand, language, words):
    profile = UserProfile.get_for_user(analyst)
    profile.preferred_language = language
    profile.save()
    client.force_login(analyst)
    page = client.get("/admin/reports/readers-needs/").content.decode()
    assert [word for word in words if word not in page] == []
    main = page[page.index("<main"):page.index("</main>")]  # Wagtail's own settings name locales in English
    assert "Searches without results" not in main and "Arabic" not in main


@pytest.mark.django_db
def test_association_members_never_see_them_even_in_the_analysts_group(client, demand, sections):
    moderation_setup_ensure()
    editor = regional_editor_create()
    association = association_with_page_create(
        name="Associazione Alfa", section=sections[AssociationIndexPage], editor=editor
    )
    member = member_create(association=association, email="socio@alfa.org", inviter=editor)
    member.groups.add(needs_analysts_group_ensure())  # a mistake in the groups page must not open them
    client.force_login(member)
    for url in REPORT_URLS:
        assert client.get(url).status_code in (302, 403), url
    dashboard = client.get("/admin/").content.decode()
    assert "insights-urgent" not in dashboard and "/admin/reports/readers-needs/" not in dashboard
