"""`manage.py seed_demo`: a realistic site in Italian, translated through wagtail-localize, safe to run twice.

A seed takes several seconds, so the module seeds once (`seeded`) inside a transaction rolled back at the end;
each test runs in a savepoint inside it, as usual.
"""

import datetime
import io
import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.languages import get_content_language
from content_models.blocks import BodyStreamBlock
from content_models.demo import data
from content_models.demo.text import Catalogue, rich, t
from content_models.models import (
    AssociationPage,
    EventIndexPage,
    EventPage,
    HomePage,
    InfographicPage,
    NewsPage,
    ServicePage,
    ServicePoint,
    Topic,
)
from tests.docs_examples import examples

TARGET_LANGUAGES = ["en", "fr", "ar"]
UNTRANSLATED_LANGUAGES = ["es", "sq", "ro", "zh-hans", "uk"]
ARABIC_LETTERS = re.compile("[\u0600-\u06ff]")


@pytest.fixture(scope="module")
def seed_media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("seed-media")


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, seed_media_root):
    """The output of one `seed_demo` run, shared by the module and rolled back after it."""
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(seed_media_root)),
        transaction.atomic(),
    ):
        output = io.StringIO()
        call_command("seed_demo", stdout=output)
        yield output.getvalue()
        transaction.set_rollback(True)
    # Wagtail caches the site root paths: they name pages the rollback removed.
    cache.clear()


@pytest.fixture
def italian_pages(seeded, db):
    home = HomePage.objects.get(locale__language_code="it")
    return list(Page.objects.descendant_of(home, inclusive=True).specific())


def _page_specs():
    return [*data.ASSOCIATIONS, *data.SERVICES, *data.INFOGRAPHICS, *data.EVENTS, *data.NEWS]


def _source_titles():
    """Italian title -> its Text (with the translations), for every page the demo defines."""
    titles = {spec.title.it: spec.title for spec in _page_specs()}
    titles.update({title.it: title for title, _intro in data.SECTIONS.values()})
    titles[data.HOME_TITLE.it] = data.HOME_TITLE
    return titles


def _counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "topics": Topic.objects.count(),
        "service points": ServicePoint.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "translation sources": TranslationSource.objects.count(),
        "translations": Translation.objects.count(),
        "string translations": StringTranslation.objects.count(),
        "redirects": Redirect.objects.count(),
    }


# --- What the seed creates ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_italian_site_has_every_kind_of_content(seeded):
    italian = {"locale__language_code": "it"}
    assert ServicePage.objects.filter(**italian).count() >= 10
    assert NewsPage.objects.filter(**italian).count() == 5
    assert InfographicPage.objects.filter(**italian).count() == 3
    assert AssociationPage.objects.filter(**italian).count() == 6
    assert ServicePoint.objects.filter(**italian).count() == 5
    assert set(Topic.objects.filter(**italian).values_list("slug", flat=True)) >= {
        "salute", "lavoro", "scuola-e-lingua-italiana", "casa", "documenti-e-permessi", "famiglia", "cultura",
        "partecipazione",
    }  # fmt: skip
    services = ServicePage.objects.filter(**italian)
    assert {service.programme_action for service in services} == {"01", "02", "03", "04"}
    for service in services:
        assert service.summary and service.how_to_access and service.topics.exists(), service.title
        assert service.service_points.exists() and service.provinces and service.service_languages, (
            service.title
        )


@pytest.mark.django_db
def test_events_are_past_and_future_some_all_day_online_or_by_associations(seeded):
    events = list(EventPage.objects.filter(locale__language_code="it"))
    now = timezone.now()
    rome = ZoneInfo("Europe/Rome")
    assert len(events) >= 20
    assert any(event.start < now for event in events) and any(event.start > now for event in events)
    assert any(event.online_url and not event.venue_name for event in events)
    all_day = [event for event in events if event.all_day]
    assert all_day and all(event.start.astimezone(rome).time() == datetime.time(0, 0) for event in all_day)
    by_associations = [event for event in events if event.get_parent().specific_class is AssociationPage]
    assert by_associations, "some events must be published under their association"
    assert all(event.organizer_id == event.get_parent().pk for event in by_associations)
    assert any(event.get_parent().specific_class is EventIndexPage for event in events)


@pytest.mark.django_db
def test_every_body_block_type_is_used(italian_pages):
    used = set()
    for page in italian_pages:
        for field in page._meta.get_fields():
            if isinstance(field, StreamField) and isinstance(field.stream_block, BodyStreamBlock):
                used |= {block.block_type for block in getattr(page, field.name)}
    assert used == set(BodyStreamBlock().child_blocks)


@pytest.mark.django_db
def test_all_content_passes_validation_including_block_rules(seeded):
    pages = Page.objects.exclude(depth=1).specific()
    assert len(pages) > 200
    for page in [*pages, *Topic.objects.all(), *ServicePoint.objects.all()]:
        page.full_clean()
        for field in page._meta.get_fields():
            if isinstance(field, StreamField):
                field.stream_block.clean(getattr(page, field.name))


@pytest.mark.django_db
def test_every_image_is_described_or_decorative_and_documents_are_pdfs(seeded, seed_media_root, settings):
    settings.MEDIA_ROOT = str(seed_media_root)
    images = list(get_image_model().objects.all())
    assert len(images) >= 20
    for image in images:
        assert image.has_accessible_text, image.title
        assert image.width > 0 and image.height > 0
    assert any(image.is_decorative and not image.description for image in images)
    documents = list(get_document_model().objects.all())
    assert len(documents) >= 2
    for document in documents:
        with document.open_file() as file:
            content = file.read()
        assert content.startswith(b"%PDF-1.4") and content.rstrip().endswith(b"%%EOF"), document.title
        xref = int(content.rsplit(b"startxref", 1)[1].split()[0])
        assert content[xref : xref + 4] == b"xref"


@pytest.mark.django_db
def test_progress_is_reported_step_by_step(seeded):
    snippets = len(data.TOPICS) + len(data.SERVICE_POINTS)
    for step in [
        f"Snippets: {snippets} ({snippets} new",
        f"Images and documents: {len(data.IMAGES) + len(data.DOCUMENTS)}",
        f"Services: {len(data.SERVICES)} ({len(data.SERVICES)} new)",
        f"Events: {len(data.EVENTS)} ({len(data.EVENTS)} new",
        f"News: {len(data.NEWS)} ({len(data.NEWS)} new)",
    ]:
        assert step in seeded
    sources = snippets + 1 + 5 + len(_page_specs())
    assert f"Translations (en, fr, ar): {3 * sources} ({3 * sources} new; {sources} sources)" in seeded


# --- Translations -------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_page_is_translated_and_live_in_english_french_and_arabic(italian_pages):
    titles = _source_titles()
    assert len(italian_pages) == 1 + 5 + len(_page_specs())
    for page in italian_pages:
        source = TranslationSource.objects.get_for_instance(page)
        for code in TARGET_LANGUAGES:
            locale = Locale.objects.get(language_code=code)
            assert Translation.objects.filter(source=source, target_locale=locale, enabled=True).exists()
            translated = page.get_translation(locale)
            assert translated.live and not translated.has_unpublished_changes, (code, page.title)
            assert translated.title == titles[page.title].in_language(code), (code, page.title)
            if code == "ar" and page.specific_class is not HomePage:  # the programme's name stays in Latin
                assert ARABIC_LETTERS.search(translated.title), translated.title


@pytest.mark.django_db
def test_translations_carry_translated_text_and_shared_taxonomy(seeded):
    source = ServicePage.objects.get(locale__language_code="it", slug="corsi-di-italiano-l2")
    arabic = source.get_translation(Locale.objects.get(language_code="ar"))
    assert ARABIC_LETTERS.search(arabic.summary)
    headings = [block.value["text"] for block in arabic.body if block.block_type == "heading"]
    assert headings == ["المستويات"]
    assert ARABIC_LETTERS.search(arabic.how_to_access[0].value["title"])
    # Topics and service points are synchronised: translations tag the same (Italian) snippets.
    assert set(arabic.topics.all()) == set(source.topics.all())
    assert set(arabic.service_points.all()) == set(source.service_points.all())


@pytest.mark.django_db
def test_topics_and_service_points_are_translated(seeded):
    for code in TARGET_LANGUAGES:
        assert Topic.objects.filter(locale__language_code=code).count() == 8
        assert ServicePoint.objects.filter(locale__language_code=code).count() == 5
    health = Topic.objects.get(locale__language_code="fr", slug="salute")
    assert health.name == "Santé"
    genova = ServicePoint.objects.get(locale__language_code="ar", municipality="Genova")
    assert ARABIC_LETTERS.search(genova.name) and genova.latitude is not None


@pytest.mark.django_db
def test_other_languages_are_left_untranslated(seeded):
    for code in UNTRANSLATED_LANGUAGES:
        assert not Page.objects.filter(locale__language_code=code).exists(), code
        assert not Topic.objects.filter(locale__language_code=code).exists(), code


@pytest.mark.django_db
def test_the_arabic_home_page_is_live_and_right_to_left(seeded):
    home = HomePage.objects.get(locale__language_code="ar")
    assert home.live and home.slug == "home-ar"
    assert ARABIC_LETTERS.search(home.intro)
    assert get_content_language(home.locale.language_code).is_rtl
    assert not get_content_language(
        HomePage.objects.get(locale__language_code="en").locale.language_code
    ).is_rtl


# --- Idempotency --------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_second_run_creates_and_changes_nothing(seeded):
    before = _counts()
    output = io.StringIO()
    call_command("seed_demo", stdout=output)
    assert _counts() == before
    assert before["redirects"] == 0
    assert "Demo site ready: 0 objects created" in output.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "example", [example for example in examples() if example.operation == "query"], ids=lambda example: example.id
)
def test_every_documented_query_finds_demo_content(seeded, seed_media_root, settings, client, example):
    # A portal developer pastes the docs' examples into GraphiQL on `make run`: each must show content.
    settings.MEDIA_ROOT = str(seed_media_root)  # renditions are made from the seeded originals
    body = {"query": example.document, "variables": example.variables}

    result = client.post("/graphql/", json.dumps(body), content_type="application/json").json()

    assert "errors" not in result, result
    for field, value in result["data"].items():
        assert value is not None, f"{field} is null on the demo"
        if isinstance(value, dict) and "edges" in value:
            assert value["edges"], f"{field} finds nothing on the demo"


# --- The translation catalogue (no database) ----------------------------------------------------------------


def test_catalogue_pairs_rich_text_paragraph_by_paragraph():
    catalogue = Catalogue().add_all(
        [
            rich(
                "<p>Uno <b>due</b></p><ul><li>tre</li></ul>",
                "<p>One <b>two</b></p><ul><li>three</li></ul>",
                "",
                "<p>واحد</p><ul><li>ثلاثة</li></ul>",
            )
        ]
    )
    assert catalogue.get("Uno <b>due</b>", "en") == "One <b>two</b>"
    assert catalogue.get("tre", "ar") == "ثلاثة"
    assert catalogue.get("tre", "fr") is None  # no translation: wagtail-localize falls back to Italian


def test_catalogue_refuses_a_translation_with_another_structure_or_two_translations():
    with pytest.raises(ValueError, match="keep the same structure"):
        Catalogue().add(rich("<p>Uno</p><p>Due</p>", "<p>One, two</p>"))
    with pytest.raises(ValueError, match="two different en translations"):
        Catalogue().add_all([t("Casa", "Home"), t("Casa", "Housing")])
