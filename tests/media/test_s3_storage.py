"""Images, renditions and documents in an S3 bucket, through the same code paths editors and readers use."""

from urllib.parse import parse_qs, urlsplit, urlunsplit

import pytest
import requests
from django.core.files.base import ContentFile
from django.db import DatabaseError
from django.urls import reverse
from django.utils import translation
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction

from media.forms import STORE_UNAVAILABLE_MESSAGE
from media.models import CustomDocument, CustomImage
from media.renditions import image_renditions_get, images_prefetch_renditions, rendition_specs
from media.storage import rendition_storage
from media.tasks import ADMIN_FILTER_SPECS
from tests.factories.media import DocumentFactory, ImageFactory, png_bytes
from tests.media.files import PDF, png_upload

pytestmark = pytest.mark.django_db

HTTP_TIMEOUT = 5


def without_signature(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(query=""))


def object_url(s3, key: str) -> str:
    return f"{s3.endpoint}/{s3.bucket}/{key}"


# --- Uploads through the admin ------------------------------------------------------------------------------------


def test_image_uploaded_in_the_admin_lands_in_the_bucket_as_a_private_object(s3, admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"), {"title": "Porto di Genova", "file": png_upload("Porto di Genova.png")}
    )

    assert response.status_code == 302
    image = CustomImage.objects.get()
    assert image.file.name == "original_images/porto-di-genova.png"
    assert s3.keys() == ["original_images/porto-di-genova.png"]
    assert s3.body(image.file.name) == png_bytes()
    assert (image.width, image.height, image.file_size) == (64, 48, len(png_bytes()))
    assert requests.get(object_url(s3, image.file.name), timeout=HTTP_TIMEOUT).status_code == 403


def test_document_uploaded_in_the_admin_lands_in_the_bucket(s3, admin_client):
    upload = ContentFile(PDF, name="Guida ai servizi 2025.pdf")

    response = admin_client.post(reverse("wagtaildocs:add"), {"title": "Guida", "file": upload})

    assert response.status_code == 302
    document = CustomDocument.objects.get()
    assert s3.keys() == ["documents/guida-ai-servizi-2025.pdf"]
    assert s3.body(document.file.name) == PDF
    assert document.file_size == len(PDF)


def test_admin_pages_of_images_in_the_bucket_open(s3, admin_client):
    image = ImageFactory()

    listing = admin_client.get(reverse("wagtailimages:index"))
    edit = admin_client.get(reverse("wagtailimages:edit", args=(image.pk,)))

    assert (listing.status_code, edit.status_code) == (200, 200)
    thumbnails = [key for key in s3.keys("public/images/") if "max-165x165" in key]
    assert len(thumbnails) == 1  # the admin's own rendition, in the same public store


# --- Renditions ---------------------------------------------------------------------------------------------------


def test_rendition_is_stored_once_under_the_public_prefix_and_opens_without_signature(s3):
    image = ImageFactory()

    rendition = image_renditions_get(image, "card")["card"]

    key = f"public/{rendition.file.name}"
    assert s3.keys("public/") == [key]
    assert "X-Amz-Signature" not in rendition.url
    response = requests.get(rendition.url, timeout=HTTP_TIMEOUT)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "image/webp"
    assert response.content == s3.body(key)
    # Asked for again, from a fresh instance: the same row and object, nothing made anew.
    again = image_renditions_get(CustomImage.objects.get(pk=image.pk), "card")["card"]
    assert again.pk == rendition.pk
    assert s3.keys("public/") == [key]


def test_rendition_urls_of_a_list_cost_two_queries_and_no_request_to_the_store(s3, django_assert_num_queries):
    images = ImageFactory.create_batch(3)
    for image in images:
        image_renditions_get(image, "thumbnail", "social")
    requests_sent = []
    clients = [  # both stores renditions live in (public, and private collections': media/storage.py)
        connection.meta.client
        for store in (rendition_storage.public, rendition_storage.private)
        for connection in (store.connection, store.unsigned_connection)
    ]
    for client in clients:
        client.meta.events.register(
            "before-send", lambda request, **kwargs: requests_sent.append(request.url)
        )

    with django_assert_num_queries(2):  # the images, then their renditions
        queryset = images_prefetch_renditions(CustomImage.objects.order_by("pk"), "thumbnail", "social")
        urls = [
            rendition.url
            for image in queryset
            for rendition in image_renditions_get(image, "thumbnail", "social").values()
        ]

    assert len(urls) == 6
    assert requests_sent == []


def test_saving_an_image_makes_every_named_rendition_ahead_of_time(s3, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = ImageFactory()

    made = {*rendition_specs().values(), *ADMIN_FILTER_SPECS}  # the admin's sizes too (media/tasks.py)
    assert set(image.renditions.values_list("filter_spec", flat=True)) == made
    assert len(s3.keys("public/images/")) == len(made)


def test_store_down_already_known_rendition_urls_are_still_served(s3, settings, closed_port_endpoint):
    settings.AWS_S3_CUSTOM_DOMAIN = "media.interazioni.test"  # the public host (a CDN) stays up
    image = ImageFactory()
    known_url = image_renditions_get(image, "card")["card"].url

    settings.AWS_S3_ENDPOINT_URL = closed_port_endpoint
    served = image_renditions_get(CustomImage.objects.get(pk=image.pk), "card", "social")

    assert {name: rendition.url for name, rendition in served.items()} == {"card": known_url}
    assert known_url.startswith("https://media.interazioni.test/public/images/")


# --- Documents ----------------------------------------------------------------------------------------------------


def test_document_is_served_by_a_redirect_to_a_signed_url_that_expires(s3, client):
    document = DocumentFactory(file=ContentFile(PDF, name="Modulo d'iscrizione.pdf"))

    response = client.get(document.url)

    assert document.url == reverse("wagtaildocs_serve", args=(document.pk, "modulo-discrizione.pdf"))
    assert response.status_code == 302
    signed_url = response["Location"]
    query = parse_qs(urlsplit(signed_url).query)
    assert query["X-Amz-Expires"] == ["600"]
    assert "X-Amz-Signature" in query
    fetched = requests.get(signed_url, timeout=HTTP_TIMEOUT)
    assert fetched.status_code == 200
    assert fetched.content == PDF
    assert requests.get(without_signature(signed_url), timeout=HTTP_TIMEOUT).status_code == 403


def test_document_of_a_private_collection_is_reached_only_through_login_then_a_signature(
    s3, client, admin_client
):
    private = Collection.get_first_root_node().add_child(name="Riservati agli operatori")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=BaseViewRestriction.LOGIN)
    document = DocumentFactory(collection=private)

    anonymous = client.get(document.url)
    signed_in = admin_client.get(document.url)

    assert anonymous.status_code == 302
    assert s3.endpoint not in anonymous["Location"]  # sent to log in, not to the store
    assert requests.get(object_url(s3, document.file.name), timeout=HTTP_TIMEOUT).status_code == 403
    assert signed_in.status_code == 302
    assert signed_in["Location"].startswith(object_url(s3, document.file.name) + "?")
    assert requests.get(signed_in["Location"], timeout=HTTP_TIMEOUT).status_code == 200


# --- Deleting -----------------------------------------------------------------------------------------------------


def test_deleting_an_image_in_the_admin_removes_its_objects(
    s3, admin_client, django_capture_on_commit_callbacks
):
    image = ImageFactory()
    image_renditions_get(image, "card", "social")
    assert len(s3.keys()) == 3

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("wagtailimages:delete", args=(image.pk,)))

    assert response.status_code == 302
    assert not CustomImage.objects.exists()
    assert s3.keys() == []


def test_deleting_a_document_removes_its_object(s3, django_capture_on_commit_callbacks):
    document = DocumentFactory()
    assert s3.keys() == [document.file.name]

    with django_capture_on_commit_callbacks(execute=True):
        document.delete()

    assert s3.keys() == []


# --- The store is down, or the database refuses the row ----------------------------------------------------------


def test_store_down_image_upload_is_refused_with_a_clear_message_and_nothing_saved(
    s3, settings, admin_client, closed_port_endpoint
):
    settings.AWS_S3_ENDPOINT_URL = closed_port_endpoint

    response = admin_client.post(reverse("wagtailimages:add"), {"title": "Foto", "file": png_upload()})

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [str(STORE_UNAVAILABLE_MESSAGE)]
    assert not CustomImage.objects.exists()
    assert s3.keys() == []


def test_store_down_multiple_upload_answers_with_the_message(
    s3, settings, admin_client, closed_port_endpoint
):
    settings.AWS_S3_ENDPOINT_URL = closed_port_endpoint

    image_response = admin_client.post(reverse("wagtailimages:add_multiple"), {"files[]": png_upload()})
    document_response = admin_client.post(
        reverse("wagtaildocs:add_multiple"), {"files[]": ContentFile(PDF, name="guida.pdf")}
    )

    with translation.override("en"):  # the language of this admin user (conftest.py)
        message = str(STORE_UNAVAILABLE_MESSAGE)
    for response in (image_response, document_response):
        assert response.json() == {"success": False, "error_message": message}
    assert not CustomImage.objects.exists()
    assert not CustomDocument.objects.exists()
    assert s3.keys() == []


def test_store_down_document_upload_is_refused_and_nothing_saved(
    s3, settings, admin_client, closed_port_endpoint
):
    settings.AWS_S3_ENDPOINT_URL = closed_port_endpoint

    response = admin_client.post(
        reverse("wagtaildocs:add"), {"title": "Guida", "file": ContentFile(PDF, name="guida.pdf")}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [str(STORE_UNAVAILABLE_MESSAGE)]
    assert not CustomDocument.objects.exists()


def test_a_row_the_database_refuses_leaves_no_object_behind(s3, admin_client, monkeypatch):
    def refuse(*args, **kwargs):
        raise DatabaseError("database is full")

    monkeypatch.setattr(CustomImage, "_do_insert", refuse)

    with pytest.raises(DatabaseError):  # through the admin: the file was already written by the form
        admin_client.post(reverse("wagtailimages:add"), {"title": "Foto", "file": png_upload()})
    with pytest.raises(DatabaseError):  # through code: the file is written by the model's save
        ImageFactory()

    assert s3.keys() == []
