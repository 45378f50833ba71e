"""Inviting a member never tells an association's administrator whether an address already has an account.

Whoever the address belongs to (a regional editor, a member of another association, a former member, nobody), the
administrator of A sees the same answer; the address's owner is told someone tried (in fixed words), the editors
find it in the audit log, and no account changes hands. A regional editor, who manages accounts, is told plainly.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core import mail
from wagtail.models import ModelLogEntry

from associations.models import Membership

from tests.admin_client import csrf_client
from tests.attempts import tried


def _invite(client, association, email):
    response = client.post(
        f"/admin/associations/list/{association.pk}/", {"action": "invite", "email": email, "role": "member"}
    )
    return response, [str(message) for message in get_messages(response.wsgi_request)]


@pytest.mark.parametrize("owner", ["nobody", "regional editor", "member of B", "administrator of B"])
def test_the_answer_is_the_same_whoever_owns_the_address(world, owner, django_capture_on_commit_callbacks):
    email = {
        "nobody": "nuova@example.org",
        "regional editor": world.editor.email,
        "member of B": world.admin_b.email,
        "administrator of B": world.admin_b.email.upper(),
    }[owner]
    client = csrf_client(world.admin_a)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response, messages = _invite(client, world.a, email)
    tried("member invitations probing for existing accounts")
    assert response.status_code == 302
    assert messages == [f"Invitation sent to {email}."] or messages == [f"Invito inviato a {email}."], messages
    [message] = mail.outbox
    assert message.to == [email.lower()]
    if owner == "nobody":
        assert Membership.objects.filter(association=world.a, user__email=email).exists()
    else:
        assert "nothing has changed" in message.body or "non è cambiato nulla" in message.body
        user = get_user_model().objects.get(email__iexact=email)
        assert not Membership.objects.filter(association=world.a, user=user).exists()
        assert ModelLogEntry.objects.filter(action="associations.member_invite_taken").exists()


def test_a_regional_editor_is_told_plainly(world):
    client = csrf_client(world.editor)
    response, messages = _invite(client, world.a, world.admin_b.email)
    assert response.status_code == 302
    assert any("already exists" in text.lower() or "esiste già" in text.lower() for text in messages), messages
