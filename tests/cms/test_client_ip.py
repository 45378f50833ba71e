"""Which address a rate limit counts: the proxy's last hop, never what the client wrote itself."""

import pytest
from django.test import RequestFactory

from cms.client_ip import client_ip, client_network, client_network_of


@pytest.mark.parametrize(
    ("header", "meta", "expected"),
    [
        ("", {"REMOTE_ADDR": "198.51.100.7"}, "198.51.100.7"),
        ("REMOTE_ADDR", {"REMOTE_ADDR": "198.51.100.7"}, "198.51.100.7"),
        # The client may send its own X-Forwarded-For: our proxy appends the real peer last.
        ("HTTP_X_FORWARDED_FOR", {"HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.9", "REMOTE_ADDR": "10.0.0.2"}, "203.0.113.9"),
        ("HTTP_X_FORWARDED_FOR", {"REMOTE_ADDR": "10.0.0.2"}, "10.0.0.2"),
    ],
)
def test_client_ip_reads_the_configured_header(settings, header, meta, expected):
    settings.CLIENT_IP_HEADER = header
    request = RequestFactory().get("/", **meta)
    assert client_ip(request) == expected


@pytest.mark.parametrize(
    ("ip", "expected"),
    [
        ("203.0.113.9", "203.0.113.9"),
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::"),
        ("2001:db8:1:2:ffff::9", "2001:db8:1:2::"),
        ("not-an-address", "unknown"),
        # An IPv4 client through a dual-stack socket is its IPv4 address, not the /64 all of IPv4 would share.
        ("::ffff:203.0.113.9", "203.0.113.9"),
        ("::ffff:cb00:7109", "203.0.113.9"),
        ("::ffff:198.51.100.1", "198.51.100.1"),
    ],
)
def test_client_network_groups_ipv6_by_64(ip, expected):
    assert client_network(ip) == expected


def test_client_network_of_is_none_without_an_address(settings):
    """A request made in code (Django's force_login) has no address: django-axes stores None, never 'unknown',
    which an address column (PostgreSQL's inet) refuses."""
    settings.CLIENT_IP_HEADER = ""
    assert client_network_of(RequestFactory().get("/", REMOTE_ADDR="::ffff:203.0.113.9")) == "203.0.113.9"
    request = RequestFactory().get("/")
    del request.META["REMOTE_ADDR"]
    assert client_network_of(request) is None


def test_force_login_records_no_address(client, django_user_model):
    user = django_user_model.objects.create_user("nobody", password="x-long-password-9")
    client.force_login(user)
    assert client.get("/admin/").status_code in (200, 302)
