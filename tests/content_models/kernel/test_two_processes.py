"""The one content generation across processes: every kind of write made by one process makes both the API and
the feeds of two other processes miss their caches on their very next request (each has its own local-memory
cache; only the database is shared, as in a deployment without Redis)."""

import json
import sqlite3
import time

import pytest

from tests.processes import manage, process_environment, servers_start, shared_database  # noqa: F401

SEED = """
from content_models import services
from content_models.models import NewsIndexPage, ServiceIndexPage
from tests.factories import DocumentFactory, ImageFactory, NewsPageFactory, ServicePageFactory, TopicFactory

home = services.home_page_ensure()
news = NewsIndexPage.objects.child_of(home).get()
NewsPageFactory(parent=news, title="Da pubblicare", slug="da-pubblicare")
NewsPageFactory(parent=news, title="Da spostare", slug="da-spostare")
NewsPageFactory(parent=news, title="Da ritirare", slug="da-ritirare")
NewsPageFactory(parent=news, title="Da cancellare", slug="da-cancellare")
TopicFactory(slug="lavoro")
ImageFactory(title="Foto")
DocumentFactory(title="Modulo")
"""
PAGE = "from content_models.models import NewsPage\npage = NewsPage.objects.get(slug={slug!r})\n"
WRITES = {
    "publish": PAGE.format(slug="da-pubblicare") + "page.title = 'Pubblicata'\npage.save_revision().publish()",
    "move": PAGE.format(slug="da-spostare") + (
        "from content_models.models import EventIndexPage\n"
        "page.move(EventIndexPage.objects.get(), pos='last-child')"),
    "unpublish": PAGE.format(slug="da-ritirare") + "page.unpublish()",
    "delete": PAGE.format(slug="da-cancellare") + "page.delete()",
    "snippet saved": "from content_models.models import Topic\ntopic = Topic.objects.get(slug='lavoro')\n"
                     "topic.name = 'Lavoro e formazione'\ntopic.save()",
    "image saved": "from wagtail.images import get_image_model\nimage = get_image_model().objects.get()\n"
                   "image.description = 'Nuovo testo alternativo'\nimage.save()",
    "document saved": "from wagtail.documents import get_document_model\n"
                      "document = get_document_model().objects.get()\ndocument.title = 'Modulo 2026'\n"
                      "document.save()",
}
API = ("/graphql/", {"query": "{ newsPages { edges { node { title url } } } }"})
FEED = ("/feeds/it/news.rss", {})


def source(server, path: str, params: dict) -> str:
    """Where the answer came from: "hit" (the process's own cache) or "miss"."""
    response = server.get(path, params={key: json.dumps(value) if isinstance(value, dict) else value
                                        for key, value in params.items()})
    return response.headers.get("X-GraphQL-Cache") or response.headers["X-Feed-Cache"]


# Marked so that pytest-django creates the test database the fixture copies; this test never writes to it.
@pytest.mark.django_db
def test_every_write_makes_the_api_and_the_feeds_of_every_process_miss(shared_database, tmp_path):  # noqa: F811
    started = time.monotonic()
    environment = process_environment(shared_database)
    manage(environment, "shell", "-c", SEED)
    servers = servers_start(environment, tmp_path)

    def generation() -> int:
        with sqlite3.connect(shared_database) as database:
            return database.execute("SELECT value FROM content_models_contentgeneration").fetchone()[0]

    try:
        for name, write in WRITES.items():
            for server in servers:
                for endpoint in (API, FEED):
                    source(server, *endpoint)
                    assert source(server, *endpoint) == "hit", (name, endpoint, "cached before the write")
            before = generation()

            manage(environment, "shell", "-c", write)  # a third process writes

            assert generation() > before, name
            answers = {(server.port, endpoint[0]): source(server, *endpoint) for server in servers
                       for endpoint in (API, FEED)}
            assert set(answers.values()) == {"miss"}, (name, answers)
    finally:
        for server in servers:
            server.stop()
    print(f"{len(WRITES)} kinds of write, API and feeds of two processes: {time.monotonic() - started:.1f} s")
