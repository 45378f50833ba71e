"""Admin: previews in every language, test send, send and schedule, progress and report, GDPR export/erase."""

import datetime
import json
import re

import pytest
from django.utils import timezone
from django.utils.translation import gettext as _

from newsletter import services
from newsletter.models import Consent, Delivery, Dispatch, Subscriber

from .conftest import make_subscribers, publish_issue, translate_issue

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("locales")]


def sending_url(issue):
    return f"/admin/newsletter/issues/{issue.pk}/sending/"


def test_sending_page_lists_every_language_with_previews(admin_client, django_capture_on_commit_callbacks):
    issue = publish_issue()
    translate_issue(issue, "ar", django_capture_on_commit_callbacks, subject="أخبار", body=[("paragraph", "<p>نص</p>")])

    response = admin_client.get(sending_url(issue))

    assert response.status_code == 200
    content = response.content.decode()
    assert "العربيّة" in content and "Non tradotto: i lettori ricevono" in content
    preview = admin_client.get(f"/admin/newsletter/issues/{issue.pk}/email/ar/")
    assert preview.status_code == 200 and b'<html lang="ar" dir="rtl"' in preview.content
    text = admin_client.get(f"/admin/newsletter/issues/{issue.pk}/email/ar/?format=text")
    assert text["Content-Type"].startswith("text/plain") and "نص" in text.content.decode()
    # A language without an edition previews the Italian one readers would get.
    assert b'<html lang="it" dir="ltr"' in admin_client.get(f"/admin/newsletter/issues/{issue.pk}/email/uk/").content


def test_snippet_listing_links_to_the_sending_page(admin_client):
    issue = publish_issue()
    response = admin_client.get("/admin/snippets/newsletter/newsletterissue/")
    assert response.status_code == 200 and sending_url(issue).encode() in response.content


def test_test_send_reaches_the_chosen_addresses(admin_client, smtp_server):
    issue = publish_issue()
    response = admin_client.post(sending_url(issue), {
        "action": "test", "test-emails": "editor@example.org, chief@example.org", "test-languages": ["it", "ar"],
    })

    assert response.status_code == 302
    subjects = sorted((m.rcpt_tos[0], m.message["Subject"]) for m in smtp_server.received)
    # No Arabic edition yet: the test says Arabic readers would get the Italian one.
    assert subjects == [("chief@example.org", "[TEST ar→it] Notizie di maggio"),
                        ("chief@example.org", "[TEST it] Notizie di maggio"),
                        ("editor@example.org", "[TEST ar→it] Notizie di maggio"),
                        ("editor@example.org", "[TEST it] Notizie di maggio")]
    assert not Dispatch.objects.exists()  # a test is not a send


def test_send_now_shows_progress_and_report(admin_client, dummy_tasks, django_capture_on_commit_callbacks):
    make_subscribers(3, language="it")
    make_subscribers(2, language="ar", prefix="ar")
    issue = publish_issue()

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(sending_url(issue), {"action": "send"})
    assert response.status_code == 302
    assert Dispatch.objects.get().status == Dispatch.Status.SENDING
    assert Delivery.objects.count() == 5

    page = admin_client.get(sending_url(issue)).content.decode()
    assert 'http-equiv="refresh"' in page and 'role="progressbar"' in page
    assert "<td class=\"num\">5</td>" in page  # total recipients


def test_schedule_and_cancel(admin_client):
    issue = publish_issue()
    send_at = (timezone.localtime() + datetime.timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    admin_client.post(sending_url(issue), {"action": "schedule", "schedule-send_at": send_at})
    assert Dispatch.objects.get().status == Dispatch.Status.SCHEDULED
    admin_client.post(sending_url(issue), {"action": "unschedule"})
    assert Dispatch.objects.get().status == Dispatch.Status.CANCELLED


def test_editors_without_the_send_permission_are_refused(client, django_user_model):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("editor", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    issue = publish_issue()
    response = client.get(sending_url(issue))
    # Wagtail turns PermissionDenied into a redirect to the dashboard with an error message.
    assert response.status_code == 302 and response["Location"] == "/admin/"
    client.post(sending_url(issue), {"action": "send"})
    assert not Dispatch.objects.exists()


def test_subscriber_export_and_erase(admin_client, smtp_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.subscriber_subscribe(email="amina@example.org", language="ar", client_ip="192.0.2.5")
    subscriber = Subscriber.objects.get()
    issue = publish_issue()
    delivery = Delivery.objects.create(issue=issue, subscriber=subscriber, language="ar", status="sent")

    exported = admin_client.get(f"/admin/newsletter/subscribers/{subscriber.pk}/export/")
    assert exported["Content-Disposition"].startswith("attachment")
    data = json.loads(exported.content)
    assert data["email"] == "amina@example.org" and data["language"] == "ar"
    assert data["consents"][0]["ip_hash"] and data["consents"][0]["text"]
    assert data["deliveries"] == [{"issue": issue.subject, "language": "ar", "status": "sent", "sent_at": None}]

    listing = admin_client.get("/admin/newsletter_subscribers/")
    assert listing.status_code == 200 and b"amina@example.org" in listing.content
    assert b"/add/" not in listing.content  # subscribers only come through double opt-in
    response = admin_client.post(f"/admin/newsletter_subscribers/delete/{subscriber.pk}/")
    assert response.status_code == 302
    assert not Subscriber.objects.exists() and not Consent.objects.exists()
    delivery.refresh_from_db()
    assert delivery.subscriber is None and delivery.status == "sent"  # the report keeps its numbers


# --- The issue's editor: preview panel, header actions, listing ------------------------------------------------

PREVIEW_FORM = {"subject": "Notizie di giugno", "preheader": "Il mese in breve", "body-count": "0"}


@pytest.mark.parametrize("mode, content_type, expected", [
    ("html", "text/html", '<html lang="it" dir="ltr"'),
    ("text", "text/plain", "Notizie di giugno"),
])
def test_the_preview_panel_renders_email_and_plain_text(admin_client, mode, content_type, expected):
    issue = publish_issue()
    url = f"/admin/snippets/newsletter/newsletterissue/preview/{issue.pk}/"

    response = admin_client.post(url, PREVIEW_FORM)
    assert response.json() == {"is_valid": True, "is_available": True}
    response = admin_client.get(url, {"mode": mode})

    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert expected in response.content.decode()


def test_the_edit_screen_offers_translate_and_sending_in_its_header(admin_client):
    issue = publish_issue()

    response = admin_client.get(f"/admin/snippets/newsletter/newsletterissue/edit/{issue.pk}/")

    assert response.status_code == 200
    header = response.content.decode().split("<form")[0]  # the slim header, before the editing form
    translate_url = f"/admin/localize/submit/snippet/newsletter/newsletterissue/{issue.pk}/"
    assert f'href="{translate_url}"' in header
    assert f'href="{sending_url(issue)}"' in header


def test_the_listing_shows_status_tags_not_booleans(admin_client):
    publish_issue()
    draft = publish_issue(subject="Notizie di giugno")
    type(draft).objects.filter(pk=draft.pk).update(live=False)

    response = admin_client.get("/admin/snippets/newsletter/newsletterissue/")

    content = response.content.decode()
    assert ">True<" not in content and ">False<" not in content
    statuses = re.findall(r'<span class="w-status(?: w-status--primary)?">\s*([^<]+?)\s*</span>', content)
    assert sorted(statuses) == sorted([str(_("live")), str(_("draft"))])
