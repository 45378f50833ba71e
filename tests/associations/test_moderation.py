"""Members submit, regional editors approve or reject with a comment, members hear back, only approved
revisions go live; everything members do is in the audit log the editors read."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from associations.moderation import ASSOCIATION_WORKFLOW_NAME
from content_models.models import AssociationPage, EventPage
from tests.factories import EventPageFactory

from .forms import association_page_data


def submit(client, page, **changes):
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", association_page_data(page, **{"action-submit": "1", **changes})
    )
    assert response.status_code == 302, response.content[:2000]
    return WorkflowState.objects.active().get(object_id=str(page.pk))


def test_submission_goes_to_the_regional_editors(world, client, django_capture_on_commit_callbacks):
    client.force_login(world.member_a)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        state = submit(client, world.page_a, title="Alfa, nuova descrizione")
    assert state.workflow.name == ASSOCIATION_WORKFLOW_NAME and state.requested_by == world.member_a
    page = AssociationPage.objects.get(pk=world.page_a.pk)
    assert page.title == "Associazione Alfa"  # not live yet
    assert any(world.editor.email in message.to for message in mail.outbox)

    # The editors' queue and dashboard list it; members have no access to the queue.
    client.force_login(world.editor)
    queue = client.get("/admin/associations/changes/").content.decode()
    assert "Alfa, nuova descrizione" in queue
    assert "Alfa, nuova descrizione" in client.get("/admin/").content.decode()


def test_approval_publishes_and_tells_the_member(world, client, django_capture_on_commit_callbacks):
    client.force_login(world.member_a)
    state = submit(client, world.page_a, title="Alfa approvata")
    client.force_login(world.editor)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/pages/workflow/action/{world.page_a.pk}/approve/{state.current_task_state.pk}/",
            {"comment": ""},
        )
    assert response.status_code in {200, 302}
    page = AssociationPage.objects.get(pk=world.page_a.pk)
    assert page.live and page.title == "Alfa approvata" and not page.has_unpublished_changes
    assert page.live_revision.user == world.member_a
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert [message.to for message in mail.outbox] == [[world.member_a.email]]


def test_rejection_keeps_the_live_page_and_sends_the_comment(
    world, client, django_capture_on_commit_callbacks
):
    client.force_login(world.member_a)
    state = submit(client, world.page_a, title="Alfa da rivedere")
    client.force_login(world.editor)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/pages/workflow/action/{world.page_a.pk}/reject/{state.current_task_state.pk}/",
            {"comment": "Aggiungete gli orari di apertura, per favore."},
        )
    page = AssociationPage.objects.get(pk=world.page_a.pk)
    assert page.title == "Associazione Alfa" and page.live
    assert TaskState.objects.get(pk=state.current_task_state.pk).status == TaskState.STATUS_REJECTED
    [message] = mail.outbox
    assert message.to == [world.member_a.email]
    assert "Aggiungete gli orari di apertura" in message.body


def test_a_member_cannot_approve_their_own_submission(world, client):
    client.force_login(world.admin_a)
    state = submit(client, world.page_a, title="Auto-approvata")
    response = client.post(
        f"/admin/pages/workflow/action/{world.page_a.pk}/approve/{state.current_task_state.pk}/",
        {"comment": ""},
    )
    assert response.status_code in {302, 403}
    assert AssociationPage.objects.get(pk=world.page_a.pk).title == "Associazione Alfa"
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_members_changes_are_in_the_audit_log_for_editors(world, client):
    client.force_login(world.member_a)
    submit(client, world.page_a, title="Alfa nel registro")
    actions = set(
        PageLogEntry.objects.filter(page_id=world.page_a.pk, user=world.member_a).values_list(
            "action", flat=True
        )
    )
    assert {"wagtail.edit", "wagtail.workflow.start"} <= actions

    client.force_login(world.editor)
    history = client.get("/admin/reports/site-history/")
    assert history.status_code == 200
    assert "Alfa nel registro" in history.content.decode()
    assert client.get(f"/admin/pages/{world.page_a.pk}/history/").status_code == 200


def test_translations_of_a_profile_are_moderated_and_scoped(
    world, client, locales, django_capture_on_commit_callbacks
):
    """An editor requests a translation (wagtail-localize); A's members may edit it, B's may not."""
    client.force_login(world.editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/localize/submit/page/{world.page_a.pk}/",
            {"locales": [locales["en"].pk], "include_subtree": "on"},
        )
    assert response.status_code == 302
    translated = AssociationPage.objects.get(
        translation_key=world.page_a.translation_key, locale=locales["en"]
    )
    assert translated.get_workflow().name == ASSOCIATION_WORKFLOW_NAME

    client.force_login(world.member_a)
    assert client.get(f"/admin/pages/{translated.pk}/edit/").status_code == 200
    client.force_login(world.admin_b)
    response = client.get(f"/admin/pages/{translated.pk}/edit/")
    assert response.status_code == 302 and response["Location"] == "/admin/"


@pytest.mark.parametrize("user", ["member_a", "admin_a"])
def test_member_dashboard_shows_their_association_only(world, client, user):
    client.force_login(getattr(world, user))
    content = client.get("/admin/").content.decode()
    assert "Associazione Alfa" in content and world.event_a.title in content
    assert "Associazione Beta" not in content and world.service_page.title not in content
    assert ("La mia associazione" in content) is (user == "admin_a")


def test_the_review_queue_links_each_change_to_its_diff_with_the_live_version(world, client):
    """Issue 12, item 7: reviewers could not see what changed."""
    client.force_login(world.member_a)
    profile_state = submit(client, world.page_a, title="Alfa, nuovo titolo")
    new_event = world.page_a.add_child(instance=EventPage(
        title="Cena multiculturale", start=timezone.now() + datetime.timedelta(days=3),
        venue_name="Circolo", municipality="Genova", summary="Una cena.",
    ))
    new_event.save_revision(user=world.member_a)
    event_state = new_event.get_workflow().start(new_event, world.member_a)

    client.force_login(world.editor)
    for url in ("/admin/associations/changes/", "/admin/"):
        content = client.get(url).content.decode()
        revision = profile_state.current_task_state.revision_id
        compare = f"/admin/pages/{world.page_a.pk}/revisions/compare/live...{revision}/"
        assert f'href="{compare}"' in content, url
        assert f'/admin/pages/workflow/preview/{new_event.pk}/{event_state.current_task_state.task_id}/' in content
    diff = client.get(compare)
    assert diff.status_code == 200
    assert "Alfa, nuovo titolo" in diff.content.decode() and "Associazione Alfa" in diff.content.decode()


def test_your_events_come_in_date_order(world, client):
    now = timezone.now()
    for title, days in (("Tra un mese", 30), ("Domani", 1), ("Ieri", -1), ("Un anno fa", -365)):
        EventPageFactory(parent=world.page_a, title=title, start=now + datetime.timedelta(days=days))
    client.force_login(world.member_a)
    content = client.get("/admin/").content.decode()
    expected = ["Domani", world.event_a.title, "Tra un mese", "Ieri", "Un anno fa"]  # coming, then past
    assert sorted(expected, key=content.index) == expected
