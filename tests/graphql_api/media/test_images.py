"""Image.url is a public rendition of the whole image, never the private original, and costs no query per image."""

from urllib.parse import urlsplit

import pytest
import requests
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage

from tests.factories import ImageFactory, NewsPageFactory, image_saved
from tests.media.conftest import s3, s3_server  # noqa: F401 (fixtures: a real S3 protocol server)

NEWS_IMAGES = "{ newsPages(first: 100) { edges { node { mainImage { url width height } } } } }"
IMAGE_FIELDS = """
query ($path: String!) {
  page(path: $path) { ... on NewsPage { mainImage { url width height rendition(filter: "card") { url } } } }
}
"""


@pytest.mark.django_db
def test_url_is_a_public_rendition_of_the_whole_image(graphql, news_index, settings):
    image = image_saved()  # 64 x 48 pixels
    NewsPageFactory(parent=news_index, slug="foto", main_image=image)

    main_image = graphql.data(IMAGE_FIELDS, {"path": "/notizie/foto/"})["page"]["mainImage"]

    rendition = image.renditions.get(filter_spec="original")
    assert main_image["url"] == f"http://testserver{rendition.url}", "the host the request came in on"
    assert "/images/" in main_image["url"] and "original_images" not in main_image["url"]
    assert (main_image["width"], main_image["height"]) == (rendition.width, rendition.height) == (64, 48)
    path = urlsplit(main_image["url"]).path.removeprefix(settings.MEDIA_URL)
    with PILImage.open(f"{settings.MEDIA_ROOT}/{path}") as file:
        assert file.size == (64, 48)


@pytest.mark.django_db
def test_urls_follow_the_host_the_request_came_in_on_and_are_cached_per_host(graphql, news_index, settings):
    settings.ALLOWED_HOSTS = ["cms.example.org", "api.example.org"]
    NewsPageFactory(parent=news_index, slug="foto", main_image=image_saved())
    variables = {"path": "/notizie/foto/"}

    def fetch(host):
        response = graphql.post(IMAGE_FIELDS, variables, HTTP_HOST=host, secure=True)
        return response["X-GraphQL-Cache"], response.json()["data"]["page"]["mainImage"]

    cms, cms_again, api = fetch("cms.example.org"), fetch("cms.example.org"), fetch("api.example.org")

    assert cms[0] == "miss" and cms_again == ("hit", cms[1])
    assert api[0] == "miss", "a response made for another host is never served"
    assert cms[1]["url"].startswith("https://cms.example.org/media/images/")
    assert api[1]["url"].startswith("https://api.example.org/media/images/")
    assert api[1]["rendition"]["url"].startswith("https://api.example.org/media/images/")


@pytest.mark.django_db
def test_a_configured_media_base_url_wins_over_the_host(graphql, news_index, settings):
    settings.GRAPHQL_API = {**settings.GRAPHQL_API, "MEDIA_BASE_URL": "https://media.example.org"}
    NewsPageFactory(parent=news_index, slug="foto", main_image=image_saved())

    main_image = graphql.data(IMAGE_FIELDS, {"path": "/notizie/foto/"})["page"]["mainImage"]

    assert main_image["url"].startswith("https://media.example.org/media/images/")


@pytest.mark.django_db
def test_with_s3_the_url_is_plain_public_and_lasting(graphql, news_index, s3):  # noqa: F811
    NewsPageFactory(parent=news_index, slug="foto", main_image=image_saved())

    url = graphql.data(IMAGE_FIELDS, {"path": "/notizie/foto/"})["page"]["mainImage"]["url"]

    # No signature that would expire inside a cached response; readable by anyone, through the public prefix.
    assert urlsplit(url).query == "" and f"/{s3.bucket}/public/images/" in url
    response = requests.get(url, timeout=5)
    assert response.status_code == 200 and response.content.startswith(b"\x89PNG")


@pytest.mark.django_db
@pytest.mark.usefixtures("no_response_cache")
def test_urls_of_many_images_cost_no_more_queries_than_of_few(graphql, news_index):
    def count(number):
        for _ in range(number):
            NewsPageFactory(parent=news_index, main_image=ImageFactory())
        graphql.data(NEWS_IMAGES)  # warm: the process's memos (renditions are never made by a read)
        with CaptureQueriesContext(connection) as queries:
            graphql.data(NEWS_IMAGES)
        return len(queries)

    assert count(2) == count(8)
