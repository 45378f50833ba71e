"""A member's hand-made POST cannot bring others' pages, images or documents into their page, nor its preview.

Member A posts their own profile's form (through the real admin, CSRF checked) with the id of a secret in every
place a form takes one: a page in "related pages", a call to action, a rich-text link (body and "who we are"), an
image in the logo, the sharing image, an image block and a rich-text image, a document in a download block and a
rich-text link. Previewing it is refused ("is_valid": false) and shows nothing; saving it is a form error and no
revision is made. The member's own pages and images work, and what an editor put in their page stays.
"""

import json

import pytest
from wagtail.models import Revision
from wagtail.test.utils.form_data import rich_text, streamfield

from tests.factories import ImageFactory

from tests.admin_client import csrf_client
from tests.attempts import tried
from .forms import association_page_data, list_block
from .secrets import MARKER

PAGE_PLACES = {
    "related pages block": lambda pk: {"body": streamfield([("related_pages", {"title": "", "pages": list_block([pk])})])},
    "call to action": lambda pk: {
        "body": streamfield([("call_to_action", {"label": "Vai", "page": pk, "url": "", "description": ""})])
    },
    "rich-text link (body)": lambda pk: {
        "body": streamfield([("paragraph", rich_text(f'<p><a linktype="page" id="{pk}">qui</a></p>'))])
    },
    "rich-text link (who we are)": lambda pk: {"description": rich_text(f'<p><a linktype="page" id="{pk}">qui</a></p>')},
}
IMAGE_PLACES = {
    "logo": lambda pk: {"logo": pk},
    "sharing image": lambda pk: {"social_image": pk},
    "image block": lambda pk: {"body": streamfield([("image", {"image": pk, "caption": "", "alt_text": "x"})])},
    "rich-text image": lambda pk: {
        "body": streamfield([("paragraph", rich_text(f'<embed embedtype="image" id="{pk}" format="fullwidth" alt="x"/>'))])
    },
}
DOCUMENT_PLACES = {
    "download block": lambda pk: {
        "body": streamfield([("document", {"document": pk, "title": "", "description": ""})])
    },
    "rich-text document link": lambda pk: {
        "body": streamfield([("paragraph", rich_text(f'<p><a linktype="document" id="{pk}">modulo</a></p>'))])
    },
}


def _latest(page):
    return type(page).objects.get(pk=page.pk).get_latest_revision_as_object()


def _targets(world, secrets):
    pages = {**{name: page.pk for name, page in secrets.pages.items()}, "region_published": world.service_page.pk}
    return [
        *[(place, name, make, pk) for place, make in PAGE_PLACES.items() for name, pk in pages.items()],
        *[(place, name, make, image.pk) for place, make in IMAGE_PLACES.items()
          for name, image in secrets.images.items()],
        *[(place, name, make, document.pk) for place, make in DOCUMENT_PLACES.items()
          for name, document in secrets.documents.items()],
    ]


def test_a_member_cannot_put_others_content_in_their_page_or_preview(world, secrets):
    client = csrf_client(world.member_a)
    page = world.page_a
    preview_url = f"/admin/pages/{page.pk}/edit/preview/"
    revisions = Revision.page_revisions.filter(object_id=str(page.pk)).count()
    failures, attempts = [], 0
    for place, name, make, pk in _targets(world, secrets):
        data = association_page_data(page, **make(pk))
        preview = client.post(preview_url, data)
        attempts += 1
        if json.loads(preview.content).get("is_valid") is not False:
            failures.append(f"preview accepted {name} in {place}")
        shown = client.get(preview_url)
        attempts += 1
        if MARKER in shown.content.decode(errors="replace"):
            failures.append(f"preview shows {name} in {place}")
        saved = client.post(f"/admin/pages/{page.pk}/edit/", data)
        attempts += 1
        if saved.status_code != 200 or "not_choosable" in str(saved.status_code):
            failures.append(f"saving with {name} in {place}: {saved.status_code}")
    tried("page form POSTs (preview and save) with others' pages, images, documents", attempts)
    assert not failures, "\n".join(failures)
    assert Revision.page_revisions.filter(object_id=str(page.pk)).count() == revisions


def test_a_member_chooses_their_own_pages_and_images(world):
    client = csrf_client(world.member_a)
    own_image = ImageFactory(collection=world.a.collection, title="Logo di Alfa")
    page = world.page_a
    data = association_page_data(
        page,
        logo=own_image.pk,
        body=streamfield([("related_pages", {"title": "", "pages": list_block([world.event_a.pk])})]),
    )
    preview = client.post(f"/admin/pages/{page.pk}/edit/preview/", data)
    assert json.loads(preview.content)["is_valid"] is True
    assert client.post(f"/admin/pages/{page.pk}/edit/", data).status_code == 302
    assert _latest(page).logo_id == own_image.pk


def test_what_an_editor_put_in_a_members_page_stays(world):
    page = world.page_a
    region_image = ImageFactory(title="Foto della Regione")
    page.logo = region_image
    page.save_revision(user=world.editor).publish(user=world.editor)
    client = csrf_client(world.member_a)
    data = association_page_data(page, logo=region_image.pk, summary="Un nuovo riassunto.")
    assert client.post(f"/admin/pages/{page.pk}/edit/", data).status_code == 302
    assert _latest(page).summary == "Un nuovo riassunto."


@pytest.mark.parametrize("name", ["b", "restricted", "region"])
def test_an_event_cannot_take_others_images_by_hand(world, secrets, name):
    from .forms import event_page_data

    client = csrf_client(world.member_a)
    event = world.event_a
    data = event_page_data(
        slug=event.slug, organizer=world.page_a.pk, social_image=secrets.images[name].pk
    )
    response = client.post(f"/admin/pages/{event.pk}/edit/", data)
    tried("page form POSTs (preview and save) with others' pages, images, documents")
    assert response.status_code == 200
    assert _latest(event).social_image_id != secrets.images[name].pk
