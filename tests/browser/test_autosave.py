"""Wagtail's autosave on the forms where a field name once shadowed the form's own `action` (issue 12, item 1)."""

import pytest
from django.contrib.auth import get_user_model

from content_models.models import ServiceIndexPage, ServicePage
from tests.factories import ServicePageFactory

from .editing import autosave, editor_ready

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def superuser(migrations_data):
    return get_user_model().objects.create_superuser("caporedattrice", "capo@example.org", "not-used")


def test_a_service_page_autosaves_while_created_and_while_edited(sections, superuser, signed_in, screen):
    page = signed_in(superuser, "it")
    services = sections[ServiceIndexPage]

    page.goto(f"/admin/pages/add/content_models/servicepage/{services.pk}/")
    editor_ready(page)
    with autosave(page):
        page.locator("#id_title").press_sequentially("Sportello casa")
    screen(page, "created by autosave")
    created = ServicePage.objects.get(title="Sportello casa")
    assert not created.live and created.get_parent().pk == services.pk
    assert page.url.endswith(f"/admin/pages/{created.pk}/edit/")

    with autosave(page):
        page.locator("#id_summary").press_sequentially("Aiuto a trovare casa.")
    assert ServicePage.objects.count() == 1, "the second autosave created another page"
    assert created.get_latest_revision_as_object().summary == "Aiuto a trovare casa."

    existing = ServicePageFactory(parent=services, title="Corsi di italiano", summary="Corsi gratuiti.")
    page.goto(f"/admin/pages/{existing.pk}/edit/")
    editor_ready(page)
    with autosave(page):
        page.locator("#id_summary").press("End")
        page.locator("#id_summary").press_sequentially(" Anche online.")
    screen(page, "edited by autosave")
    existing = ServicePage.objects.get(pk=existing.pk)
    assert existing.get_latest_revision_as_object().summary == "Corsi gratuiti. Anche online."
    assert existing.live and existing.summary == "Corsi gratuiti.", "autosave makes a draft, never a publication"
