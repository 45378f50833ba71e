"""Email messages: a personalised newsletter message with its list headers, and subscriber notices."""

from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.utils import DNS_NAME

from .rendering import Edition
from .rendering.links import PersonalLinks, unsubscribe_mailto


def message_domain() -> str:
    _name, address = parseaddr(settings.NEWSLETTER_FROM_EMAIL)
    return address.rpartition("@")[2] or str(DNS_NAME)


def delivery_message_id(issue_id: int, delivery_id: int) -> str:
    # Stable per delivery: if a message whose outcome was lost is sent again (see docs/newsletter.md, resume
    # policy), it carries the same Message-ID, which lets mailbox providers collapse the duplicate.
    return f"<newsletter.{issue_id}.{delivery_id}@{message_domain()}>"


def newsletter_message(
    *, edition: Edition, links: PersonalLinks, to: str, message_id: str, mailto: str | None = None,
    connection=None,
) -> EmailMultiAlternatives:
    html, text = edition.personalise(links)
    unsubscribe = f"<{links.unsubscribe_url}>" + (f", <{mailto}>" if mailto else "")
    headers = {
        "Message-ID": message_id,
        # RFC 2369 and RFC 8058: mailbox providers show an unsubscribe button and POST to the HTTPS link.
        "List-Unsubscribe": unsubscribe,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": settings.NEWSLETTER_LIST_ID,
        "Content-Language": edition.language.code,
        "Precedence": "bulk",
        "Auto-Submitted": "auto-generated",
    }
    message = EmailMultiAlternatives(
        subject=edition.subject, body=text, from_email=settings.NEWSLETTER_FROM_EMAIL, to=[to],
        reply_to=settings.NEWSLETTER_REPLY_TO or None, headers=headers, connection=connection,
    )
    message.attach_alternative(html, "text/html")
    return message


def subscriber_mailto(key: str) -> str | None:
    return unsubscribe_mailto(key)
