"""The signup's emails carry none of the requester's words: the address they give is not verified.

An attacker asks to join with someone else's address and a name, an association name and a message that make a
phishing lure ("your account is blocked, log in at ..."). The acknowledgement sent from the Region's address to
that address, and a later rejection, say only our fixed text (and the editor's own note); the regional editors,
who review the request, see all of it. Through the public mutation, as a portal sends it, in every language.
"""

import re

import pytest
from django.core import mail
from django.core.cache import cache

from tests.attempts import tried

LURE = "URGENTE account bloccato: accedi su https://regione-liguria.example.net/login"
MUTATION = """
mutation ($input: RequestAssociationAccountInput!) {
  requestAssociationAccount(input: $input) { ok errors { field code } }
}
"""
LANGUAGES = ["it", "en", "fr", "es", "ar", "sq", "ro", "zh-hans", "uk"]


@pytest.fixture(autouse=True)
def _rate_limits_reset():
    cache.clear()  # the mutation's per-address limit (3 an hour) would refuse the fourth language


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_acknowledgement_echoes_nothing_the_requester_wrote(client, editor, language,
                                                                django_capture_on_commit_callbacks):
    variables = {"input": {
        "associationName": LURE, "municipality": LURE[:60], "contactName": LURE[:100],
        "email": "vittima@example.org", "message": LURE, "language": language,
    }}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/graphql/", {"query": MUTATION, "variables": variables}, content_type="application/json")
    assert response.json()["data"]["requestAssociationAccount"]["ok"] is True, response.json()
    tried("signup acknowledgement with attacker text")
    [acknowledgement] = [message for message in mail.outbox if message.to == ["vittima@example.org"]]
    text = acknowledgement.subject + acknowledgement.body
    assert "URGENTE" not in text and "regione-liguria.example.net" not in text
    assert not re.search(r"https?://", text), "no link at all in a message to an unverified address"
    [to_editors] = [message for message in mail.outbox if editor.email in message.to]
    assert "URGENTE" in to_editors.body  # the reviewers see what was asked


def test_the_rejection_echoes_nothing_either(client, editor, django_capture_on_commit_callbacks):
    from associations import services

    with django_capture_on_commit_callbacks(execute=True):
        request = services.account_request_create(
            association_name=LURE, municipality="Genova", contact_name=LURE[:100], email="vittima@example.org"
        )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.account_request_reject(account_request=request, reviewed_by=editor, comment="Richiesta non valida.")
    [message] = mail.outbox
    tried("signup acknowledgement with attacker text")
    assert "URGENTE" not in message.subject + message.body and "Richiesta non valida." in message.body
