"""The regional editors' screens: reviewing requests, managing an association, inviting members."""

import pytest
from django.core import mail

from associations import services
from associations.models import Association, AssociationAccountRequest, Membership


@pytest.fixture
def pending(db):
    return services.account_request_create(
        association_name="Associazione Gamma",
        municipality="Imperia",
        contact_name="Li Wei",
        email="li@gamma.org",
    )


def test_editor_approves_from_the_review_screen(world, pending, client, django_capture_on_commit_callbacks):
    client.force_login(world.editor)
    listing = client.get("/admin/associations/requests/")
    assert listing.status_code == 200 and "Associazione Gamma" in listing.content.decode()
    assert client.get(f"/admin/associations/requests/{pending.pk}/").status_code == 200
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/associations/requests/{pending.pk}/", {"action": "approve", "page": ""}
        )
    association = Association.objects.get(name="Associazione Gamma")
    assert (
        response.status_code == 302 and response["Location"] == f"/admin/associations/list/{association.pk}/"
    )
    assert [message.to for message in mail.outbox] == [["li@gamma.org"]]
    manage = client.get(response["Location"]).content.decode()
    assert "li@gamma.org" in manage and "Disattiva l" in manage  # the admin speaks Italian by default


def test_editor_rejects_with_a_note(world, pending, client, django_capture_on_commit_callbacks):
    client.force_login(world.editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/associations/requests/{pending.pk}/",
            {"action": "reject", "comment": "Serve lo statuto."},
        )
    pending.refresh_from_db()
    assert (
        pending.status == AssociationAccountRequest.Status.REJECTED
        and pending.review_comment == "Serve lo statuto."
    )
    assert "Serve lo statuto." in mail.outbox[-1].body


def test_members_cannot_review_requests(world, pending, client):
    client.force_login(world.admin_a)
    response = client.post(f"/admin/associations/requests/{pending.pk}/", {"action": "approve", "page": ""})
    assert response.status_code in {302, 403}
    pending.refresh_from_db()
    assert pending.is_pending


def test_association_admin_invites_a_member(world, client, django_capture_on_commit_callbacks):
    client.force_login(world.admin_a)
    assert client.get("/admin/associations/mine/")["Location"] == f"/admin/associations/list/{world.a.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/associations/list/{world.a.pk}/",
            {"action": "invite", "email": "terzo@alfa.org", "first_name": "Terzo", "role": "member"},
        )
    membership = Membership.objects.get(user__email="terzo@alfa.org")
    assert membership.association == world.a and membership.invited_by == world.admin_a
    assert "/admin/password_reset/confirm/" in mail.outbox[-1].body


def test_editor_disables_and_enables_from_the_screen(world, client):
    client.force_login(world.editor)
    client.post(f"/admin/associations/list/{world.b.pk}/", {"action": "disable"})
    world.b.refresh_from_db()
    assert not world.b.is_active
    client.post(f"/admin/associations/list/{world.b.pk}/", {"action": "enable"})
    world.b.refresh_from_db()
    assert world.b.is_active
