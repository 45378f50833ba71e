"""rendition(filter) and srcset(filter): media.renditions' named renditions are the allow-list."""

import pytest

from media.rendition_misses import misses_flush
from media.renditions import ORIGINAL_SPEC, rendition_specs
from tests.factories import ImageFactory, NewsPageFactory

RENDITION = """
query ($filter: String!) {
  page(path: "/notizie/foto/") {
    ... on NewsPage { mainImage { rendition(filter: $filter) { url width height ready } } }
  }
}
"""
SRCSET = """
query ($filter: String!, $widths: [Int!]) {
  page(path: "/notizie/foto/") { ... on NewsPage { mainImage { srcset(filter: $filter, widths: $widths) } } }
}
"""


@pytest.fixture
def image(news_index):
    image = ImageFactory()
    NewsPageFactory(parent=news_index, slug="foto", main_image=image)
    return image


def _code(result) -> str:
    return result["errors"][0]["extensions"]["code"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(rendition_specs()))
def test_every_named_rendition_by_name_or_by_spec(graphql, image, name):
    spec = rendition_specs()[name]
    missing = graphql.data(RENDITION, {"filter": name})["page"]["mainImage"]["rendition"]
    assert missing == {"url": "", "width": 64, "height": 48, "ready": False}  # not made by the read: nothing yet
    assert image.renditions.count() == 0

    misses_flush()  # the background task: the rendition and the full-size copy it would fall back to

    by_name = graphql.data(RENDITION, {"filter": name})["page"]["mainImage"]["rendition"]
    by_spec = graphql.data(RENDITION, {"filter": spec})["page"]["mainImage"]["rendition"]
    assert by_name == by_spec and by_name["ready"] and by_name["url"]
    assert set(image.renditions.values_list("filter_spec", flat=True)) == {spec, ORIGINAL_SPEC}


@pytest.mark.django_db
def test_a_missing_rendition_answers_with_the_full_size_copy_until_it_is_made(graphql, image):
    graphql.data(RENDITION, {"filter": "card"})
    image.renditions.all().delete()
    image.get_rendition(ORIGINAL_SPEC)  # made when the image was saved; the card is not yet

    fallback = graphql.data(RENDITION, {"filter": "card"})["page"]["mainImage"]["rendition"]
    assert fallback["ready"] is False and fallback["url"].endswith(".png")
    assert (fallback["width"], fallback["height"]) == (64, 48)  # those of the file the url points at

    misses_flush()
    made = graphql.data(RENDITION, {"filter": "card"})["page"]["mainImage"]["rendition"]
    assert made["ready"] is True and made["url"].endswith(".webp") and made != fallback


@pytest.mark.django_db
def test_a_spec_a_deployment_allows(graphql, image, settings):
    assert _code(graphql(RENDITION, {"filter": "width-300"})) == "RENDITION_FILTER_NOT_ALLOWED"

    settings.MEDIA_ALLOWED_FILTER_SPECS = ["width-300"]

    assert graphql.data(RENDITION, {"filter": "width-300"})["page"]["mainImage"]["rendition"]["width"] == 64


@pytest.mark.django_db
def test_refusals_name_the_renditions_and_create_nothing(graphql, image):
    result = graphql(RENDITION, {"filter": "original"})

    assert _code(result) == "RENDITION_FILTER_NOT_ALLOWED"
    assert "thumbnail, card, content, hero, social, newsletter" in result["errors"][0]["message"]
    assert image.renditions.count() == 0


@pytest.mark.django_db
def test_srcset_scales_a_named_rendition(graphql, image):
    assert graphql.data(SRCSET, {"filter": "card", "widths": [320, 640]})["page"]["mainImage"]["srcset"] == ""
    misses_flush()  # the widths a read found missing, made by the background task
    srcset = graphql.data(SRCSET, {"filter": "card", "widths": [320, 640]})["page"]["mainImage"]["srcset"]

    assert [entry.rsplit(" ", 1)[1] for entry in srcset.split(", ")] == ["320w", "640w"]
    assert set(image.renditions.values_list("filter_spec", flat=True)) == {
        "fill-320x180|format-webp", "fill-640x360|format-webp", ORIGINAL_SPEC
    }
    assert _code(graphql(SRCSET, {"filter": "card", "widths": [333]})) == "RENDITION_FILTER_NOT_ALLOWED"
