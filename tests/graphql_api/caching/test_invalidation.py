"""Every change to what the API serves reaches the very next request, cached responses notwithstanding.

Each test caches a response first (and checks the second request is a hit), changes content the way an editor or
the scheduler does, then expects the next response to show the change.
"""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from content_models.models import ContentGeneration
from tests.factories import ImageFactory, NewsPageFactory, ServicePageFactory, TopicFactory

PAGE = "query ($path: String!, $locale: String) { page(path: $path, locale: $locale) { title path isFallback } }"
NEWS = "{ newsPages { edges { node { title } } } }"
SERVICE_DETAILS = """
query ($path: String!) {
  page(path: $path) { ... on ServicePage { topics { name } seo { image { alt } } } }
}
"""


class Reader:
    """Asks the same query again and again, as a portal does, and says whether the answer came from the cache."""

    def __init__(self, graphql):
        self.graphql = graphql

    def __call__(self, query, variables=None):
        response = self.graphql.post(query, variables)
        body = response.json()
        assert not body.get("errors"), body["errors"]
        return body["data"], response["X-GraphQL-Cache"]

    def cached(self, query, variables=None):
        first, _ = self(query, variables)
        again, source = self(query, variables)
        assert (again, source) == (first, "hit")
        return first


@pytest.fixture
def reader(graphql):
    return Reader(graphql)


@pytest.fixture
def service(service_index):
    return ServicePageFactory(parent=service_index, title="Corsi", slug="corsi")


def _publish(page, **fields):
    page = Page.objects.get(pk=page.pk).specific
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def _at(monkeypatch, instant):
    """Move the clock: what the scheduler and the API's visibility rules both read."""
    monkeypatch.setattr(timezone, "now", lambda: instant)


@pytest.mark.django_db
def test_publishing_a_change(reader, service):
    assert reader.cached(PAGE, {"path": "/servizi/corsi/"})["page"]["title"] == "Corsi"

    _publish(service, title="Corsi di italiano")

    assert reader(PAGE, {"path": "/servizi/corsi/"}) == ({"page": {"title": "Corsi di italiano",
                                                                    "path": "/servizi/corsi/", "isFallback": False}},
                                                          "miss")


@pytest.mark.django_db
def test_unpublishing_and_deleting(reader, news_index):
    kept, gone = NewsPageFactory(parent=news_index, title="Resta"), NewsPageFactory(parent=news_index, title="Va")
    reader.cached(NEWS)

    gone.unpublish()
    assert [edge["node"]["title"] for edge in reader(NEWS)[0]["newsPages"]["edges"]] == ["Resta"]

    reader.cached(NEWS)
    kept.delete()
    assert reader(NEWS)[0]["newsPages"]["edges"] == []


@pytest.mark.django_db
def test_moving_a_page(reader, service, news_index):
    reader.cached(PAGE, {"path": "/servizi/corsi/"})

    service.move(news_index, pos="last-child")

    assert reader(PAGE, {"path": "/servizi/corsi/"})[0]["page"] is None
    assert reader(PAGE, {"path": "/notizie/corsi/"})[0]["page"]["path"] == "/notizie/corsi/"


@pytest.mark.django_db
def test_restricting_a_page(reader, service):
    reader.cached(PAGE, {"path": "/servizi/corsi/"})

    PageViewRestriction.objects.create(page=service, restriction_type="login")

    assert reader(PAGE, {"path": "/servizi/corsi/"})[0]["page"] is None


@pytest.mark.django_db
def test_saving_a_snippet_or_an_image(reader, service_index):
    topic, image = TopicFactory(name="Lavoro"), ImageFactory()
    image.description = "Prima"  # the alt text
    image.save()
    ServicePageFactory(parent=service_index, slug="dettagli", topics=[topic], social_image=image)
    reader.cached(SERVICE_DETAILS, {"path": "/servizi/dettagli/"})

    topic.name = "Lavoro e formazione"
    topic.save()
    image.description = "Dopo"
    image.save()

    assert reader(SERVICE_DETAILS, {"path": "/servizi/dettagli/"})[0]["page"] == {
        "topics": [{"name": "Lavoro e formazione"}], "seo": {"image": {"alt": "Dopo"}}
    }


@pytest.mark.django_db
def test_publishing_a_translation(reader, service, translate):
    assert reader.cached(PAGE, {"path": "/servizi/corsi/", "locale": "en"})["page"]["isFallback"] is True

    translate(service, "en", title="Italian courses")

    assert reader(PAGE, {"path": "/servizi/corsi/", "locale": "en"})[0]["page"]["title"] == "Italian courses"


@pytest.mark.django_db
def test_saving_a_draft_invalidates_nothing(reader, service):
    reader.cached(PAGE, {"path": "/servizi/corsi/"})
    generation = ContentGeneration.objects.get().value

    page = Page.objects.get(pk=service.pk).specific
    page.title = "Bozza"
    page.save_revision()

    assert ContentGeneration.objects.get().value == generation
    assert reader(PAGE, {"path": "/servizi/corsi/"}) == (
        {"page": {"title": "Corsi", "path": "/servizi/corsi/", "isFallback": False}}, "hit"
    )


@pytest.mark.django_db
def test_scheduled_publishing(reader, news_index, monkeypatch):
    now = timezone.now()
    scheduled = NewsPageFactory(parent=news_index, title="Domani", live=False)
    _publish(scheduled, go_live_at=now + datetime.timedelta(hours=1))  # Wagtail keeps it offline until then
    assert reader.cached(NEWS)["newsPages"]["edges"] == []

    _at(monkeypatch, now + datetime.timedelta(hours=2))
    call_command("publish_scheduled", verbosity=0)

    assert reader(NEWS)[0]["newsPages"]["edges"] == [{"node": {"title": "Domani"}}]


@pytest.mark.django_db
def test_a_page_that_expires_leaves_at_once_without_any_signal(reader, news_index, monkeypatch):
    """`publish_scheduled` may run minutes later; the API hides the page at its expiry, cached or not."""
    now = timezone.now()
    NewsPageFactory(parent=news_index, title="Scade", expire_at=now + datetime.timedelta(hours=1))
    assert reader.cached(NEWS)["newsPages"]["edges"] == [{"node": {"title": "Scade"}}]

    _at(monkeypatch, now + datetime.timedelta(minutes=59))
    assert reader(NEWS) == ({"newsPages": {"edges": [{"node": {"title": "Scade"}}]}}, "hit")
    _at(monkeypatch, now + datetime.timedelta(hours=1, microseconds=1))
    assert reader(NEWS) == ({"newsPages": {"edges": []}}, "miss")


@pytest.mark.django_db
def test_a_live_page_whose_go_live_time_comes_appears_at_once(reader, news_index, monkeypatch):
    now = timezone.now()
    page = NewsPageFactory(parent=news_index, title="Alle nove")
    page.go_live_at = now + datetime.timedelta(hours=1)  # a live row with a go-live time: hidden until then
    page.save()
    assert reader.cached(NEWS)["newsPages"]["edges"] == []

    _at(monkeypatch, now + datetime.timedelta(hours=1))
    assert reader(NEWS)[0]["newsPages"]["edges"] == [{"node": {"title": "Alle nove"}}]
