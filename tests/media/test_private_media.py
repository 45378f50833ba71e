"""Private files stay private, on S3 and on local disk: originals, documents, a private collection's renditions.

On S3 (moto's server) a private object opens only with a signature that expires; a public rendition opens as it
is. On local disk only public renditions are served under MEDIA_URL (even with DEBUG); the rest goes through an
admin view that checks the permission on the image or document. Moving an image into a private collection (or
making its collection private) moves its renditions out of the public store.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.core.files.base import ContentFile
from django.test import Client, override_settings
from django.urls import clear_url_caches
from wagtail.models import Collection, CollectionViewRestriction

from media.privacy import PRIVATE_RENDITIONS_PREFIX
from tests.factories import DocumentFactory, ImageFactory, png_bytes

from .conftest import PUBLIC_PREFIX


@pytest.fixture
def private_collection(db):
    collection = Collection.get_first_root_node().add_child(name="Riservata")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    return collection


def _signed(url: str) -> bool:
    query = parse_qs(urlsplit(url).query)
    return "X-Amz-Signature" in query and "X-Amz-Expires" in query


def _unsigned(url: str) -> str:
    return url.split("?", 1)[0]


# --- S3 ---------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_s3_original_and_document_open_only_signed_and_expire(s3, settings):
    settings.AWS_QUERYSTRING_EXPIRE = 120
    image = ImageFactory(file=ContentFile(png_bytes(), name="originale.png"))
    document = DocumentFactory(file=ContentFile(b"%PDF-1.4\n%privato\n", name="privato.pdf"))
    for url in (image.file.url, document.file.url):
        assert _signed(url) and parse_qs(urlsplit(url).query)["X-Amz-Expires"] == ["120"]
        assert requests.get(url, timeout=10).status_code == 200
        assert requests.get(_unsigned(url), timeout=10).status_code == 403
    assert not any(key.startswith(f"{PUBLIC_PREFIX}/") for key in (image.file.name, document.file.name))


@pytest.mark.django_db
def test_s3_public_rendition_opens_unsigned(s3):
    image = ImageFactory(file=ContentFile(png_bytes(), name="pubblica.png"))
    rendition = image.get_rendition("max-100x100")
    assert not _signed(rendition.url)
    assert requests.get(rendition.url, timeout=10).status_code == 200
    assert any(key.startswith(f"{PUBLIC_PREFIX}/images/") for key in s3.keys())


@pytest.mark.django_db
def test_s3_private_collection_renditions_are_private(s3, private_collection):
    image = ImageFactory(collection=private_collection, file=ContentFile(png_bytes(), name="riservata.png"))
    rendition = image.get_rendition("max-100x100")
    assert rendition.file.name.startswith(PRIVATE_RENDITIONS_PREFIX)
    assert _signed(rendition.url)
    assert requests.get(_unsigned(rendition.url), timeout=10).status_code == 403
    assert requests.get(rendition.url, timeout=10).status_code == 200
    assert not [key for key in s3.keys(f"{PUBLIC_PREFIX}/") if "riservata" in key]


@pytest.mark.django_db
def test_s3_renditions_move_when_privacy_changes(s3, django_capture_on_commit_callbacks):
    collection = Collection.get_first_root_node().add_child(name="Presto riservata")
    image = ImageFactory(collection=collection, file=ContentFile(png_bytes(), name="sposta.png"))
    public_url = image.get_rendition("max-100x100").url
    assert requests.get(public_url, timeout=10).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        restriction = CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    assert requests.get(public_url, timeout=10).status_code in {403, 404}, "the public copy is gone"
    private = image.get_rendition("max-100x100")
    assert private.file.name.startswith(PRIVATE_RENDITIONS_PREFIX) and _signed(private.url)

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    public_again = image.get_rendition("max-100x100")
    assert not public_again.file.name.startswith(PRIVATE_RENDITIONS_PREFIX)
    assert requests.get(public_again.url, timeout=10).status_code == 200


# --- Local disk -------------------------------------------------------------------------------------------


@pytest.fixture
def debug_urls(settings):
    """The development server's URLs (cms/urls.py adds MEDIA_URL with DEBUG)."""
    with override_settings(DEBUG=True):
        clear_url_caches()
        import importlib

        import cms.urls

        importlib.reload(cms.urls)
        yield
    clear_url_caches()
    importlib.reload(cms.urls)


@pytest.mark.django_db
def test_debug_media_serves_public_renditions_only(debug_urls, private_collection, settings):
    client = Client()
    image = ImageFactory(file=ContentFile(png_bytes(), name="locale.png"))
    private_image = ImageFactory(collection=private_collection, file=ContentFile(png_bytes(), name="riservata.png"))
    document = DocumentFactory(file=ContentFile(b"%PDF-1.4\n", name="doc.pdf"))
    public = image.get_rendition("max-100x100")
    assert public.url.startswith(settings.MEDIA_URL)
    assert client.get(public.url).status_code == 200

    private = private_image.get_rendition("max-100x100")
    attempts = [
        f"{settings.MEDIA_URL}{image.file.name}",
        f"{settings.MEDIA_URL}{document.file.name}",
        f"{settings.MEDIA_URL}{private.file.name}",
        f"{settings.MEDIA_URL}images/../{image.file.name}",
        f"{settings.MEDIA_URL}images/%2e%2e/{document.file.name}",
    ]
    for url in attempts:
        assert client.get(url).status_code == 404, url
    assert not private.url.startswith(settings.MEDIA_URL)


@pytest.mark.django_db
def test_private_files_open_only_for_those_allowed(private_collection, admin_client, django_user_model):
    image = ImageFactory(collection=private_collection, file=ContentFile(png_bytes(), name="riservata.png"))
    private = image.get_rendition("max-100x100")
    outsider = django_user_model.objects.create_user("esterno", password="x" * 12)
    from django.contrib.auth.models import Permission

    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    outsider_client = Client()
    outsider_client.force_login(outsider)
    for url in (private.url, image.file.url):
        assert url.startswith("/admin/private-media/")
        assert Client().get(url).status_code == 302  # to the login
        assert outsider_client.get(url).status_code == 404
        response = admin_client.get(url)
        assert response.status_code == 200 and "no-store" in response["Cache-Control"]
        # Served from the admin's origin: nothing in a file runs there, whatever the admin's own policy allows.
        assert response["Content-Security-Policy"] == "default-src 'none'"
        assert response["Content-Disposition"].startswith("inline")  # a PNG opens in the browser


def test_private_files_other_than_images_and_pdf_download(private_collection, admin_client):
    document = DocumentFactory(collection=private_collection, file=ContentFile(b"<svg onload=alert(1)>", name="note.txt"))
    assert document.file.url.startswith("/admin/private-media/")
    response = admin_client.get(document.file.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"] == "default-src 'none'"
