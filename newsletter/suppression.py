"""The suppression list: addresses that refused the newsletter, kept as keyed hashes that survive erasure.

While a subscriber exists, their status says whether they may be mailed. When they are erased (GDPR art. 17)
with a refusing status (unsubscribed, bounced, complained), or when a provider reports a hard bounce or a
complaint for an address we no longer hold, only HMAC(secret, normalised address) stays here, with the reason
and the date. The hash cannot be read back into an address, but the same address hashes the same way, so
`subscribeNewsletter` can recognise it (without telling the caller anything).

Policy (docs/newsletter.md): bounced and complained stay suppressed until the office lifts them; an
unsubscribe-only suppression is lifted by a new, confirmed double opt-in, because confirming proves the person
controls the mailbox and wants the newsletter again.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import Suppression

Reason = Suppression.Reason
# A stronger reason replaces a weaker one, never the reverse: a complaint outranks a bounce, which outranks leaving.
_RANK = {Reason.UNSUBSCRIBED: 0, Reason.BOUNCED: 1, Reason.COMPLAINED: 2}


def address_hash(email: str) -> str:
    """HMAC-SHA256 of the normalised (trimmed, lower-cased) address with NEWSLETTER_SUPPRESSION_SECRET.

    A dedicated secret (falling back to SECRET_KEY) lets SECRET_KEY rotate without emptying the list.
    """
    secret = getattr(settings, "NEWSLETTER_SUPPRESSION_SECRET", "") or settings.SECRET_KEY
    return salted_hmac("newsletter.suppression", email.strip().lower(), secret=secret, algorithm="sha256").hexdigest()


def suppression_reason(email: str) -> str | None:
    """Why this address must not be mailed, or None."""
    return Suppression.objects.filter(address_hash=address_hash(email)).values_list("reason", flat=True).first()


def suppression_add(*, email: str, reason: str, now=None) -> None:
    """Suppress an address; an existing entry only ever gets a stronger reason."""
    now = now or timezone.now()
    with transaction.atomic():
        entry, created = Suppression.objects.select_for_update().get_or_create(
            address_hash=address_hash(email), defaults={"reason": reason, "suppressed_at": now}
        )
        if not created and _RANK[reason] > _RANK[entry.reason]:
            entry.reason, entry.suppressed_at = reason, now
            entry.save(update_fields=["reason", "suppressed_at"])


def suppression_lift_unsubscribe(*, email: str) -> None:
    """A confirmed double opt-in lifts an unsubscribe-only suppression (never a bounce or a complaint)."""
    Suppression.objects.filter(address_hash=address_hash(email), reason=Reason.UNSUBSCRIBED).delete()


def suppression_lift(*, email: str) -> bool:
    """The office lifts any suppression (e.g. a bounce that was the provider's mistake). Returns whether one existed."""
    deleted, _detail = Suppression.objects.filter(address_hash=address_hash(email)).delete()
    return bool(deleted)
