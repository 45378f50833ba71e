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
from django.db import connection, transaction
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
from media.rendition_misses import misses_flush, process_misses
from newsletter.models import Dispatch, NewsletterIssue
from tests.docs_examples import examples
from tests.factories.printing import print_edition_create

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


# --- No writes on a public read -----------------------------------------------------------------------------
# Every public entry point, on the demo with every rendition deleted, with the database connection refusing any
# write: nothing is made inside a read (docs/media.md, "Renditions are made ahead of reads"); the renditions the
# reads missed are enqueued afterwards, from outside the request, and made by the task.

WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|REPLACE|TRUNCATE)\b", re.IGNORECASE)

READ_BLOCKS = """
fragment ReadBlocks on Block {
  blockType
  ... on RichTextBlock { html }
  ... on ImageBlock { image { url width height rendition(filter: "content") { url ready } srcset(filter: "card") } }
  ... on CallToActionBlock { page { url } }
  ... on DocumentBlock { document { url } }
  ... on RelatedPagesBlock { pages { url } }
}
"""
READ_PAGE = """
query ReadOnlyPage($id: ID!) {
  page(id: $id) {
    __typename title url jsonLd translations { url }
    seo { image { url rendition(filter: "social") { url width height ready } srcset(filter: "card") } }
    ... on ServicePage { summary body { ...ReadBlocks } printEditions { url } }
    ... on EventPage { body { ...ReadBlocks } }
    ... on NewsPage { body { ...ReadBlocks } }
    ... on AssociationPage { body { ...ReadBlocks } logo { url } }
    ... on InfographicPage { image { rendition(filter: "hero") { url ready } } }
  }
}
""" + READ_BLOCKS
READ_SEARCH = 'query ReadOnlySearch { search(query: "lavoro", first: 5) { edges { node { title url } } } }'


def _refuse_writes(writes):
    def guard(execute, sql, params, many, context):
        if WRITES.match(sql):
            writes.append(sql)
            raise AssertionError(f"a write inside a public read: {sql[:200]}")
        return execute(sql, params, many, context)

    return guard


def _public_reads(client, pages, issue):
    """(what, response) for each public entry point."""
    for page in pages:
        body = {"query": READ_PAGE, "variables": {"id": str(page.pk)}}
        yield f"POST page {type(page).__name__}", client.post(
            "/graphql/", json.dumps(body), content_type="application/json"
        )
        yield f"GET page {type(page).__name__}", client.get(
            "/graphql/", {"query": READ_PAGE, "variables": json.dumps(body["variables"])}
        )
    yield "GET search", client.get("/graphql/", {"query": READ_SEARCH})
    for example in examples():
        if example.operation == "query":
            body = {"query": example.document, "variables": example.variables}
            yield f"POST {example.id}", client.post("/graphql/", json.dumps(body), content_type="application/json")
    for url in [
        "/feeds/", "/feeds/it/events.ics", "/feeds/ar/events.ics",
        *(f"/feeds/it/{section}.{fmt}" for section in ("news", "events", "services", "associations", "infographics")
          for fmt in ("rss", "atom", "json")),
        "/feeds/it/topics/lavoro.rss",
        f"/newsletter/view/{issue.translation_key}/it/", f"/newsletter/view/{issue.translation_key}/ar/",
        "/healthz/", "/graphql/",
    ]:
        yield f"GET {url}", client.get(url, HTTP_ACCEPT="text/html")


@pytest.mark.django_db
def test_no_public_read_writes_even_with_every_rendition_missing(seeded, seed_media_root, settings, client):
    settings.MEDIA_ROOT = str(seed_media_root)
    settings.MEDIA_RENDITION_MISSES_FLUSH_SECONDS = 0  # flushed below, by hand
    settings.GRAPHQL_API = {**settings.GRAPHQL_API, "MAX_COST": 10**7}
    get_image_model().get_rendition_model().objects.all().delete()
    italian = {"locale__language_code": "it"}
    pages = [
        model.objects.filter(**italian).order_by("pk").first()
        for model in (ServicePage, EventPage, NewsPage, AssociationPage, InfographicPage, HomePage)
    ]
    print_edition_create(pages[0])
    image = get_image_model().objects.order_by("pk").first()
    issue = NewsletterIssue(
        subject="Notizie", preheader="", locale=Locale.get_default(),
        body=[("image", {"image": image, "caption": "", "alt_text": ""}),
              ("teasers", {"title": "", "pages": [pages[1]], "show_images": True})],
    )
    issue.save()
    issue.save_revision().publish()
    Dispatch.objects.create(issue=issue, status=Dispatch.Status.SENDING)
    cache.clear()  # Wagtail's rendition cache, the feeds' and the web view's pages
    process_misses().clear()
    writes = []

    with connection.execute_wrapper(_refuse_writes(writes)):
        answers = list(_public_reads(client, pages, issue))

    assert writes == []
    failed = {what: response.status_code for what, response in answers if response.status_code != 200}
    assert failed == {}
    errors = {what: response.json()["errors"] for what, response in answers
              if response["Content-Type"].startswith("application/json") and "errors" in response.json()}
    assert errors == {}
    with_image = [response.json()["data"]["page"] for what, response in answers if what.startswith("POST page")]
    with_image = [page for page in with_image if page["seo"]["image"]]
    assert with_image
    for page in with_image:  # neither the rendition nor the full-size copy exists yet: no URL, and said so
        assert page["seo"]["image"]["url"] == "" and page["seo"]["image"]["srcset"] == ""
        assert page["seo"]["image"]["rendition"]["url"] == "" and page["seo"]["image"]["rendition"]["ready"] is False
    assert not get_image_model().get_rendition_model().objects.exists()

    # After the reads, outside any request: one task (immediate here) makes what they missed.
    missed = len(process_misses())
    assert missed and misses_flush() == missed
    assert misses_flush() == 0  # noted once, enqueued once
    page_id = next(page_id for page_id in (str(page.pk) for page in pages)
                   if client.post("/graphql/", json.dumps({"query": READ_PAGE, "variables": {"id": page_id}}),
                                  content_type="application/json").json()["data"]["page"]["seo"]["image"])
    made = client.post("/graphql/", json.dumps({"query": READ_PAGE, "variables": {"id": page_id}}),
                       content_type="application/json").json()["data"]["page"]
    rendition = made["seo"]["image"]["rendition"]
    assert rendition["ready"] is True and rendition["url"].endswith(".jpg") and rendition["width"] == 1200
    assert made["seo"]["image"]["url"] and made["seo"]["image"]["srcset"].count("w") >= 3


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
