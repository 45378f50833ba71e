"""Password guessing is slowed, and the slowing cannot be turned against the people it protects.

Admin login (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one username from one client network, that
pair is refused (429), even with the right password, until the pause ends. The same editor logs in from their own
network meanwhile. A guesser cannot escape by hopping within an IPv6 /64, nor by writing an IPv4 address as
IPv4-mapped IPv6. Protected documents: guesses at a collection's password are limited per client network and per
collection.
"""

import pytest
from django.contrib.auth import SESSION_KEY, get_user_model
from django.core.cache import cache
from wagtail.models import Collection, CollectionViewRestriction

from tests.admin_client import CsrfClient
from tests.attempts import tried
from tests.factories import DocumentFactory

PASSWORD = "una-password-lunga-e-giusta-42"


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("redattrice", "redattrice@example.org", PASSWORD, is_superuser=True)
    return user


def _login(ip: str, password: str):
    client = CsrfClient(REMOTE_ADDR=ip)
    response = client.post("/admin/login/", {"username": "redattrice", "password": password})
    return response, SESSION_KEY in client.session


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.mark.django_db
def test_thirty_wrong_passwords_then_the_right_one_is_refused(editor, settings):
    statuses = [_login("203.0.113.7", f"sbagliata-{n}")[0].status_code for n in range(30)]
    tried("admin login guesses", 31)
    assert statuses[: settings.AXES_FAILURE_LIMIT - 1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert set(statuses[settings.AXES_FAILURE_LIMIT:]) == {429}
    response, logged_in = _login("203.0.113.7", PASSWORD)
    assert response.status_code == 429 and not logged_in


@pytest.mark.django_db
def test_the_guesser_cannot_lock_the_editor_out(editor):
    for n in range(10):
        _login("203.0.113.7", f"sbagliata-{n}")
    response, logged_in = _login("198.51.100.20", PASSWORD)  # the editor, from the Region's network
    assert logged_in, response.status_code


@pytest.mark.django_db
@pytest.mark.parametrize(
    "addresses",
    [
        ["2001:db8:1:2::1", "2001:db8:1:2::ffff", "2001:db8:1:2:abcd::7"],  # one /64
        ["203.0.113.9", "::ffff:203.0.113.9", "::ffff:cb00:7109"],  # one IPv4 address, three spellings
    ],
)
def test_hopping_addresses_within_one_client_changes_nothing(editor, settings, addresses):
    for n in range(settings.AXES_FAILURE_LIMIT):
        _login(addresses[n % len(addresses)], f"sbagliata-{n}")
    tried("admin login guesses", settings.AXES_FAILURE_LIMIT + len(addresses))
    for address in addresses:
        response, logged_in = _login(address, PASSWORD)
        assert response.status_code == 429 and not logged_in, address


@pytest.fixture
def protected_document(db):
    collection = Collection.get_first_root_node().add_child(name="Con password")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type="password", password="sesamo-apriti"
    )
    return DocumentFactory(collection=collection), restriction


def _guess(restriction, ip: str, password: str):
    client = CsrfClient(REMOTE_ADDR=ip)
    client.get(f"/documents/authenticate_with_password/{restriction.pk}/")
    return client.post(
        f"/documents/authenticate_with_password/{restriction.pk}/", {"password": password, "return_url": "/"}
    )


@pytest.mark.django_db
def test_document_password_guesses_are_limited(protected_document, settings):
    _document, restriction = protected_document
    settings.MEDIA_PASSWORD_RATE_LIMIT_IP = "10/15m"
    statuses = [_guess(restriction, "203.0.113.7", f"sbagliata-{n}").status_code for n in range(50)]
    tried("document password guesses", 51)
    assert statuses[:10] == [200] * 10 and set(statuses[10:]) == {429}
    assert _guess(restriction, "203.0.113.7", "sesamo-apriti").status_code == 429
    assert _guess(restriction, "198.51.100.20", "sesamo-apriti").status_code == 302  # someone else, elsewhere


@pytest.mark.django_db
def test_document_password_guesses_from_many_networks_are_limited_too(protected_document, settings):
    _document, restriction = protected_document
    settings.MEDIA_PASSWORD_RATE_LIMIT_RESTRICTION = "20/h"
    statuses = [_guess(restriction, f"203.0.113.{n}", "sbagliata").status_code for n in range(25)]
    tried("document password guesses", 25)
    assert set(statuses[20:]) == {429}
