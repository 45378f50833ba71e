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
        # An IPv4 client seen through a dual-stack socket (::ffff:a.b.c.d) is that IPv4 address, not a /64 that
        # every IPv4 client on earth would share.
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    return str(address)


def client_network_of(request) -> str | None:
    """client_network(client_ip(request)), or None without a valid address (a request made in code, such as
    Django's force_login): what login throttling (django-axes) stores in an address column, and keys on."""
    network = client_network(client_ip(request))
    return None if network == "unknown" else network
