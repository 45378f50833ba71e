"""Onboarding, members and offboarding, through associations.services."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import GroupCollectionPermission, GroupPagePermission, ModelLogEntry

from associations import services
from associations.models import Association, AssociationAccountRequest, Membership
from associations.moderation import (
    ASSOCIATION_WORKFLOW_NAME,
    REGIONAL_EDITORS_GROUP_NAME,
    moderation_setup_ensure,
    regional_editors_group_ensure,
)
from content_models.models import AssociationIndexPage, AssociationPage
from tests.factories import AssociationPageFactory
from tests.factories.associations import PASSWORD
from tests.auth import admin_login

User = get_user_model()

REQUEST = {
    "association_name": "Associazione Senegalesi di Genova",
    "municipality": "Genova",
    "contact_name": "Awa Diop",
    "email": "Awa.Diop@Example.org",
    "fiscal_code": "95012345678",
    "message": "Siamo un'associazione di volontari.",
}


@pytest.fixture
def account_request(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.account_request_create(**REQUEST)


def test_request_is_recorded_and_acknowledged(account_request, editor):
    assert account_request.status == AssociationAccountRequest.Status.PENDING
    assert account_request.email == "awa.diop@example.org"
    # The requester is told we have it; the regional editors were not in the group yet when it arrived.
    assert [message.to for message in mail.outbox] == [["awa.diop@example.org"]]


def test_regional_editors_are_told_of_a_new_request(editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        account_request = services.account_request_create(**REQUEST)
    to_editors = [message for message in mail.outbox if editor.email in message.to]
    assert len(to_editors) == 1
    assert f"/admin/associations/requests/{account_request.pk}/" in to_editors[0].body


def test_a_second_request_while_pending_changes_nothing(account_request):
    again = services.account_request_create(**{**REQUEST, "message": "Di nuovo"})
    assert again.pk == account_request.pk
    assert AssociationAccountRequest.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "changes, field",
    [
        ({"email": "not-an-email"}, "email"),
        ({"fiscal_code": "123"}, "fiscal_code"),
        ({"association_name": "  "}, "association_name"),
        ({"language": "de"}, "language"),
    ],
)
def test_invalid_requests_are_refused(changes, field):
    with pytest.raises(ValidationError) as error:
        services.account_request_create(**{**REQUEST, **changes})
    assert field in error.value.message_dict
    assert not AssociationAccountRequest.objects.exists()


def test_approval_creates_group_collection_draft_page_and_invited_admin(
    account_request, editor, sections, django_capture_on_commit_callbacks, client
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        association = services.account_request_approve(account_request=account_request, reviewed_by=editor)

    account_request.refresh_from_db()
    assert account_request.status == AssociationAccountRequest.Status.APPROVED
    assert account_request.association == association and account_request.reviewed_by == editor

    page = association.page.specific
    assert isinstance(page, AssociationPage) and not page.live and page.title == REQUEST["association_name"]
    assert page.get_parent().specific_class is AssociationIndexPage
    assert association.collection.get_parent().name == "Associazioni"
    # The group's page permissions are add and change on the profile only: no publish, nowhere else.
    assert {
        (p.page_id, p.permission.codename)
        for p in GroupPagePermission.objects.filter(group=association.group)
    } == {(page.pk, "add_page"), (page.pk, "change_page")}
    assert set(
        GroupCollectionPermission.objects.filter(group=association.group).values_list(
            "collection_id", flat=True
        )
    ) == {association.collection_id}

    membership = Membership.objects.get(association=association)
    user = membership.user
    assert membership.role == Membership.Role.ADMIN
    assert (user.username, user.first_name, user.last_name) == ("awa.diop@example.org", "Awa", "Diop")
    assert not user.has_usable_password()
    assert ModelLogEntry.objects.filter(action="associations.request_approve", user=editor).exists()

    # The invitation's link lets the member choose a password, and then log in.
    [invitation] = mail.outbox
    assert invitation.to == ["awa.diop@example.org"]
    link = re.search(r"http://\S+/admin/password_reset/confirm/\S+/", invitation.body).group(0)
    path = link.split("127.0.0.1:8000", 1)[1]
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else path,
        {"new_password1": "Una-password-lunga-2025", "new_password2": "Una-password-lunga-2025"},
    )
    assert response.status_code == 302
    assert admin_login(client, "awa.diop@example.org", "Una-password-lunga-2025")


def test_approval_can_link_an_existing_profile(account_request, editor, sections):
    existing = AssociationPageFactory(parent=sections[AssociationIndexPage], title="Senegalesi di Genova")
    association = services.account_request_approve(
        account_request=account_request, reviewed_by=editor, page=existing
    )
    assert association.page_id == existing.pk
    assert AssociationPage.objects.count() == 1
    existing.refresh_from_db()
    assert existing.live  # linking never unpublishes


def test_a_request_is_reviewed_once(account_request, editor):
    services.account_request_reject(account_request=account_request, reviewed_by=editor)
    with pytest.raises(ValidationError):
        services.account_request_approve(account_request=account_request, reviewed_by=editor)


def test_only_regional_editors_review(account_request, world):
    for user in (world.admin_a, world.member_a):
        with pytest.raises(PermissionDenied):
            services.account_request_approve(account_request=account_request, reviewed_by=user)
        with pytest.raises(PermissionDenied):
            services.account_request_reject(account_request=account_request, reviewed_by=user)


def test_rejection_sends_a_polite_email_with_the_note(
    account_request, editor, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.account_request_reject(
            account_request=account_request, reviewed_by=editor, comment="Manca lo statuto dell'associazione."
        )
    account_request.refresh_from_db()
    assert account_request.status == AssociationAccountRequest.Status.REJECTED
    [message] = mail.outbox
    assert message.to == ["awa.diop@example.org"]
    # The request was made in Italian: the answer is in Italian.
    assert "Manca lo statuto" in message.body and "Buongiorno," in message.body
    assert "Awa Diop" not in message.body  # the unverified requester's words are not sent back (test_signup_mail)
    assert not Association.objects.exists() and not User.objects.filter(email="awa.diop@example.org").exists()


# --- Members ------------------------------------------------------------------------------------------------


def test_an_association_admin_invites_members_of_their_own_association_only(world):
    membership = services.membership_invite(
        association=world.a, email="nuovo@alfa.org", invited_by=world.admin_a
    )
    assert membership.user.groups.filter(pk=world.a.group_id).exists()
    with pytest.raises(PermissionDenied):
        services.membership_invite(association=world.b, email="intruso@beta.org", invited_by=world.admin_a)
    with pytest.raises(PermissionDenied):  # a plain member cannot invite
        services.membership_invite(association=world.a, email="altro@alfa.org", invited_by=world.member_a)


def test_an_email_has_one_account(world):
    with pytest.raises(ValidationError):
        services.membership_invite(association=world.a, email="ADMIN@beta.org", invited_by=world.editor)


def test_removing_a_member_deactivates_their_account(world, client):
    services.membership_remove(membership=world.member_a.association_membership, removed_by=world.admin_a)
    world.member_a.refresh_from_db()
    assert not world.member_a.is_active
    assert not admin_login(client, "socio@alfa.org", PASSWORD)


# --- Offboarding --------------------------------------------------------------------------------------------


def test_disabling_revokes_access_but_keeps_the_published_page(world, client):
    client.force_login(world.member_a)
    assert client.get(f"/admin/pages/{world.page_a.pk}/edit/").status_code == 200

    services.association_disable(association=world.a, disabled_by=world.editor)

    # The open session is dead, and logging in again fails.
    assert client.get(f"/admin/pages/{world.page_a.pk}/edit/").status_code == 302
    assert not admin_login(client, "socio@alfa.org", PASSWORD)
    assert not GroupPagePermission.objects.filter(group=world.a.group).exists()
    assert not GroupCollectionPermission.objects.filter(group=world.a.group).exists()
    page = AssociationPage.objects.get(pk=world.page_a.pk)
    assert page.live and world.event_a.live
    # Association B is untouched.
    assert admin_login(client, "admin@beta.org", PASSWORD)
    assert ModelLogEntry.objects.filter(action="associations.disable", user=world.editor).exists()

    # Editors can still unpublish the page themselves.
    client.force_login(world.editor)
    response = client.post(f"/admin/pages/{page.pk}/unpublish/", {"include_descendants": "on"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live

    services.association_enable(association=world.a, enabled_by=world.editor)
    assert admin_login(client, "socio@alfa.org", PASSWORD)


def test_only_editors_disable(world):
    with pytest.raises(PermissionDenied):
        services.association_disable(association=world.b, disabled_by=world.admin_a)


# --- Fixed parts --------------------------------------------------------------------------------------------


def test_setup_is_idempotent_and_covers_every_associations_section(sections):
    first = moderation_setup_ensure()
    second = moderation_setup_ensure()
    assert first.pk == second.pk and first.name == ASSOCIATION_WORKFLOW_NAME
    section = sections[AssociationIndexPage]
    assert section.get_workflow() == first
    group = regional_editors_group_ensure()
    assert group.name == REGIONAL_EDITORS_GROUP_NAME
    assert group.permissions.filter(codename="submit_translation").exists()
    assert list(first.tasks.specific()[0].groups.all()) == [group]
