"""A member of association A can touch nothing of association B or of the Region, whatever path they take.

Every test logs in as a member of A (the plain member, or A's administrator where it matters) and tries one
path on B's pages and on the Region's; the database must not change.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from content_models.models import AssociationIndexPage, EventPage
from tests.factories import DocumentFactory, ImageFactory, png_bytes

from .forms import association_page_data, event_page_data

REFUSED = {302, 403, 404}
FOREIGN = ["page_b", "event_b", "service_page", "region_event"]


@pytest.fixture
def member(world, client):
    client.force_login(world.member_a)
    return world.member_a


def target(world, name) -> Page:
    return getattr(world, name)


def snapshot(page):
    page = Page.objects.get(pk=page.pk)
    return (page.title, page.live, page.path, page.latest_revision_id, page.live_revision_id, page.locked)


def refused(response) -> bool:
    """Wagtail answers a refusal with 403, 404 or a redirect to the dashboard with an error message."""
    if response.status_code not in REFUSED:
        return False
    return (
        response.status_code != 302
        or response["Location"] in {"/admin/", "/admin/login/"}
        or "login" in response["Location"]
    )


# --- The member's own pages work ----------------------------------------------------------------------------


def test_member_edits_own_profile_and_events(world, member, client):
    assert client.get(f"/admin/pages/{world.page_a.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{world.event_a.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/add/content_models/eventpage/{world.page_a.pk}/").status_code == 200


def test_member_cannot_publish_own_profile_without_approval(world, member, client):
    page = world.page_a
    before = snapshot(page)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        association_page_data(page, title="Titolo non approvato", **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    # Saved as a draft: the live revision and the live title have not moved.
    assert page.live_revision_id == before[4] and page.title == before[0]
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().title == "Titolo non approvato"


def test_member_creates_event_as_draft_only(world, member, client):
    response = client.post(
        f"/admin/pages/add/content_models/eventpage/{world.page_a.pk}/",
        event_page_data(**{"action-publish": "1"}),
    )
    assert response.status_code == 302
    event = EventPage.objects.get(slug="festa-di-quartiere")
    assert (
        not event.live and event.get_parent().pk == world.page_a.pk and event.organizer_id == world.page_a.pk
    )


# --- Pages of B and of the Region ---------------------------------------------------------------------------


FOREIGN_PAGE_VIEWS = [
    "/admin/pages/{pk}/edit/",
    "/admin/pages/{pk}/delete/",
    "/admin/pages/{pk}/unpublish/",
    "/admin/pages/{pk}/move/",
    "/admin/pages/{pk}/copy/",
    "/admin/pages/{pk}/history/",
    "/admin/pages/{pk}/view_draft/",
    "/admin/pages/{pk}/privacy/",
    "/admin/pages/{pk}/add_subpage/",
    "/admin/localize/submit/page/{pk}/",
    "/admin/api/main/pages/{pk}/",
]


def test_member_cannot_open_views_of_foreign_pages(world, member, client):
    failures = []
    for name in FOREIGN:
        page = target(world, name)
        for url in FOREIGN_PAGE_VIEWS:
            response = client.get(url.format(pk=page.pk))
            if not refused(response):
                failures.append(f"{url.format(pk=page.pk)} ({name}): {response.status_code}")
    assert not failures


@pytest.mark.parametrize("name", FOREIGN)
def test_member_cannot_edit_or_publish_foreign_pages(world, member, client, name):
    page = target(world, name)
    before = snapshot(page)
    data = association_page_data(world.page_a, title="Preso!", **{"action-publish": "1"})
    for action in ("action-publish", "action-submit", "action-save"):
        response = client.post(f"/admin/pages/{page.pk}/edit/", {**data, action: "1"})
        assert refused(response), action
    assert snapshot(page) == before
    assert not Revision.page_revisions.filter(object_id=str(page.pk), user=world.member_a).exists()


@pytest.mark.parametrize("name", FOREIGN)
def test_member_cannot_delete_unpublish_lock_or_revert_foreign_pages(world, member, client, name):
    page = target(world, name)
    before = snapshot(page)
    assert refused(client.post(f"/admin/pages/{page.pk}/delete/"))
    assert refused(client.post(f"/admin/pages/{page.pk}/unpublish/", {"include_descendants": "on"}))
    assert refused(client.post(f"/admin/pages/{page.pk}/lock/"))
    assert refused(client.post(f"/admin/pages/{page.pk}/revisions/{page.live_revision_id}/revert/"))
    assert snapshot(page) == before


@pytest.mark.parametrize("name", FOREIGN)
def test_member_cannot_move_foreign_pages_into_their_own_nor_their_own_elsewhere(world, member, client, name):
    page = target(world, name)
    before, own_before = snapshot(page), snapshot(world.event_a)
    # B's (or the Region's) page into A's profile.
    assert refused(client.post(f"/admin/pages/{page.pk}/move/{world.page_a.pk}/confirm/"))
    # A's own event under B's profile or a Region section.
    destination = world.page_b if name != "page_b" else page.get_parent()
    assert refused(client.post(f"/admin/pages/{world.event_a.pk}/move/{destination.pk}/confirm/"))
    assert snapshot(page) == before and snapshot(world.event_a) == own_before


@pytest.mark.parametrize("name", FOREIGN)
def test_member_cannot_copy_foreign_pages_nor_copy_into_them(world, member, client, name):
    page = target(world, name)
    pages_before = Page.objects.count()
    response = client.post(
        f"/admin/pages/{page.pk}/copy/",
        {
            "new_title": "Copia",
            "new_slug": "copia",
            "new_parent_page": world.page_a.pk,
            "publish_copies": "on",
        },
    )
    assert refused(response)
    destination = page if page.specific_class.creatable_subpage_models() else page.get_parent()
    response = client.post(
        f"/admin/pages/{world.event_a.pk}/copy/",
        {"new_title": "Copia", "new_slug": "copia-altrove", "new_parent_page": destination.pk},
    )
    assert response.status_code in {200, *REFUSED}  # the form refuses the destination
    assert Page.objects.count() == pages_before


def test_member_cannot_add_pages_outside_their_profile(world, member, client):
    sections = {section.specific_class: section for section in Page.objects.filter(depth=3)}
    pages_before = Page.objects.count()
    for parent, page_type in [
        (world.page_b, "eventpage"),
        (sections[AssociationIndexPage], "associationpage"),
        (world.region_event.get_parent(), "eventpage"),
    ]:
        url = f"/admin/pages/add/content_models/{page_type}/{parent.pk}/"
        assert refused(client.get(url))
        assert refused(client.post(url, event_page_data(slug=f"intruso-{parent.pk}")))
    assert Page.objects.count() == pages_before


def test_member_cannot_delete_own_profile_even_as_a_draft(world, member, client, sections):
    world.page_a.unpublish()
    for event in world.page_a.get_children():
        event.specific.unpublish()
    assert refused(client.post(f"/admin/pages/{world.page_a.pk}/delete/"))
    assert Page.objects.filter(pk=world.page_a.pk).exists()


def test_member_cannot_point_an_event_at_another_association(world, member, client):
    event = world.event_a
    response = client.post(
        f"/admin/pages/{event.pk}/edit/", event_page_data(slug=event.slug, organizer=world.page_b.pk)
    )
    assert refused(response)
    event.refresh_from_db()
    assert event.organizer_id == world.page_a.pk


# --- Bulk actions -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["delete", "publish", "unpublish", "move"])
def test_bulk_actions_leave_foreign_pages_alone(world, member, client, action):
    pages = [world.page_b, world.event_b, world.service_page, world.region_event]
    before = [snapshot(page) for page in pages]
    query = "&".join(f"id={page.pk}" for page in pages)
    data = {"move_applicable": "on", "chooser": world.page_a.pk, "include_descendants": "on"}
    response = client.post(f"/admin/bulk/wagtailcore/page/{action}/?{query}&next=/admin/", data)
    assert response.status_code in {200, *REFUSED}
    assert [snapshot(page) for page in pages] == before


def test_bulk_publish_of_own_pages_needs_approval(world, member, client):
    world.event_a.save_revision(user=world.member_a)  # a draft change
    before = snapshot(world.event_a)
    client.post(f"/admin/bulk/wagtailcore/page/publish/?id={world.event_a.pk}&next=/admin/", {})
    assert snapshot(world.event_a)[4] == before[4]


# --- Page chooser and explorer ------------------------------------------------------------------------------


def test_page_chooser_shows_own_pages_only(world, member, client):
    section = world.page_a.get_parent()
    browse = client.get(f"/admin/choose-page/{section.pk}/")
    assert browse.status_code == 200
    html = browse.json()["html"]
    assert world.page_a.title in html and world.page_b.title not in html

    for query in (world.page_b.title, world.service_page.title, world.region_event.title):
        results = client.get("/admin/choose-page/search/", {"q": query})
        assert results.status_code == 200
        assert query not in results.content.decode()
    own = client.get("/admin/choose-page/search/", {"q": world.event_a.title})
    assert world.event_a.title in own.content.decode()


def test_explorer_lists_own_pages_only(world, member, client):
    section = world.page_a.get_parent()
    # Wagtail sends members from the section straight to their own profile, the root of what they can explore.
    response = client.get(f"/admin/pages/{section.pk}/", follow=True)
    assert response.redirect_chain[-1][0] == f"/admin/pages/{world.page_a.pk}/"
    content = response.content.decode()
    assert world.event_a.title in content and world.page_b.title not in content
    api = client.get("/admin/api/main/pages/", {"child_of": section.pk})
    assert {item["title"] for item in api.json()["items"]} == {world.page_a.title}


# --- Translations -------------------------------------------------------------------------------------------


def test_member_cannot_request_translations_of_anything(world, member, client, locales):
    for page in (world.page_a, world.page_b, world.service_page):
        response = client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [locales["en"].pk]})
        assert refused(response)
    assert not Page.objects.filter(locale=locales["en"]).exists()


def test_member_cannot_edit_the_translation_of_another_association(world, member, client, locales):
    translated_b = world.page_b.copy_for_translation(locales["en"], copy_parents=True)
    translated_a = world.page_a.copy_for_translation(locales["en"], copy_parents=True)
    assert refused(client.get(f"/admin/pages/{translated_b.pk}/edit/"))
    assert client.get(f"/admin/pages/{translated_a.pk}/edit/").status_code == 200


# --- Media --------------------------------------------------------------------------------------------------


def test_member_uploads_into_own_collection_only(world, member, client):
    Image = get_image_model()
    ok = client.post(
        "/admin/images/multiple/add/",
        {
            "files[]": SimpleUploadedFile("a.png", png_bytes(), content_type="image/png"),
            "collection": world.a.collection_id,
        },
    )
    assert ok.status_code == 200 and ok.json()["success"]
    assert Image.objects.filter(collection=world.a.collection).count() == 1

    for collection_id in (world.b.collection_id, world.a.collection.get_parent().pk, 1):
        client.post(
            "/admin/images/multiple/add/",
            {
                "files[]": SimpleUploadedFile("b.png", png_bytes(), content_type="image/png"),
                "collection": collection_id,
            },
        )
        client.post(
            "/admin/images/add/",
            {
                "title": "Intrusa",
                "file": SimpleUploadedFile("c.png", png_bytes(), content_type="image/png"),
                "collection": collection_id,
                "description": "x",
            },
        )
        client.post(
            "/admin/documents/multiple/add/",
            {
                "files[]": SimpleUploadedFile("d.pdf", b"%PDF-1.4\n", content_type="application/pdf"),
                "collection": collection_id,
            },
        )
    assert (
        not Image.objects.exclude(collection=world.a.collection)
        .filter(uploaded_by_user=world.member_a)
        .exists()
    )
    assert (
        not get_document_model()
        .objects.filter(uploaded_by_user=world.member_a)
        .exclude(collection=world.a.collection)
        .exists()
    )


def test_member_cannot_edit_or_choose_foreign_media(world, member, client):
    image_b = ImageFactory(collection=world.b.collection, title="Foto di Beta")
    region_image = ImageFactory(title="Foto della Regione")
    document_b = DocumentFactory(collection=world.b.collection, title="Statuto di Beta")
    for image in (image_b, region_image):
        assert refused(client.get(f"/admin/images/{image.pk}/"))
        assert refused(client.post(f"/admin/images/{image.pk}/delete/"))
    assert refused(client.get(f"/admin/documents/edit/{document_b.pk}/"))
    chooser = client.get("/admin/images/chooser/")
    assert "Foto di Beta" not in chooser.json()["html"] and "Foto della Regione" not in chooser.json()["html"]
    assert get_image_model().objects.filter(pk__in=[image_b.pk, region_image.pk]).count() == 2


# --- Everything else in the admin ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/admin/users/",
        "/admin/groups/",
        "/admin/sites/",
        "/admin/locales/",
        "/admin/workflows/list/",
        "/admin/workflows/tasks/index/",
        "/admin/snippets/content_models/topic/",
        "/admin/snippets/content_models/topic/add/",
        "/admin/snippets/content_models/servicepoint/",
        "/admin/redirects/",
        "/admin/collections/",
        "/admin/reports/site-history/",
        "/admin/reports/workflow/",
        "/admin/reports/aging-pages/",
        "/admin/associations/requests/",
        "/admin/associations/list/",
        "/admin/associations/changes/",
    ],
)
def test_member_has_no_other_admin_area(world, member, client, url):
    assert refused(client.get(url)), url


def test_members_manage_only_their_own_association(world, client):
    client.force_login(world.admin_a)
    assert client.get(f"/admin/associations/list/{world.a.pk}/").status_code == 200
    assert refused(client.get(f"/admin/associations/list/{world.b.pk}/"))
    response = client.post(
        f"/admin/associations/list/{world.b.pk}/", {"action": "invite", "email": "x@y.org", "role": "admin"}
    )
    assert refused(response)
    # A's administrator cannot disable their association either: that is the Region's decision.
    client.post(f"/admin/associations/list/{world.a.pk}/", {"action": "disable"})
    world.a.refresh_from_db()
    assert world.a.is_active
    client.force_login(world.member_a)
    assert refused(client.get(f"/admin/associations/list/{world.a.pk}/"))
