"""Unsubscribe requests sent by email to the List-Unsubscribe mailto (RFC 2369).

The header reads `<mailto:NEWSLETTER_UNSUBSCRIBE_MAILTO?subject=unsubscribe%20<key>>` (newsletter.rendering.links):
a mail client sends a message whose Subject is "unsubscribe <key>". The key is the same 256-bit bearer credential
as in the HTTPS one-click link, so the sender's address is not checked (forwarders and aliases change it).
A message without a valid key is dropped with a log line and never answered: replying would send backscatter to
whoever forged the sender.
"""

import logging
import re
from email.message import EmailMessage

from . import services

logger = logging.getLogger(__name__)

# secrets.token_urlsafe(32): 43 characters of [A-Za-z0-9_-]; accept the column's 64 to stay future-proof.
_TOKEN = re.compile(r"\bunsubscribe[\s:+]+([A-Za-z0-9_-]{20,64})(?![A-Za-z0-9_-])", re.IGNORECASE)


def unsubscribe_token(message: EmailMessage) -> str | None:
    """The key from the Subject, else from the plain-text body (some clients move the subject there)."""
    candidates = [str(message.get("Subject", ""))]
    body = message.get_body(preferencelist=("plain",))
    if body is not None:
        try:
            candidates.append(body.get_content()[:10_000])
        except (LookupError, ValueError):  # unknown charset or broken encoding: the subject is what counts
            pass
    for text in candidates:
        match = _TOKEN.search(text)
        if match:
            return match.group(1)
    return None


def mail_unsubscribe(*, message: EmailMessage) -> bool:
    """Apply one unsubscribe mail. Idempotent. Returns whether it carried a valid key."""
    reference = str(message.get("Message-ID", "")).strip() or "(no Message-ID)"
    # Auto-Submitted is not used to filter: some providers send the unsubscribe mail themselves, and mail
    # without a valid key (auto-replies, bounces, spam) is dropped below anyway.
    key = unsubscribe_token(message)
    if key is None or services.subscriber_by_key(key) is None:
        # Logged without the sender: addresses are personal data and do not belong in logs.
        logger.warning("Newsletter unsubscribe mail %s ignored: no valid unsubscribe token", reference)
        return False
    services.subscriber_unsubscribe(key=key)
    logger.info("Newsletter unsubscribe mail %s applied", reference)
    return True
