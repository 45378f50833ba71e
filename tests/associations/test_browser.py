"""The member flow in a real browser: log in, edit the profile, add an event, submit both for moderation; the
regional editor approves both; the changes are live."""

import pytest
from wagtail.models import WorkflowState

from content_models.models import AssociationPage, EventPage
from tests.factories.associations import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, base_url, username):
    page.context.clear_cookies()
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def submit_for_moderation(page):
    """Open the footer's action menu and choose "Submit to <task>"."""
    page.locator("#id_title").focus()  # closes any date picker left open
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-submit']").click()
    page.wait_for_load_state("networkidle")


def approve(page, base_url, page_id):
    page.goto(f"{base_url}/admin/pages/{page_id}/edit/")
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])").click()
    page.wait_for_load_state("networkidle")


PAGE_QUERY = "query Page($id: ID!) { page(id: $id) { title ... on AssociationPage { summary } } }"


def test_member_edits_submits_and_editor_approves(migrations_data, world, live_server, page, client, artifacts_dir):
    base_url = live_server.url
    page.on("dialog", lambda dialog: dialog.accept())
    page.set_default_timeout(20_000)

    # The member edits the profile and submits it.
    log_in(page, base_url, world.member_a.username)
    assert "Associazione Alfa" in page.locator("[id^=association-dashboard]").first.inner_text()
    page.goto(f"{base_url}/admin/pages/{world.page_a.pk}/edit/")
    page.fill("#id_summary", "Corsi di lingua araba e italiana per famiglie, ogni sabato.")
    submit_for_moderation(page)
    assert WorkflowState.objects.active().filter(object_id=str(world.page_a.pk)).exists()

    # ... and adds an event, submitted too.
    page.goto(f"{base_url}/admin/pages/add/content_models/eventpage/{world.page_a.pk}/")
    # The date picker opens over the form while its field has focus: fill the date first, then move on.
    page.fill("#id_start", "2031-06-01 19:30")
    page.keyboard.press("Escape")
    page.fill("#id_title", "Cena multiculturale")
    page.fill("#id_summary", "Una cena con piatti dal mondo, aperta a tutti.")
    page.fill("#id_venue_name", "Circolo Arci")
    page.fill("#id_municipality", "Genova")
    submit_for_moderation(page)
    event = EventPage.objects.get(title="Cena multiculturale")
    assert not event.live and event.get_parent().pk == world.page_a.pk
    page.goto(f"{base_url}/admin/")
    page.screenshot(path=str(artifacts_dir / "associations-member-dashboard.png"), full_page=True)

    # Nothing is live before the editor approves.
    profile = AssociationPage.objects.get(pk=world.page_a.pk)
    assert profile.summary != "Corsi di lingua araba e italiana per famiglie, ogni sabato."

    # The regional editor approves both from the edit screens.
    log_in(page, base_url, world.editor.username)
    page.goto(f"{base_url}/admin/associations/changes/")
    assert "Cena multiculturale" in page.content()
    approve(page, base_url, world.page_a.pk)
    approve(page, base_url, event.pk)
    page.screenshot(path=str(artifacts_dir / "associations-editor-approved.png"), full_page=True)

    profile = AssociationPage.objects.get(pk=world.page_a.pk)
    assert (
        profile.live_revision.as_object().summary
        == "Corsi di lingua araba e italiana per famiglie, ogni sabato."
    )
    assert profile.summary == "Corsi di lingua araba e italiana per famiglie, ogni sabato."
    event.refresh_from_db()
    assert event.live and event.live_revision.user == world.member_a

    # And the public API serves the approved text.
    response = client.post(
        "/graphql/",
        {"query": PAGE_QUERY, "variables": {"id": str(profile.pk)}},
        content_type="application/json",
    )
    assert (
        response.json()["data"]["page"]["summary"]
        == "Corsi di lingua araba e italiana per famiglie, ogni sabato."
    )
