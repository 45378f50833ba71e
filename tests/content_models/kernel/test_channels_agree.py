"""One page, every channel: the API (`seo`, `jsonLd`), the feeds, the newsletter teaser, the social post composer and
print show the same main image, the same summary and the same portal URL, in Italian and in Arabic.

The page is made to tell the orders apart: its sharing image is in a private collection (every channel must
skip it and show the news image, not nothing), and it has both a summary and a search description.
"""

import json
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from wagtail.models import Locale

from cms.languages import get_content_language
from content_models.kernel.reader import ContentReader
from distribution.channels.compose import page_share_image, post_text_default
from media.renditions import image_renditions_get
from newsletter.rendering.context import RenderContext
from newsletter.rendering.teasers import TEASER_RENDITION, teaser_for
from printing.content import ContentSnapshot
from printing.formats import Edition
from printing.services import edition_document
from tests.factories import ImageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

QUERY = """query ($path: String!, $locale: String) {
  page(path: $path, locale: $locale) { url seo { description image { id } } jsonLd }
}"""
SUMMARY = {"it": "Si riparte a settembre.", "ar": "تبدأ الدروس في سبتمبر."}


@pytest.fixture
def news(news_index, translate, private_collection):
    image = ImageFactory(title="Aula")
    italian = NewsPageFactory(
        parent=news_index, title="Nuovi corsi", slug="nuovi-corsi", summary=SUMMARY["it"],
        search_description="Corsi di italiano per stranieri a Genova",
        social_image=ImageFactory(title="Riservata", collection=private_collection), main_image=image,
    )
    translate(italian, "ar", title="دورات جديدة", summary=SUMMARY["ar"], search_description="دورات")
    return italian, image


def _absolute(url: str) -> str:
    return url if url.startswith("http") else "http://127.0.0.1:8000" + url


@pytest.mark.parametrize("code", ["it", "ar"])
def test_api_feeds_newsletter_and_social_posts_agree(client, news, code):
    italian, image = news
    locale = Locale.objects.get(language_code=code)
    served = italian.get_translation(locale).specific
    url = f"http://localhost:3000/{code}/notizie/nuovi-corsi/"
    social_url = _absolute(image_renditions_get(image, "social")["social"].url)
    cache.clear()

    api = client.post("/graphql/", json.dumps({"query": QUERY, "variables": {"path": "/notizie/nuovi-corsi/",
                                                                              "locale": code}}),
                      content_type="application/json").json()["data"]["page"]
    feed = client.get(f"/feeds/{code}/news.json").json()["items"]
    reader = ContentReader()
    teaser = teaser_for(italian, RenderContext(language=get_content_language(code), locale=locale, reader=reader))
    post = post_text_default(page=served, channel="telegram")
    snapshot = ContentSnapshot()
    leaflet = edition_document(served, Edition(code, "a4"), snapshot).html

    # The portal URL.
    assert api["url"] == api["jsonLd"]["url"] == url
    assert [item["url"] for item in feed] == [url]
    assert teaser.url == url and post.endswith(url)
    assert snapshot.page_url(served) == url
    # The summary.
    assert api["seo"]["description"] == api["jsonLd"]["description"] == SUMMARY[code]
    assert [item["summary"] for item in feed] == [SUMMARY[code]]
    assert teaser.summary == SUMMARY[code] and SUMMARY[code] in post
    assert SUMMARY[code] in leaflet
    # The main image: the public news image, never the private sharing image, never none.
    assert api["seo"]["image"] == {"id": str(image.pk)}
    # The same file; each channel's address for it (the API's media URLs start with the host it was asked on).
    assert api["jsonLd"]["image"] == ["http://testserver" + urlsplit(social_url).path]
    assert [item["image"] for item in feed] == [social_url]
    assert teaser.image_url == "https://cms.example.org" + image.get_rendition(TEASER_RENDITION).url
    assert page_share_image(served) == image
    assert snapshot.main_image(served) == image and 'class="figure-image"' in leaflet


@pytest.fixture(autouse=True)
def _public_addresses(settings):
    settings.NEWSLETTER_PUBLIC_BASE_URL = "https://cms.example.org"
