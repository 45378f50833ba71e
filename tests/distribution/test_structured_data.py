"""schema.org JSON-LD per page type, in Italian and Arabic, from the builders and through the API's `jsonLd`."""

import datetime
import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from content_models.kernel.reader import ContentReader
from content_models.models import EventPage, HomePage
from distribution.feeds.sources import FeedSources
from distribution.structured_data import page_json_ld
from tests.factories import (
    AssociationPageFactory,
    EventPageFactory,
    ImageFactory,
    InfographicPageFactory,
    NewsPageFactory,
    ServicePageFactory,
    ServicePointFactory,
    TopicFactory,
    translation_publish,
)

from .feeds_support import INDEXES

# Google's required properties (and the ones the issue names) per type.
REQUIRED = {
    "GovernmentService": {"name", "url", "provider", "availableLanguage", "areaServed", "inLanguage"},
    "Event": {"name", "startDate", "location", "eventStatus", "eventAttendanceMode", "organizer", "inLanguage"},
    "NewsArticle": {"headline", "image", "datePublished", "dateModified", "publisher", "inLanguage"},
    "Organization": {"name", "url"},
    "WebPage": {"name", "url", "inLanguage"},
    "CollectionPage": {"name", "url", "inLanguage"},
}


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def pages(sections, django_capture_on_commit_callbacks):
    topic = TopicFactory(name="Lavoro", slug="lavoro")
    image = ImageFactory(credit="Regione Liguria", licence="CC BY 4.0")
    association = AssociationPageFactory(parent=sections[INDEXES["associations"]], title="Amici del mondo",
                                         logo=image, languages_spoken=["ar", "fr"], website="https://amici.example",
                                         email="info@amici.example")
    made = {
        "GovernmentService": ServicePageFactory(
            parent=sections[INDEXES["services"]], title="Sportello lavoro", topics=[topic],
            service_points=[ServicePointFactory()], service_languages=["it", "ar"], audiences=["workers"],
            provinces=["GE", "SV"], online_url="https://servizi.example/lavoro"),
        "Event": EventPageFactory(
            parent=sections[INDEXES["events"]], title="Incontro", organizer=association, address="Via Balbi 5",
            latitude="44.414000", longitude="8.927000", event_languages=["ar"], online_url="https://meet.example",
            start=datetime.datetime(2030, 4, 1, 16, tzinfo=datetime.UTC), social_image=image),
        "NewsArticle": NewsPageFactory(parent=sections[INDEXES["news"]], title="Notizia", main_image=image,
                                       date=datetime.date(2030, 1, 10)),
        "Organization": association,
        "WebPage": InfographicPageFactory(parent=sections[INDEXES["infographics"]], title="Dati"),
        "CollectionPage": sections[INDEXES["news"]],
    }
    # The section first: translating a page copies its untranslated parents as aliases.
    for page in [made["CollectionPage"], *made.values()][:-1]:
        translation_publish(page, "ar", title=f"عربي {page.title}")
    return made


def _ld(page, code):
    locale = Locale.objects.get(language_code=code)
    page = Page.objects.get(translation_key=page.translation_key, locale=locale).specific
    context = FeedSources(locale=locale, reader=ContentReader())
    context.prepare([page])
    return json.loads(json.dumps(page_json_ld(page, sources=context)))  # plain JSON, nothing Python-only


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["it", "ar"])
def test_every_page_type_has_its_required_properties(pages, code):
    for type_name, page in pages.items():
        data = _ld(page, code)
        assert data["@context"] == "https://schema.org" and data["@type"] == type_name
        missing = REQUIRED[type_name] - set(data)
        assert not missing, (type_name, missing)
        assert data["url"].startswith(f"http://localhost:3000/{code}/")
        if "inLanguage" in REQUIRED[type_name] and type_name != "Event":
            assert data["inLanguage"] == code


@pytest.mark.django_db
def test_types_say_what_portals_need(pages):
    service = _ld(pages["GovernmentService"], "ar")
    assert service["name"].startswith("عربي")
    assert [lang["alternateName"] for lang in service["availableLanguage"]] == ["it", "ar"]
    assert service["provider"][0] == {"@type": "GovernmentOrganization", "name": "Regione Liguria",
                                      "url": "https://www.regione.liguria.it"}
    assert [area["name"] for area in service["areaServed"]] == ["Genova", "Savona"]
    assert service["availableChannel"][0]["serviceLocation"]["geo"]["@type"] == "GeoCoordinates"
    assert service["audience"][0]["@type"] == "Audience" and service["serviceType"] == ["Lavoro"]

    event = _ld(pages["Event"], "ar")
    assert event["startDate"] == "2030-04-01T18:00:00+02:00", "Europe/Rome, with its offset"
    assert event["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, online = event["location"]
    assert place["address"]["streetAddress"] == "Via Balbi 5" and place["geo"]["latitude"] == 44.414
    assert online == {"@type": "VirtualLocation", "url": "https://meet.example"}
    assert event["organizer"]["url"].startswith("http://localhost:3000/ar/"), "the organiser in the same language"
    assert event["inLanguage"] == ["ar"] and event["image"][0].startswith("http://127.0.0.1:8000/")

    news = _ld(pages["NewsArticle"], "it")
    assert news["datePublished"].startswith("2030-01-10T09:00:00")
    assert news["image"][0].endswith(".jpg")

    organization = _ld(pages["Organization"], "it")
    assert organization["logo"]["license"] == "CC BY 4.0" and organization["sameAs"] == ["https://amici.example"]
    assert [lang["alternateName"] for lang in organization["knowsLanguage"]] == ["ar", "fr"]


@pytest.mark.django_db
def test_home_page_is_a_web_page(home):
    context = FeedSources(locale=home.locale, reader=ContentReader())
    data = page_json_ld(HomePage.objects.get(pk=home.pk), sources=context)
    assert data["@type"] == "WebPage" and data["url"] == "http://localhost:3000/it/"


JSON_LD_QUERY = "query ($path: String!, $locale: String) { page(path: $path, locale: $locale) { jsonLd } }"
EVENTS_QUERY = "{ events(first: 100) { edges { node { title jsonLd } } } }"


def _graphql(client, query, variables=None):
    response = client.post("/graphql/", data=json.dumps({"query": query, "variables": variables or {}}),
                           content_type="application/json")
    result = response.json()
    assert not result.get("errors"), result.get("errors")
    return result["data"]


@pytest.mark.django_db
def test_the_api_serves_json_ld_in_the_asked_locale(client, pages):
    data = _graphql(client, JSON_LD_QUERY, {"path": pages["Event"].portal_path, "locale": "ar"})
    json_ld = data["page"]["jsonLd"]
    assert json_ld["@type"] == "Event" and json_ld["name"].startswith("عربي")
    assert json_ld["location"][0]["@type"] == "Place"


@pytest.mark.django_db
def test_json_ld_in_a_listing_costs_the_same_queries_for_5_and_50_events(client, sections, settings,
                                                                       django_assert_max_num_queries):
    settings.GRAPHQL_API = {**settings.GRAPHQL_API, "RESPONSE_CACHE_SECONDS": 0}
    association = AssociationPageFactory(parent=sections[INDEXES["associations"]])
    topic = TopicFactory()

    def add(count):
        for _index in range(count):
            EventPageFactory(parent=sections[INDEXES["events"]], organizer=association, topics=[topic],
                             social_image=ImageFactory())

    add(5)
    _graphql(client, EVENTS_QUERY)  # renditions are made on first use
    with CaptureQueriesContext(connection) as context:
        assert len(_graphql(client, EVENTS_QUERY)["events"]["edges"]) == 5
    five = len(context)
    add(45)
    _graphql(client, EVENTS_QUERY)
    with django_assert_max_num_queries(five):
        edges = _graphql(client, EVENTS_QUERY)["events"]["edges"]
    assert len(edges) == 50 and all(edge["node"]["jsonLd"]["organizer"]["@type"] == "Organization" for edge in edges)
    assert EventPage.objects.count() == 50
