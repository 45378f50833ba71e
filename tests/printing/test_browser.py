"""In a real browser, in Italian and in Arabic: an editor opens a page's Print page, downloads and previews, and
builds a desk booklet of a help desk's services through the builder's form (Chromium, live server)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import TestCase
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from content_models.models import ServiceIndexPage
from printing.models import BookletState, PrintBooklet, PrintEdition
from tests.factories import ServicePageFactory, translation_publish

from .conftest import TEXTS, print_settings_create, service_point_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery-staple"
ENGLISH = ("Download", "Preview", "Make again", "Not made yet", "No translation: no edition")


@pytest.fixture
def editor(migrations_data):
    user = get_user_model().objects.create_superuser("redazione", "redazione@example.org", PASSWORD)
    UserProfile.get_for_user(user).__class__.objects.filter(user=user).update(preferred_language="it")
    return user


def speak(user, language: str) -> None:
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def watch(page) -> list[str]:
    """Console errors and server errors seen by the page."""
    problems = []
    page.on(
        "console", lambda message: message.type == "error" and problems.append(f"console: {message.text}")
    )
    page.on(
        "response",
        lambda response: response.status >= 500 and problems.append(f"{response.status} {response.url}"),
    )
    return problems


def test_print_page_and_booklet_builder_in_italian_and_arabic(
    printing_on, live_server, page, sections, editor, artifacts_dir
):
    print_settings_create()
    point = service_point_create()
    with TestCase.captureOnCommitCallbacks(execute=True):
        italian = ServicePageFactory(
            parent=sections[ServiceIndexPage],
            slug="corsi",
            title=TEXTS["it"]["title"],
            summary=TEXTS["it"]["summary"],
        )
        italian.service_points.add(point)
        italian.save_revision().publish()
    arabic = translation_publish(italian, "ar", title=TEXTS["ar"]["title"], summary=TEXTS["ar"]["summary"])
    assert PrintEdition.objects.filter(page=arabic).count() == 3
    problems = watch(page)
    page.set_default_timeout(30_000)

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "redazione")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    # The Print button on the page's editor, then its print page, in Italian.
    page.goto(f"{live_server.url}/admin/pages/{italian.pk}/edit/")
    page.get_by_role("button", name="Azioni", exact=True).click()  # the header's actions menu
    page.locator("[data-w-dropdown-target='content']:visible").get_by_role("link", name="Stampa").click()
    page.wait_for_url(re.compile(rf"/admin/print/page/{italian.pk}/$"))
    arabic_row = page.locator("tr[data-language='ar']")
    expect(arabic_row).to_contain_text(re.compile("Aggiornat[ao]"))
    download = arabic_row.locator("li[data-edition='ar-a4'] a", has_text="Scarica")
    expect(download).to_have_attribute(
        "href", re.compile(rf"/media/print/page-{arabic.pk}/.+-ar-a4-r\d+-\w+\.pdf$")
    )
    expect(page.locator("tr[data-language='uk']")).to_contain_text("Nessuna traduzione")
    preview = page.request.get(
        live_server.url
        + arabic_row.locator("li[data-edition='ar-a4-bilingual'] a", has_text="Anteprima").get_attribute(
            "href"
        )
    )
    assert preview.status == 200 and preview.headers["content-type"] == "application/pdf"
    body = page.locator("main").inner_text()
    assert not [english for english in ENGLISH if english in body], body
    page.screenshot(path=str(artifacts_dir / "print-admin-it.png"), full_page=True)

    # The same page for an editor working in Arabic: right to left.
    speak(editor, "ar")
    page.reload()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("tr[data-language='ar']")).to_be_visible()
    page.screenshot(path=str(artifacts_dir / "print-admin-ar.png"), full_page=True)
    speak(editor, "it")

    # A desk booklet of the help desk's services, in Arabic, through the builder.
    page.goto(f"{live_server.url}/admin/print/booklets/")
    page.get_by_role("link", name=re.compile("Aggiungi|Add")).first.click()
    page.locator("#id_language").select_option("ar")
    page.get_by_label("Tutti i servizi di uno sportello").check()
    desk = page.locator("[data-contentpath='service_point']")
    desk.get_by_role("button", name=re.compile("^Scegli")).click()
    page.locator(".modal-dialog").get_by_role(
        "link", name=re.compile("Sportello InterAzioni Genova")
    ).first.click()
    expect(desk).to_contain_text("Sportello InterAzioni Genova")
    page.locator("footer button[type=submit], button.action-save").first.click()
    page.wait_for_url(re.compile(r"/admin/print/booklets/edit/\d+/$"))
    booklet = PrintBooklet.objects.get()
    assert booklet.state == BookletState.READY, booklet.last_error
    status = page.locator(".booklet-status")
    expect(status).to_contain_text("Pronto")
    expect(status.get_by_role("link", name="Scarica il PDF")).to_be_visible()
    page.screenshot(path=str(artifacts_dir / "print-booklet-builder-it.png"), full_page=True)
    assert Locale.objects.filter(language_code="ar").exists()
    assert problems == []
