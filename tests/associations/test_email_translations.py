"""Onboarding emails are written in the language of the request (catalogues in locale/)."""

import pytest
from django.core import mail

from associations import emails, services

pytestmark = pytest.mark.django_db

REQUEST = {"association_name": "Associazione Senegalesi di Genova", "municipality": "Genova",
           "contact_name": "Awa Diop", "email": "awa.diop@example.org"}


@pytest.mark.parametrize(
    ("language", "subject", "body"),
    [
        ("it", "abbiamo ricevuto la Sua richiesta", "La redazione di InterAzioni - Regione Liguria"),
        ("fr", "nous avons reçu votre demande", "La rédaction d'InterAzioni - Regione Liguria"),
        ("ar", "وصلنا طلبك", "فريق تحرير InterAzioni - إقليم ليغوريا"),
        ("en", "we have received your request", "The InterAzioni editorial team - Regione Liguria"),
    ],
)
def test_acknowledgement_in_the_language_of_the_request(language, subject, body, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.account_request_create(**REQUEST, language=language)
    [message] = mail.outbox
    assert subject in message.subject and body in message.body


def test_rejection_in_arabic(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        request = services.account_request_create(**REQUEST, language="ar")
    mail.outbox.clear()
    emails.rejection_send(account_request=request)
    [message] = mail.outbox
    assert "مرحبًا،" in message.body and "مع أطيب التحيات،" in message.body
    assert "Hello" not in message.body and "Buongiorno" not in message.body
