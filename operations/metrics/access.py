"""Who may read /metrics/: a bearer token (METRICS_TOKEN) or an address in METRICS_ALLOWED_NETWORKS."""

import enum
import hmac
import ipaddress
from functools import lru_cache

from django.conf import settings

from cms.client_ip import client_ip


class Access(enum.Enum):
    DISABLED = "disabled"  # neither a token nor networks configured: the endpoint does not exist
    DENIED = "denied"
    ALLOWED = "allowed"


@lru_cache(maxsize=8)
def _networks(cidrs: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(cidr.strip(), strict=False) for cidr in cidrs if cidr.strip())


def _in_networks(address: str, cidrs: tuple[str, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    if ip.version == 6 and ip.ipv4_mapped:  # ::ffff:10.0.0.5 is 10.0.0.5
        ip = ip.ipv4_mapped
    return any(ip in network for network in _networks(cidrs))


def metrics_access(request) -> Access:
    token = settings.METRICS_TOKEN
    cidrs = tuple(settings.METRICS_ALLOWED_NETWORKS)
    if not token and not cidrs:
        return Access.DISABLED
    if token:
        scheme, _, given = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
        if scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode()):
            return Access.ALLOWED
    # The address as the rest of the CMS sees it (CLIENT_IP_HEADER behind a proxy): docs/operations.md.
    if cidrs and _in_networks(client_ip(request), cidrs):
        return Access.ALLOWED
    return Access.DENIED
