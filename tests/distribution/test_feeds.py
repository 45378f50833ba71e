"""Feeds per locale and section: parsed with feedparser, JSON Feed by its required keys, full content, images."""


import feedparser
import pytest
from django.core.files.base import ContentFile
from wagtail.fields import StreamField
from wagtail.models import Locale

from cms.languages import get_content_language
from content_models.blocks import BodyStreamBlock
from distribution.feeds.html import check_renderers
from media.rendition_misses import misses_flush
from tests.factories import (
    AssociationPageFactory,
    EventPageFactory,
    ImageFactory,
    InfographicPageFactory,
    NewsPageFactory,
    ServicePageFactory,
    TopicFactory,
    png_bytes,
    translation_publish,
)

from .feeds_support import INDEXES, SEEDED_LOCALES, empty_cache

ARABIC_TITLE = "دورة اللغة الإيطالية"
FORMATS = ("rss", "atom", "json")


@pytest.fixture(autouse=True)
def _empty_cache():
    empty_cache()
    yield
    empty_cache()


@pytest.fixture
def content(sections, django_capture_on_commit_callbacks):
    """One page per section in Italian, translated into every seeded locale (Arabic with Arabic text)."""
    health = TopicFactory(name="Salute", slug="salute")
    image = ImageFactory(description="Persone in aula", credit="Foto Regione Liguria",
                         file=ContentFile(png_bytes(1600, 900), name="aula.png"))
    pages = {
        "news": NewsPageFactory(parent=sections[INDEXES["news"]], title="Nuovi corsi", main_image=image,
                                topics=[health], body=[("heading", {"text": "Dove", "level": "h2"}),
                                                       ("paragraph", "<p>A <b>Genova</b>.</p>")]),
        "events": EventPageFactory(parent=sections[INDEXES["events"]], title="Festa", latitude="44.407",
                                   longitude="8.934", topics=[health]),
        "services": ServicePageFactory(parent=sections[INDEXES["services"]], title="Corso",
                                       what_you_need="<p>Un documento</p>", topics=[health]),
        "associations": AssociationPageFactory(parent=sections[INDEXES["associations"]], title="Amici"),
        "infographics": InfographicPageFactory(parent=sections[INDEXES["infographics"]], title="Dati"),
    }
    for code in SEEDED_LOCALES[1:]:
        for key, page in pages.items():
            title = ARABIC_TITLE if code == "ar" else f"{page.title} ({code})"
            translation_publish(page, code, title=title, slug=f"{key}-{code}")
    return pages


@pytest.mark.django_db
def test_every_section_feed_parses_in_every_seeded_locale(client, content):
    for code in SEEDED_LOCALES:
        _check_locale_feeds(client, code)


def _check_locale_feeds(client, code):
    for section in INDEXES:
        for fmt in ("rss", "atom"):
            response = client.get(f"/feeds/{code}/{section}.{fmt}")
            assert response.status_code == 200, (section, fmt)
            parsed = feedparser.parse(response.content)
            assert parsed.bozo == 0, (section, fmt, parsed.get("bozo_exception"))
            assert parsed.feed.language == code
            assert len(parsed.entries) == 1, (section, fmt)
            entry = parsed.entries[0]
            assert entry.link.startswith(f"http://localhost:3000/{code}/")
            direction = "rtl" if code == "ar" else "ltr"
            assert f'<div dir="{direction}" lang="{code}">' in entry.content[0].value  # as feedparser writes it
        feed = client.get(f"/feeds/{code}/{section}.json").json()
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert feed["language"] == code and feed["title"]
        assert feed["_interazioni"]["direction"] == ("rtl" if code == "ar" else "ltr")
        for item in feed["items"]:
            assert item["id"] and (item.get("content_html") or item.get("content_text"))
            assert item["language"] == code


@pytest.mark.django_db
def test_arabic_feed_says_it_is_arabic(client, content):
    response = client.get("/feeds/ar/news.atom")
    assert b'xml:lang="ar"' in response.content
    entry = feedparser.parse(response.content).entries[0]
    assert entry.title == ARABIC_TITLE
    assert entry.content[0].language == "ar"
    assert '<div dir="rtl" lang="ar">' in entry.content[0].value
    rss = client.get("/feeds/ar/news.rss").content.decode()
    assert "<language>ar</language>" in rss and ARABIC_TITLE in rss


@pytest.mark.django_db
def test_items_carry_full_content_image_and_topics(client, content):
    TopicFactory(name="Health", slug="health", translation_key=content["news"].topics.get().translation_key,
                 locale=Locale.objects.get(language_code="en"))

    client.get("/feeds/it/news.rss")  # finds the renditions missing: a read never makes them, a task does
    assert misses_flush() > 0

    entry = feedparser.parse(client.get("/feeds/it/news.rss").content).entries[0]
    html = entry.content[0].value
    assert "<h2>Dove</h2>" in html and "<b>Genova</b>" in html
    assert entry.summary == "Un riassunto breve e chiaro."
    assert [tag.term for tag in entry.tags] == ["Salute"]
    enclosure = entry.enclosures[0]
    assert enclosure.href.startswith("http://127.0.0.1:8000/") and enclosure.type == "image/jpeg"
    assert entry.media_content[0]["width"] == "1200"
    assert f'src="{enclosure.href}"' not in html  # the body shows the content rendition, the enclosure the social one
    assert "Foto Regione Liguria" in html, "credits travel with the image"

    english = feedparser.parse(client.get("/feeds/en/news.rss").content).entries[0]
    assert [tag.term for tag in english.tags] == ["Health"], "topics in the feed's language"
    french = feedparser.parse(client.get("/feeds/fr/news.rss").content).entries[0]
    assert [tag.term for tag in french.tags] == ["Salute"], "untranslated topics fall back to Italian"

    item = client.get("/feeds/it/news.json").json()["items"][0]
    assert item["image"] == enclosure.href and item["tags"] == ["Salute"]
    assert item["id"].startswith("tag:interazioni.regione.liguria.it,2025:page/")


@pytest.mark.django_db
def test_untranslated_pages_stay_out_of_other_locales(client, sections, django_capture_on_commit_callbacks):
    news = NewsPageFactory(parent=sections[INDEXES["news"]], title="Solo in italiano")
    other = NewsPageFactory(parent=sections[INDEXES["news"]], title="Tradotta")
    translation_publish(other, "ar", title=ARABIC_TITLE)
    arabic = feedparser.parse(client.get("/feeds/ar/news.rss").content)
    assert [entry.title for entry in arabic.entries] == [ARABIC_TITLE]
    assert news.title not in client.get("/feeds/ar/news.rss").content.decode()


@pytest.mark.django_db
def test_topic_feeds_list_every_section(client, content):
    topic = content["news"].topics.get()
    for fmt in FORMATS[:2]:
        parsed = feedparser.parse(client.get(f"/feeds/ar/topics/{topic.slug}.{fmt}").content)
        assert parsed.bozo == 0 and parsed.feed.language == "ar"
        assert len(parsed.entries) == 3  # news, event, service carry the topic
    assert client.get("/feeds/it/topics/nessuno.rss").status_code == 404


@pytest.mark.django_db
def test_unknown_locales_sections_and_formats_are_404(client, home):
    assert client.get("/feeds/xx/news.rss").status_code == 404
    assert client.get("/feeds/it/blog.rss").status_code == 404
    assert client.get("/feeds/it/news.xml").status_code == 404
    assert client.get("/feeds/es/news.rss").status_code == 200, "a configured locale with no content has a feed"
    assert client.post("/feeds/it/news.rss").status_code == 405


@pytest.mark.django_db
def test_index_lists_every_feed(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        data = client.get("/feeds/").json()
    arabic = next(locale for locale in data["locales"] if locale["code"] == "ar")
    assert arabic["direction"] == "rtl" and arabic["name"] == get_content_language("ar").native_name
    urls = {feed["url"] for feed in arabic["feeds"]}
    assert "http://127.0.0.1:8000/feeds/ar/events.ics" in urls
    assert "http://127.0.0.1:8000/feeds/ar/news.json" in urls
    assert data["topicFeeds"]["pattern"] == "http://127.0.0.1:8000/feeds/{locale}/topics/{topic}.{format}"


def test_every_block_of_every_stream_field_has_a_feed_renderer():
    from django.apps import apps

    streams = [BodyStreamBlock()]
    for model in apps.get_app_config("content_models").get_models():
        for field in model._meta.fields:
            if isinstance(field, StreamField):
                streams.append(field.stream_block)
    check_renderers(*streams)
    assert len(streams) > 5, "pages and snippets with StreamFields are walked"
