"""Member text never goes live without a regional editor's review, whatever publishes the page.

Each test is one path that can publish a member's page or its translation, taken through the real admin with
CSRF checks on: wagtail-localize's "Sync translated pages" with "Publish immediately", translating a live page,
the translation editor's Publish, bulk publishing (with subpages), the admin API's publish action, scheduled
publishing, copying with "publish copies". The member's unreviewed words must not be live afterwards; where the
path publishes for the editor, it goes to the associations' review queue instead.
"""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from associations.moderation import ASSOCIATION_WORKFLOW_NAME
from content_models.models import AssociationPage, EventPage

from tests.admin_client import csrf_client

MEMBER_WORDS = "Testo del socio mai rivisto"

# Transactional: wagtail-localize publishes in transaction.on_commit, which in production runs inside the request
# (where the admin view is known); a test transaction would defer it past the end of the request.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _migrations_data(migrations_data):
    return migrations_data


@pytest.fixture
def english(locales):
    return locales["en"]


@pytest.fixture
def editor_client(world):
    return csrf_client(world.editor)


@pytest.fixture
def member_client(world):
    return csrf_client(world.member_a)


def in_review(page) -> WorkflowState | None:
    return WorkflowState.objects.active().filter(object_id=str(page.pk)).first()


def live_text(page) -> str:
    page = Page.objects.get(pk=page.pk).specific
    return f"{page.title} {getattr(page, 'summary', '')}"


@pytest.fixture
def translated_profile(world, english, editor_client, django_capture_on_commit_callbacks):
    """The editor has translated A's profile into English through wagtail-localize, and approved it."""
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            f"/admin/localize/submit/page/{world.page_a.pk}/", {"locales": [english.pk]}
        )
    assert response.status_code == 302, response.content[:500]
    page_en = AssociationPage.objects.get(translation_key=world.page_a.translation_key, locale=english)
    state = in_review(page_en)
    with django_capture_on_commit_callbacks(execute=True):
        if state is not None:  # translated with the live status: held for review, approved here
            editor_client.post(
                f"/admin/pages/workflow/action/{page_en.pk}/approve/{state.current_task_state.pk}/", {"comment": ""}
            )
        else:  # translated as a draft (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE off): the editor publishes it
            editor_client.post(f"/admin/pages/{page_en.pk}/edit/", {"action": "publish"})
    page_en = AssociationPage.objects.get(pk=page_en.pk)
    assert page_en.live
    return page_en


def member_translates(member_client, page_en, source_text: str, words: str):
    """The member types `words` for `source_text` in the translation editor, and never submits anything."""
    translation = Translation.objects.get(source__object_id=page_en.translation_key, target_locale=page_en.locale)
    segment = StringSegment.objects.get(source=translation.source, string__data=source_text)
    response = member_client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
        f"value={words}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in {200, 201}, response.content[:500]
    return translation


@pytest.mark.parametrize("live_status", [True, False])
def test_translating_a_live_profile_publishes_nothing_unreviewed(
    world, english, editor_client, settings, live_status, django_capture_on_commit_callbacks
):
    settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = live_status
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(f"/admin/localize/submit/page/{world.page_a.pk}/", {"locales": [english.pk]})
    page_en = AssociationPage.objects.get(translation_key=world.page_a.translation_key, locale=english)
    assert not page_en.live
    if live_status:  # the publication the live status asked for waits in the editors' queue
        state = in_review(page_en)
        assert state is not None and state.workflow.name == ASSOCIATION_WORKFLOW_NAME


def test_sync_with_publishing_sends_member_words_to_review(
    world, english, translated_profile, member_client, editor_client, django_capture_on_commit_callbacks
):
    member_translates(member_client, translated_profile, world.page_a.summary, MEMBER_WORDS)
    source = TranslationSource.objects.get(object_id=world.page_a.translation_key, locale=world.page_a.locale)
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"})
    assert response.status_code == 302
    assert MEMBER_WORDS not in live_text(translated_profile)
    state = in_review(translated_profile)
    assert state is not None and state.workflow.name == ASSOCIATION_WORKFLOW_NAME
    assert MEMBER_WORDS in AssociationPage.objects.get(pk=translated_profile.pk).get_latest_revision_as_object().summary

    # The regional editors approve it in the queue: then, and only then, it is live.
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            f"/admin/pages/workflow/action/{translated_profile.pk}/approve/{state.current_task_state.pk}/",
            {"comment": ""},
        )
    assert MEMBER_WORDS in live_text(translated_profile)


def test_the_translation_editor_publish_is_the_editors_review(
    world, translated_profile, member_client, editor_client, django_capture_on_commit_callbacks
):
    member_translates(member_client, translated_profile, world.page_a.summary, MEMBER_WORDS)
    # The member cannot publish from the translation editor...
    response = member_client.post(f"/admin/pages/{translated_profile.pk}/edit/", {"action": "publish"})
    assert response.status_code in {302, 403}
    assert MEMBER_WORDS not in live_text(translated_profile)
    # ...the editor can: they have the member's words in front of them.
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(f"/admin/pages/{translated_profile.pk}/edit/", {"action": "publish"})
    assert MEMBER_WORDS in live_text(translated_profile)


@pytest.mark.parametrize("include_descendants", [False, True])
def test_bulk_publish_by_an_editor_sends_member_drafts_to_review(
    world, editor_client, include_descendants, django_capture_on_commit_callbacks
):
    event = world.event_a
    event.summary = MEMBER_WORDS
    event.save_revision(user=world.member_a)
    draft_event = _draft_event(slug="bozza-del-socio")
    world.page_a.add_child(instance=draft_event)
    draft_event.save_revision(user=world.member_a)
    section = world.page_a.get_parent()

    targets = [world.page_a, event] if not include_descendants else [section]
    query = "&".join(f"id={page.pk}" for page in targets)
    data = {"include_descendants": "on"} if include_descendants else {}
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(f"/admin/bulk/wagtailcore/page/publish/?{query}&next=/admin/", data)
    assert response.status_code in {200, 302}
    assert MEMBER_WORDS not in live_text(event)
    assert not Page.objects.get(pk=draft_event.pk).live
    # Wagtail's "include subpages" publishes the subpages that are not live: the draft event.
    assert in_review(draft_event if include_descendants else event) is not None


def test_admin_api_publish_action_is_refused_for_member_pages(world, editor_client):
    event = world.event_a
    event.summary = MEMBER_WORDS
    event.save_revision(user=world.member_a)
    response = editor_client.post(f"/admin/api/main/pages/{event.pk}/action/publish/", {})
    assert response.status_code == 403
    assert MEMBER_WORDS not in live_text(event)


def test_scheduled_publishing_publishes_only_approved_revisions(world, member_client):
    event = world.event_a
    response = member_client.post(
        f"/admin/pages/{event.pk}/edit/",
        {**_event_form(event, summary=MEMBER_WORDS), "go_live_at": _soon(), "action-submit": "1"},
    )
    assert response.status_code == 302
    Page.objects.filter(pk=event.pk).update(go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("publish_scheduled")
    assert MEMBER_WORDS not in live_text(event)


def test_copy_with_publish_copies_never_publishes_a_member_draft(world, editor_client):
    draft_event = _draft_event(slug="bozza-da-copiare")
    world.page_a.add_child(instance=draft_event)
    draft_event.save_revision(user=world.member_a)
    editor_client.post(
        f"/admin/pages/{draft_event.pk}/copy/",
        {"new_title": "Copia", "new_slug": "copia-bozza", "new_parent_page": world.page_a.pk, "publish_copies": "on"},
    )
    assert not Page.objects.filter(title__contains=MEMBER_WORDS, live=True).exists()
    assert not Page.objects.filter(slug="copia-bozza", live=True).exists()


def _draft_event(*, slug):
    return EventPage(title=MEMBER_WORDS, slug=slug, start=timezone.now(), live=False, summary="Bozza.",
                     venue_name="Sede", municipality="Genova", province="GE")


def _soon() -> str:
    return (timezone.localtime() + datetime.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")


def _event_form(event, **changes):
    from .forms import event_page_data

    return event_page_data(slug=event.slug, title=event.title, organizer=event.organizer_id, **changes)
