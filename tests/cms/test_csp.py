"""The admin works under its Content-Security-Policy: no violation in Chromium's console, previews carry it too.

A regional editor logs in and does a day's rounds in a real browser: the dashboard, the explorer, a page editor with
blocks (adding a block, the image chooser, the preview panel), wagtail-localize's translation editor, the image
library, a newsletter issue. Any "Content Security Policy" message in the console, any console error, fails.
"""

import pytest
from django.test import Client

from associations.moderation import moderation_setup_ensure
from content_models.models import ServiceIndexPage
from tests.factories import ImageFactory, ServicePageFactory
from tests.factories.associations import PASSWORD, regional_editor_create

pytestmark = [pytest.mark.django_db(transaction=True)]


@pytest.fixture
def service_with_blocks(migrations_data, sections):
    image = ImageFactory(title="Sportello")
    return ServicePageFactory(
        parent=sections[ServiceIndexPage],
        title="Corsi di italiano",
        body=[
            ("heading", {"text": "Come iscriversi", "level": "h2"}),
            ("paragraph", "<p>Porta un <b>documento</b>.</p>"),
            ("image", {"image": image, "caption": "Lo sportello", "alt_text": "Uno sportello"}),
        ],
    )


def test_previews_and_admin_pages_carry_the_policy(migrations_data, service_with_blocks, django_user_model):
    editor = regional_editor_create()
    client = Client()
    client.force_login(editor)
    printer = Client()  # the print permissions are the editorial groups' (printing/permissions.py): a superuser here
    printer.force_login(django_user_model.objects.create_superuser("stampa", "stampa@example.org", "x-long-pw-9"))
    strict = {
        f"/admin/pages/{service_with_blocks.pk}/edit/preview/?mode=": client,
        f"/admin/pages/{service_with_blocks.pk}/view_draft/": client,
        "/admin/login/": Client(),
        "/admin/password_reset/": Client(),
        # The printing app's preview: a PDF of the draft, what others wrote (printing/admin_views.py).
        f"/admin/print/page/{service_with_blocks.pk}/preview/it/a4/": printer,
    }
    admin = {
        "/admin/": client,
        f"/admin/pages/{service_with_blocks.pk}/edit/": client,
        f"/admin/print/page/{service_with_blocks.pk}/": printer,
    }
    for url, who in {**strict, **admin}.items():
        response = who.get(url)
        assert response.status_code == 200, url
        policy = response["Content-Security-Policy"]
        assert "object-src 'none'" in policy and "frame-ancestors 'self'" in policy and "base-uri 'self'" in policy
        script_src = policy.split("script-src ")[1].split(";")[0]
        # Where others' words are shown or a password is typed, no inline script runs (cms/csp.py).
        assert script_src == ("'self'" if url in strict else "'self' 'unsafe-inline'"), (url, script_src)
        assert "unsafe-eval" not in policy
    assert "Content-Security-Policy" not in client.get("/graphql/", {"query": "{ locales { code } }"})


def test_metrics_carry_the_policy_and_stay_closed(client, settings):
    """/metrics/ (operations app) is plain text behind its token: the policy costs nothing there, and no admin
    session opens it."""
    settings.METRICS_TOKEN = "t" * 32
    settings.METRICS_ALLOWED_NETWORKS = []
    assert client.get("/metrics/").status_code == 401
    response = client.get("/metrics/", HTTP_AUTHORIZATION="Bearer " + "t" * 32)
    assert response.status_code == 200
    assert "script-src 'self';" in response["Content-Security-Policy"] + ";"


@pytest.mark.browser
def test_the_editor_s_day_raises_no_csp_violation(migrations_data, service_with_blocks, live_server, page,
                                                    artifacts_dir, locales):
    moderation_setup_ensure()
    editor = regional_editor_create()
    problems = []
    page.on("console", lambda message: problems.append(f"{page.url}: {message.type}: {message.text}")
            if message.type == "error" or "Content Security Policy" in message.text else None)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.set_default_timeout(20_000)
    base = live_server.url

    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")

    page.goto(f"{base}/admin/pages/{service_with_blocks.get_parent().pk}/")
    page.goto(f"{base}/admin/pages/{service_with_blocks.pk}/edit/")
    page.wait_for_load_state("networkidle")
    # The preview panel (an iframe of the preview view), then a block added and the image chooser opened.
    page.locator("[data-side-panel-toggle='preview']").first.click()
    page.wait_for_timeout(1500)
    page.locator("[data-side-panel-toggle='preview']").first.click()
    page.locator("button[title='Insert a block'], button[aria-label='Insert a block'], .c-sf-add-button").last.click()
    page.wait_for_timeout(500)
    page.keyboard.press("Escape")
    # The image chooser, in its modal (Wagtail inserts the modal's HTML and runs its scripts).
    choose = page.locator("[data-chooser-action-choose]:visible")
    for tab in page.locator("[role=tab]").all():  # the sharing image's chooser, on whichever tab holds it
        if choose.count():
            break
        tab.click()
    choose.first.click()
    page.locator(".modal-content").first.wait_for()
    page.wait_for_load_state("networkidle")
    page.keyboard.press("Escape")
    page.goto(f"{base}/admin/images/")
    page.goto(f"{base}/admin/images/add/")
    page.goto(f"{base}/admin/snippets/newsletter/newsletterissue/add/")
    page.wait_for_load_state("networkidle")

    # wagtail-localize's translation editor (a React application).
    page.goto(f"{base}/admin/localize/submit/page/{service_with_blocks.pk}/")
    page.locator("input[name='locales'][value]").first.check()
    page.locator("form button[type='submit'], form input[type='submit']").last.click()
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(artifacts_dir / "csp-translation-editor.png"), full_page=True)

    assert not problems, "\n".join(problems)
