"""An editor logs into the admin, creates a service page and publishes it, in a real browser."""

import pytest
from django.contrib.auth import get_user_model

from content_models.models import ServiceIndexPage, ServicePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def editor(transactional_db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


def test_editor_creates_and_publishes_a_service_page(migrations_data, live_server, page, sections, editor, artifacts_dir):
    services = sections[ServiceIndexPage]

    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/pages/add/content_models/servicepage/{services.pk}/")
    page.locator("#id_title").fill("Mediazione culturale negli ospedali")
    page.locator("#id_summary").fill("Mediatori e mediatrici culturali aiutano a parlare con medici e infermieri.")
    page.locator("#id_programme_action").select_option("02")  # required, on the first tab

    page.locator("footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']").first.click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url(f"{live_server.url}/admin/pages/{services.pk}/")
    page.screenshot(path=str(artifacts_dir / "admin-service-page-published.png"), full_page=True)

    published = ServicePage.objects.get(title="Mediazione culturale negli ospedali")
    assert published.live
    assert published.get_parent().pk == services.pk
    assert published.programme_action == "02"
    assert published.portal_path == "/servizi/mediazione-culturale-negli-ospedali/"
