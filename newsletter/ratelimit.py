"""Per-IP and per-address limits on the public subscription endpoints, counted in the cache by django-ratelimit.

Keys are keyed hashes, never raw addresses. Counting happens before any lookup, so a limit answers the same
for an address we know and one we do not.
"""

from django.conf import settings
from django.utils.crypto import salted_hmac
from django_ratelimit.core import is_ratelimited

from cms.client_ip import client_ip, client_network  # noqa: F401  (client_ip re-exported for the API layer)


def keyed_hash(purpose: str, value: str) -> str:
    return salted_hmac(f"newsletter.{purpose}", value).hexdigest()


def _hit(group: str, value: str, rate: str) -> bool:
    # django-ratelimit's core takes a request only to match methods and build the key; with a callable key and
    # the default method=ALL it never reads it, which lets services rate-limit without an HttpRequest.
    return is_ratelimited(None, group=group, key=lambda _group, _request: value, rate=rate, increment=True)


def ip_limited(action: str, ip: str) -> bool:
    return _hit(f"newsletter.{action}.ip", client_network(ip), settings.NEWSLETTER_RATE_LIMIT_IP)


def email_limited(action: str, email: str) -> bool:
    return _hit(f"newsletter.{action}.email", keyed_hash("email", email.lower()), settings.NEWSLETTER_RATE_LIMIT_EMAIL)


def ip_hash(ip: str) -> str:
    """Stored with a consent: proves which network a request came from without keeping the address."""
    return keyed_hash("ip", ip) if ip else ""
