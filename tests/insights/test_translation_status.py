"""translationStatus through /graphql/: original, missing (fallback), current, stale, from published facts only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from content_models.models import EventIndexPage, ServiceIndexPage
from tests.factories import EventPageFactory, ServicePageFactory

from .conftest import localize, sync, translate_strings

STATUS = """
query ($path: String!, $locale: String) {
  page(path: $path, locale: $locale) {
    title isFallback lastPublishedAt
    translationStatus { state sourceUpdatedAt translatedAt }
    translations { locale { code } translationStatus { state } }
  }
}
"""


@pytest.fixture
def service(home, sections, django_capture_on_commit_callbacks):
    service = ServicePageFactory(parent=sections[ServiceIndexPage], title="Corsi di italiano", slug="corsi")
    with django_capture_on_commit_callbacks(execute=True):
        localize(home, "ar")
        localize(sections[ServiceIndexPage], "ar", {"Servizi": "الخدمات"})
        localize(service, "ar", {"Corsi di italiano": "دورات اللغة الإيطالية"})
    return service


def status(graphql, locale):
    return graphql.data(STATUS, {"path": "/servizi/corsi/", "locale": locale})["page"]


def republish(page, **fields):
    page = type(page).objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


@pytest.mark.django_db
def test_original_missing_and_current(graphql, service):
    italian = status(graphql, "it")
    assert italian["translationStatus"] == {
        "state": "ORIGINAL", "sourceUpdatedAt": italian["lastPublishedAt"], "translatedAt": None
    }
    assert italian["translations"] == [{"locale": {"code": "ar"}, "translationStatus": {"state": "CURRENT"}}]

    french = status(graphql, "fr")
    assert french["isFallback"] is True
    assert french["translationStatus"] == {
        "state": "MISSING", "sourceUpdatedAt": italian["lastPublishedAt"], "translatedAt": None
    }

    arabic = status(graphql, "ar")
    assert arabic["translationStatus"] == {
        "state": "CURRENT", "sourceUpdatedAt": italian["lastPublishedAt"], "translatedAt": arabic["lastPublishedAt"]
    }


@pytest.mark.django_db
def test_stale_after_an_edit_of_the_italian_until_synced_and_published(graphql, service,
                                                                       django_capture_on_commit_callbacks):
    updated = republish(service, summary="Nuovi orari dal 1° marzo.")
    arabic = status(graphql, "ar")
    assert arabic["translationStatus"]["state"] == "STALE"
    assert arabic["translationStatus"]["sourceUpdatedAt"] == updated.last_published_at.isoformat()

    source = sync(updated)
    assert status(graphql, "ar")["translationStatus"]["state"] == "STALE"  # synced, not published yet
    arabic_locale = Locale.objects.get(language_code="ar")
    translate_strings(source, arabic_locale, {"Nuovi orari dal 1° marzo.": "مواعيد جديدة من 1 مارس."})
    with django_capture_on_commit_callbacks(execute=True):
        source.create_or_update_translation(arabic_locale, publish=True, fallback=True)
    assert status(graphql, "ar")["translationStatus"]["state"] == "CURRENT"


@pytest.mark.django_db
def test_drafts_change_nothing_and_their_dates_never_show(graphql, service):
    before = status(graphql, "ar")
    draft = type(service).objects.get(pk=service.pk)
    draft.summary = "Bozza non pubblicata."
    draft.save_revision()  # the Italian's draft
    sync(draft)  # even sent to translation (wagtail-localize extracts the live row)
    after = status(graphql, "ar")
    assert after["translationStatus"] == before["translationStatus"]
    revision_date = type(service).objects.get(pk=service.pk).latest_revision_created_at.isoformat()
    assert revision_date not in str(after)


@pytest.mark.django_db
def test_a_listing_costs_the_same_queries_for_5_or_25_pages(graphql, sections, translate, no_response_cache):
    listing = "{ events(locale: \"ar\", first: 50) { edges { node { title translationStatus { state } } } } }"

    def queries(count):
        for index in range(count - 2 * len(created)):
            event = EventPageFactory(parent=sections[EventIndexPage])
            created.append(event)
            if index % 2 == 0:
                created.append(translate(event, "ar", title=f"فعالية {index}"))
        graphql.data(listing)
        with CaptureQueriesContext(connection) as captured:
            data = graphql.data(listing)
        states = [edge["node"]["translationStatus"]["state"] for edge in data["events"]["edges"]]
        assert set(states) == {"MISSING", "CURRENT"} and len(states) >= count // 2
        return len(captured)

    created = []
    assert queries(5) == queries(25)


@pytest.fixture
def no_response_cache(settings):
    settings.GRAPHQL_API = {**settings.GRAPHQL_API, "RESPONSE_CACHE_SECONDS": 0}
