"""The client's address behind our own reverse proxy, for rate limits and consent records."""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    """REMOTE_ADDR, or the last hop of the header our proxy sets (CLIENT_IP_HEADER, e.g. HTTP_X_FORWARDED_FOR).

    Never the first hop: the client writes that one itself. CLIENT_IP_HEADER=REMOTE_ADDR names the direct peer.
    """
    header = settings.CLIENT_IP_HEADER
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def client_network(ip: str) -> str:
    """What a per-client rate limit counts: the address, or its whole /64 for IPv6 (one client owns it all)."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return "unknown"
    if address.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    return str(address)
