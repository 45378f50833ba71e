"""The admin's print pages: every language's state, downloads of current editions, a preview of the draft, typed
errors for unknown input, permissions; and the desk booklet builder."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

from printing.models import BookletState, PrintBooklet
from tests.factories import ServicePageFactory
from tests.factories.printing import print_edition_create

from .conftest import TEXTS, service_point_create
from .pdf import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def italian_admin(admin_client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "it"
    profile.save()
    return admin_client


@pytest.fixture
def service(service_index_page, translate):
    italian = ServicePageFactory(
        parent=service_index_page, slug="corsi", title=TEXTS["it"]["title"], summary=TEXTS["it"]["summary"]
    )
    arabic = translate(italian, "ar", title=TEXTS["ar"]["title"], summary=TEXTS["ar"]["summary"])
    return italian, arabic


def test_the_print_page_shows_every_language_in_italian(italian_admin, service, translate):
    italian, arabic = service
    print_edition_create(arabic, "a4")
    translate(italian, "fr", title="Cours", publish=False)

    response = italian_admin.get(reverse("printing_admin:subject", args=["page", italian.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Stampa: " in html and "Scarica" in html and "Anteprima" in html
    assert f"/media/print/page-{arabic.pk}/corsi-ar-a4.pdf" in html
    assert "Nessuna traduzione: nessuna edizione in questa lingua." in html  # uk, zh-hans...
    assert "Traduzione non ancora pubblicata: nessuna edizione." in html  # the French draft
    assert "Non ancora prodotta" in html  # A5 and bilingual of the Arabic page
    assert "La dicitura del finanziamento è vuota" in html


def test_the_page_header_has_a_print_button(italian_admin, service):
    italian, _arabic = service
    response = italian_admin.get(reverse("wagtailadmin_pages:edit", args=[italian.pk]))
    assert reverse("printing_admin:subject", args=["page", italian.pk]) in response.content.decode()


def test_preview_typesets_the_latest_draft_without_storing_it(admin_client, service):
    italian, arabic = service
    arabic.title = "دورات مسائية للكبار"
    arabic.save_revision()  # a draft

    response = admin_client.get(
        reverse("printing_admin:preview", args=["page", italian.pk, "ar", "a4"]) + "?bilingual=1"
    )

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    text = pdf_text(response.content)
    assert "دورات مسائية" in text and TEXTS["it"]["title"] in text
    assert not arabic.print_editions.exists()


@pytest.mark.parametrize(
    "language, fmt, query, code",
    [
        ("xx", "a4", "", "UNKNOWN_LANGUAGE"),
        ("ar", "a9", "", "UNKNOWN_FORMAT"),
        ("ar", "a3", "", "FORMAT_NOT_OFFERED"),  # posters are for events and infographics
        ("it", "a4", "?bilingual=1", "FORMAT_NOT_OFFERED"),  # Italian beside Italian
    ],
)
def test_unknown_or_impossible_editions_are_a_400_with_a_code(
    admin_client, service, language, fmt, query, code
):
    italian, _arabic = service
    response = admin_client.get(
        reverse("printing_admin:preview", args=["page", italian.pk, language, fmt]) + query
    )
    assert response.status_code == 400
    assert response.content.decode().startswith(f"{code}: ")


def test_a_language_without_translation_has_no_preview(admin_client, service):
    italian, _arabic = service
    response = admin_client.get(reverse("printing_admin:preview", args=["page", italian.pk, "uk", "a4"]))
    assert response.status_code == 404


def test_making_again_queues_the_translations_jobs(admin_client, service, settings):
    italian, arabic = service
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = admin_client.post(
            reverse("printing_admin:regenerate", args=["page", italian.pk]), {"language": "ar"}
        )
    assert response.status_code == 302
    assert arabic.print_job.state == "queued" and arabic.print_job.force


def test_without_print_permission_the_pages_are_refused(client, service):
    italian, _arabic = service
    user = get_user_model().objects.create_user("membro", password="x")
    group = Group.objects.create(name="Soci")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(group=group, page=Page.objects.get(depth=1), permission_type="change")
    user.groups.add(group)
    client.force_login(user)

    # Wagtail's admin turns a refusal into a redirect to the dashboard with a message.
    for url in (
        reverse("printing_admin:subject", args=["page", italian.pk]),
        reverse("printing_admin:preview", args=["page", italian.pk, "it", "a4"]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/"
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[italian.pk])).content.decode()
    assert reverse("printing_admin:subject", args=["page", italian.pk]) not in edit


def test_editors_get_the_print_permissions():
    editors = Group.objects.get(name="Editors")
    codenames = set(
        editors.permissions.filter(content_type__app_label="printing").values_list("codename", flat=True)
    )
    assert {"view_printedition", "change_printedition", "add_printbooklet"} <= codenames
    assert "change_printsettings" not in codenames


# --- Desk booklets ----------------------------------------------------------------------------------------------
def booklet_form(**values):
    data = {
        "title": "",
        "language": "ar",
        "format": "a5",
        "selection": "pages",
        "service_point": "",
        "topic": "",
        "chosen_pages": inline_formset([]),
    }
    data.update(values)
    return nested_form_data(data)


def test_a_booklet_of_a_help_desk_s_services_in_arabic(admin_client, service_index_page, translate):
    point = service_point_create()
    arabic_point = point.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic_point.name = "شبّاك جنوة"
    arabic_point.save()
    translated = ServicePageFactory(parent=service_index_page, slug="corsi", title="Corsi")
    translated.service_points.add(point)
    translated.save_revision().publish()
    translate(translated, "ar", title=TEXTS["ar"]["title"])
    untranslated = ServicePageFactory(parent=service_index_page, slug="casa", title="Cercare casa")
    untranslated.service_points.add(point)
    untranslated.save_revision().publish()

    with TestCase.captureOnCommitCallbacks(execute=True):
        response = admin_client.post(
            reverse("printing_booklets:add"), booklet_form(selection="service_point", service_point=point.pk)
        )

    booklet = PrintBooklet.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "printing_booklets:edit", args=[booklet.pk]
    )
    assert booklet.state == BookletState.READY, booklet.last_error
    assert booklet.contents["printed"] == [TEXTS["ar"]["title"]]
    assert booklet.contents["missing"] == ["Cercare casa"]
    status = admin_client.get(reverse("printing_booklets:edit", args=[booklet.pk])).content.decode()
    assert (
        "Cercare casa" in status and reverse("printing_admin:booklet_download", args=[booklet.pk]) in status
    )
    download = admin_client.get(reverse("printing_admin:booklet_download", args=[booklet.pk]))
    assert download.status_code == 302 and download["Location"].endswith(".pdf")
    assert booklet.file_name.startswith(f"print/booklets/{booklet.pk}/") and booklet.pages >= 3


def test_a_booklet_needs_what_it_is_about(admin_client):
    response = admin_client.post(reverse("printing_booklets:add"), booklet_form(selection="service_point"))
    assert response.status_code == 200
    assert not PrintBooklet.objects.exists()
    response = admin_client.post(reverse("printing_booklets:add"), booklet_form(selection="pages"))
    assert response.status_code == 200 and "Choose at least one page." in response.content.decode()
    assert not PrintBooklet.objects.exists()
