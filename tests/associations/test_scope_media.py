"""Files of an association, and restricted files, reach only those who may see them.

- An association's document opens for its own members and the regional editors; for anyone else (member A, an
  anonymous reader who learnt its address) only once a published page uses it.
- The admin API lists, to a member, only their own collection's images and documents.
- A restricted collection's image has no public rendition: its thumbnail opens for nobody anonymous.
"""

import pytest
from django.test import Client
from wagtail.models import Page

from tests.factories import DocumentFactory

from tests.admin_client import csrf_client
from tests.attempts import tried
from .secrets import MARKER


def _document_url(document) -> str:
    return document.url


def test_an_associations_document_is_not_public_before_it_is_published(world, secrets, django_capture_on_commit_callbacks):
    document = DocumentFactory(collection=world.b.collection, title="Statuto di Beta")
    url = _document_url(document)
    outsiders = {"anonymous": Client(), "member of A": csrf_client(world.member_a), "admin of A": csrf_client(world.admin_a)}
    insiders = {"admin of B": csrf_client(world.admin_b), "regional editor": csrf_client(world.editor)}
    for who, client in outsiders.items():
        assert client.get(url).status_code == 404, who
    for who, client in insiders.items():
        assert client.get(url).status_code == 200, who

    # B puts it in a draft: still not public. B's page is published with it: public.
    page_b = Page.objects.get(pk=world.page_b.pk).specific
    page_b.body = [("document", {"document": document, "title": "", "description": ""})]
    with django_capture_on_commit_callbacks(execute=True):
        revision = page_b.save_revision(user=world.admin_b)
    assert Client().get(url).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        revision.publish(user=world.editor)
    assert Client().get(url).status_code == 200
    tried("documents of another association, opened by URL", len(outsiders) * 2 + 2)


@pytest.mark.parametrize("name", ["b", "restricted", "region"])
def test_other_documents_by_url(world, secrets, name):
    """B's and restricted documents never open for A or anonymously; the Region's own open as Wagtail serves them."""
    document = secrets.documents[name]
    responses = [Client().get(document.url), csrf_client(world.member_a).get(document.url)]
    tried("documents of another association, opened by URL", len(responses))
    if name == "region":
        assert all(response.status_code == 200 for response in responses)
    else:
        assert all(response.status_code in {302, 404} for response in responses)
        assert all(MARKER.encode() not in response.content for response in responses)


@pytest.mark.parametrize("kind", ["images", "documents"])
def test_admin_api_lists_a_members_own_collection_only(world, secrets, kind):
    from tests.factories import ImageFactory

    own = (ImageFactory if kind == "images" else DocumentFactory)(collection=world.a.collection, title="Di Alfa")
    client = csrf_client(world.member_a)
    listing = client.get(f"/admin/api/main/{kind}/")
    assert listing.status_code == 200
    assert [item["id"] for item in listing.json()["items"]] == [own.pk]
    details = [client.get(f"/admin/api/main/{kind}/{obj.pk}/") for obj in getattr(secrets, kind).values()]
    found = client.get(f"/admin/api/main/{kind}/find/", {"id": getattr(secrets, kind)["b"].pk})
    tried("admin API (images, documents) as member A", 2 + len(details))
    assert all(detail.status_code == 404 for detail in details)
    assert found.status_code == 404
    # A regional editor still sees every file.
    editor = csrf_client(world.editor).get(f"/admin/api/main/{kind}/")
    assert len(editor.json()["items"]) == len(getattr(secrets, kind)) + 1


def test_a_restricted_images_thumbnail_is_not_public(world, secrets, settings):
    image = secrets.images["restricted"]
    rendition = image.get_rendition("max-165x165")
    assert not rendition.url.startswith(settings.MEDIA_URL)
    for client in (Client(), csrf_client(world.member_a)):
        assert client.get(rendition.url).status_code in {302, 404}
        assert client.get(f"{settings.MEDIA_URL}{rendition.file.name}").status_code == 404
    tried("restricted image thumbnails by URL", 4)
    assert csrf_client(world.editor).get(rendition.url).status_code == 200
