"""Translation health through wagtail-localize's own flow: translate, edit the Italian, sync, publish."""

import pytest
from wagtail.models import Locale

from content_models.models import ServiceIndexPage
from insights.staleness import Reason, State
from insights.translation_health import coverage, translation_health
from tests.factories import ServicePageFactory, ServicePointFactory, TopicFactory

from .conftest import localize, sync, translate_strings


def health_of(obj, code):
    health = translation_health(locales=[code])
    return next(item for item in health.items if item.translation_key == obj.translation_key)


@pytest.fixture
def arabic_service(home, sections, django_capture_on_commit_callbacks):
    """An Italian service page translated into Arabic through wagtail-localize, with its ancestors."""
    service = ServicePageFactory(parent=sections[ServiceIndexPage], title="Corsi di italiano", slug="corsi")
    with django_capture_on_commit_callbacks(execute=True):
        localize(home, "ar")
        localize(sections[ServiceIndexPage], "ar", {"Servizi": "الخدمات"})
        localize(service, "ar", {"Corsi di italiano": "دورات اللغة الإيطالية"})
    return service


def republish(page, **fields):
    page = type(page).objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


@pytest.mark.django_db
def test_a_fresh_translation_is_current_and_missing_ones_are_missing(arabic_service):
    item = health_of(arabic_service, "ar")
    assert (item.state, item.reason) == (State.CURRENT, None)
    assert item.source_updated_at <= item.synced_at <= item.translated_at
    french = health_of(arabic_service, "fr")
    assert (french.state, french.reason, french.target_pk) == (State.MISSING, Reason.NOT_TRANSLATED, None)


@pytest.mark.django_db
def test_editing_the_italian_makes_the_translation_stale_until_synced_and_published(
    arabic_service, django_capture_on_commit_callbacks
):
    service = republish(arabic_service, summary="Nuovi orari dei corsi dal 1° marzo.")
    item = health_of(service, "ar")
    assert (item.state, item.reason) == (State.STALE, Reason.NOT_SYNCED)  # edited, not re-synced
    assert item.source_updated_at > item.synced_at

    source = sync(service)
    item = health_of(service, "ar")
    assert (item.state, item.reason) == (State.STALE, Reason.NOT_PUBLISHED)  # synced, waiting for the translator

    arabic = Locale.objects.get(language_code="ar")
    translate_strings(source, arabic, {"Nuovi orari dei corsi dal 1° marzo.": "مواعيد جديدة للدورات من 1 مارس."})
    with django_capture_on_commit_callbacks(execute=True):
        source.create_or_update_translation(arabic, publish=True, fallback=True)
    item = health_of(service, "ar")
    assert (item.state, item.reason) == (State.CURRENT, None)


@pytest.mark.django_db
def test_a_draft_of_the_italian_changes_nothing(arabic_service):
    page = type(arabic_service).objects.get(pk=arabic_service.pk)
    page.summary = "Bozza: nuovi orari."
    page.save_revision()  # saved, not published
    assert health_of(page, "ar").state == State.CURRENT


@pytest.mark.django_db
def test_a_translation_saved_but_not_published_is_missing(home, sections, django_capture_on_commit_callbacks):
    service = ServicePageFactory(parent=sections[ServiceIndexPage])
    with django_capture_on_commit_callbacks(execute=True):
        localize(home, "fr")
        localize(sections[ServiceIndexPage], "fr")
        localize(service, "fr", publish=False)
    item = health_of(service, "fr")
    assert (item.state, item.reason) == (State.MISSING, Reason.NOT_LIVE) and item.target_pk


@pytest.mark.django_db
def test_a_translation_made_by_hand_is_stale_when_the_italian_is_newer(sections, translate):
    service = ServicePageFactory(parent=sections[ServiceIndexPage])
    translate(service, "en", title="Italian courses")
    assert health_of(service, "en").state == State.CURRENT
    republish(service, summary="Cambiato.")
    item = health_of(service, "en")
    assert (item.state, item.reason) == (State.STALE, Reason.SOURCE_NEWER)


@pytest.mark.django_db
def test_snippets_without_drafts_are_compared_by_content(home):
    topic = TopicFactory(name="Salute", slug="salute", description="Medico di base e pronto soccorso.")
    localize(topic, "ar", {"Salute": "الصحة", "Medico di base e pronto soccorso.": "طبيب الأسرة والطوارئ."})
    assert health_of(topic, "ar").state == State.CURRENT

    topic.description = "Medico di base, consultori e pronto soccorso."
    topic.save()
    item = health_of(topic, "ar")
    assert (item.state, item.reason) == (State.STALE, Reason.SOURCE_EDITED)

    source = sync(topic)
    item = health_of(topic, "ar")
    assert (item.state, item.reason) == (State.STALE, Reason.NOT_PUBLISHED)
    assert item.progress == (3, 1)  # name, slug (kept in Italian) and the new description, which waits

    arabic = Locale.objects.get(language_code="ar")
    translate_strings(source, arabic, {"Medico di base, consultori e pronto soccorso.": "طبيب الأسرة والاستشارات."})
    source.create_or_update_translation(arabic, fallback=True)
    item = health_of(topic, "ar")
    assert (item.state, item.progress) == (State.CURRENT, (3, 2))

    point = ServicePointFactory()
    assert health_of(point, "ar").state == State.MISSING


@pytest.mark.django_db
def test_the_matrix_counts_sections_by_locale(arabic_service, sections, home):
    ServicePageFactory(parent=sections[ServiceIndexPage])  # not translated
    health = translation_health(locales=["ar", "fr"])
    rows = {group.key if group else "total": cells for group, cells in coverage(health)}
    services = {cell.locale.language_code: cell for cell in rows[f"section:{sections[ServiceIndexPage].pk}"]}
    # The section page itself and the translated service are current; the other service is missing.
    assert (services["ar"].current, services["ar"].stale, services["ar"].missing) == (2, 0, 1)
    assert (services["fr"].current, services["fr"].missing) == (0, 3)
    assert rows["total"][0].total == sum(cell.total for key, cells in rows.items() if key != "total"
                                         for cell in cells[:1])
