"""Conditional GET, the server cache and its invalidation, and queries that do not grow with the items."""

import pytest
from django.conf import settings as django_settings
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from content_models import services
from content_models.models import ContentGeneration
from tests.factories import EventPageFactory, ImageFactory, NewsPageFactory, TopicFactory

from .feeds_support import INDEXES, empty_cache


@pytest.fixture(autouse=True)
def _empty_cache():
    empty_cache()
    yield
    empty_cache()


@pytest.mark.django_db
def test_conditional_get_with_etag_and_last_modified(client, sections):
    NewsPageFactory(parent=sections[INDEXES["news"]])
    response = client.get("/feeds/it/news.atom")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=300"
    etag, last_modified = response["ETag"], response["Last-Modified"]
    assert client.get("/feeds/it/news.atom", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/feeds/it/news.atom", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    assert client.get("/feeds/it/news.atom", HTTP_IF_NONE_MATCH='"other"').status_code == 200


@pytest.mark.django_db
def test_a_cached_feed_costs_one_query_and_each_change_invalidates_it(client, sections, django_assert_num_queries):
    news = NewsPageFactory(parent=sections[INDEXES["news"]], title="Prima")
    etag = client.get("/feeds/it/news.rss")["ETag"]
    with django_assert_num_queries(1) as captured:  # the content state, shared by every process
        assert client.get("/feeds/it/news.rss")["X-Feed-Cache"] == "hit"
    assert ContentGeneration._meta.db_table in captured.captured_queries[0]["sql"]

    second = NewsPageFactory(parent=sections[INDEXES["news"]], title="Seconda")  # publish
    response = client.get("/feeds/it/news.rss", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and b"Seconda" in response.content

    Page.objects.get(pk=second.pk).specific.unpublish()  # unpublish
    assert b"Seconda" not in client.get("/feeds/it/news.rss").content

    client.get("/feeds/it/news.rss")
    Page.objects.get(pk=news.pk).delete()  # delete
    assert b"Prima" not in client.get("/feeds/it/news.rss").content

    third = NewsPageFactory(parent=sections[INDEXES["news"]], title="Terza", slug="terza")
    client.get("/feeds/it/news.rss")
    page = Page.objects.get(pk=third.pk)
    page.move(sections[INDEXES["news"]], pos="last-child")  # move (same parent; moves signal all the same)
    page.refresh_from_db()
    assert client.get("/feeds/it/news.rss")["X-Feed-Cache"] == "miss"


@pytest.mark.django_db
def test_saving_a_draft_keeps_the_cache(client, sections):
    news = NewsPageFactory(parent=sections[INDEXES["news"]])
    client.get("/feeds/it/news.rss")
    news.title = "Bozza"
    news.save_revision()
    assert client.get("/feeds/it/news.rss")["X-Feed-Cache"] == "hit"


QUERY_COUNT_URLS = [
    "/feeds/it/news.rss", "/feeds/it/events.json", "/feeds/it/events.ics", "/feeds/it/topics/salute.atom",
]
FEEDS_UNCACHED = {"CACHE_SECONDS": 0}


@pytest.mark.django_db
class TestQueriesDoNotGrowWithItems:
    """Each feed costs no more queries with 50 items than with 5. A hundred pages and fifty images take half a
    minute to make: the class makes them once for the four feeds (`queries_at_five` counts each feed's queries at
    5 items, then adds 45, in a transaction rolled back after the class) and each test checks one feed at 50."""

    @pytest.fixture(scope="class")
    @classmethod
    def media_folder(cls, tmp_path_factory):
        return tmp_path_factory.mktemp("feed-items-media")

    @pytest.fixture(autouse=True)
    def _media_root(self, settings, media_folder):
        settings.MEDIA_ROOT = str(media_folder)  # the images' files, made by the class's fixture

    @pytest.fixture(scope="class")
    @classmethod
    def queries_at_five(cls, django_db_setup, django_db_blocker, media_folder):
        overrides = override_settings(
            # What the suite's autouse fixtures set for each test (tests/conftest.py), for the class's set-up.
            MEDIA_ROOT=str(media_folder), PRINT_ON_PUBLISH=False, INSIGHTS_FLUSH_SECONDS=0, INSIGHTS_BUFFER="memory",
            DISTRIBUTION_FEEDS={**django_settings.DISTRIBUTION_FEEDS, **FEEDS_UNCACHED},
        )
        with django_db_blocker.unblock(), overrides, transaction.atomic():
            empty_cache()
            services.locales_sync()
            home = services.home_page_ensure()
            news_index = INDEXES["news"].objects.child_of(home).get()
            events_index = INDEXES["events"].objects.child_of(home).get()
            topic = TopicFactory(slug="salute")

            def add(count):
                for _index in range(count):
                    image = ImageFactory()
                    NewsPageFactory(parent=news_index, main_image=image, topics=[topic], body=[
                        ("paragraph", f'<p><a linktype="page" id="{news_index.pk}">sezione</a></p>'),
                        ("image", {"image": image, "caption": "", "alt_text": "x"})])
                    EventPageFactory(parent=events_index, topics=[topic], social_image=image)

            add(5)
            client = Client()
            five = {}
            for url in QUERY_COUNT_URLS:
                client.get(url)  # renditions are made on first use: count warm requests
                with CaptureQueriesContext(connection) as context:
                    assert client.get(url).status_code == 200
                five[url] = len(context)  # the connection keeps a bounded log, which 45 more pages would roll over
            add(45)
            yield five
            transaction.set_rollback(True)
        empty_cache()

    @pytest.mark.parametrize("url", QUERY_COUNT_URLS)
    def test_queries_do_not_grow_with_items(self, client, queries_at_five, url, settings,
                                            django_assert_max_num_queries):
        settings.DISTRIBUTION_FEEDS = {**settings.DISTRIBUTION_FEEDS, **FEEDS_UNCACHED}
        five = queries_at_five[url]
        client.get(url)
        assert five > 5
        with django_assert_max_num_queries(five):
            response = client.get(url)
        assert response.status_code == 200
        assert response.content.count(b"Notizia" if "news" in url else b"Evento") > 20
