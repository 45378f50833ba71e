"""The live character counter of a post variant, in a real browser: it counts as the network does."""

import pytest
from django.contrib.auth import get_user_model

from content_models.models import EventIndexPage
from tests.factories import EventPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery-staple"


def test_counter_follows_the_channel_and_counts_links_as_23(migrations_data, live_server, page, sections, channels,
                                                           no_portal_webhooks, artifacts_dir, settings):
    settings.DISTRIBUTION_AUTOPOST_PAGE_TYPES = []
    get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)
    event = EventPageFactory(parent=sections[EventIndexPage], title="Festa", summary="In piazza.")

    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/distribution/posts/new/?page={event.pk}&channel=mastodon")

    text = page.locator("textarea[data-post-counter]")
    counter = page.locator("textarea[data-post-counter] + p")
    text.fill("Vieni! https://example.org/" + "a" * 100)
    assert counter.inner_text() == "30 / 500"  # "Vieni! " + 23 for the link

    text.fill("x" * 501)
    assert counter.inner_text() == "501 / 500 – too long by 1"
    assert "error-message" in counter.get_attribute("class")

    page.locator("[name=channel]").select_option("telegram")
    assert counter.inner_text() == "501 / 4096"
    page.screenshot(path=str(artifacts_dir / "distribution-post-counter.png"), full_page=True)

    # The page's header leads to its distribution view (status per channel, national package).
    page.goto(f"{live_server.url}/admin/pages/{event.pk}/edit/")
    page.locator("header [data-w-dropdown-target='toggle']").first.click()  # the header's "more" menu
    page.locator(f"header a[href='/admin/distribution/pages/{event.pk}/']").click()
    page.wait_for_url(f"{live_server.url}/admin/distribution/pages/{event.pk}/")
    assert page.locator("tr[data-channel=mastodon]").count() == 1
    page.screenshot(path=str(artifacts_dir / "distribution-page-status.png"), full_page=True)
