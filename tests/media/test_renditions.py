"""The shared list of named renditions, and what the API may ask for."""

import pytest
from wagtail.images.models import Filter

from media.checks import rendition_specs_check
from media.renditions import (
    DEFAULT_RENDITION_SPECS,
    UnknownRenditionError,
    allowed_filter_specs,
    filter_spec_is_allowed,
    image_renditions_get,
    rendition_spec,
    rendition_specs,
)
from tests.factories.media import ImageFactory


@pytest.mark.parametrize("name", DEFAULT_RENDITION_SPECS)
def test_every_named_spec_is_a_valid_wagtail_filter(name):
    assert Filter(rendition_spec(name)).operations


def test_the_shared_names():
    assert set(rendition_specs()) == {"thumbnail", "card", "content", "hero", "social", "newsletter", "print"}
    assert rendition_spec("social") == "fill-1200x630|format-jpeg|jpegquality-85"


def test_unknown_name_says_which_names_exist():
    with pytest.raises(UnknownRenditionError) as error:
        rendition_spec("cardd")

    assert str(error.value) == (
        "Unknown rendition 'cardd'; known renditions: thumbnail, card, content, hero, social, newsletter, print"
    )


def test_only_known_specs_are_allowed():
    assert filter_spec_is_allowed("fill-800x450|format-webp")
    assert not filter_spec_is_allowed("fill-9999x9999")
    assert not filter_spec_is_allowed("original")


def test_settings_extend_the_names_and_the_allowed_specs(settings):
    settings.MEDIA_RENDITION_SPECS = {"square": "fill-600x600|format-webp"}
    settings.MEDIA_ALLOWED_FILTER_SPECS = ["width-320"]

    assert rendition_spec("square") == "fill-600x600|format-webp"
    assert rendition_spec("card") == DEFAULT_RENDITION_SPECS["card"]
    assert {"fill-600x600|format-webp", "width-320"} <= allowed_filter_specs()
    assert rendition_specs_check() == []


def test_a_wrong_spec_fails_the_system_check(settings):
    settings.MEDIA_RENDITION_SPECS = {"banner": "fill-wide", "Bad-Name": "width-100"}

    errors = rendition_specs_check()

    assert sorted(error.id for error in errors) == ["media.E001", "media.E002"]


@pytest.mark.django_db
def test_renditions_on_local_disk(settings):
    image = ImageFactory()

    renditions = image_renditions_get(image, "card", "newsletter")

    assert list(renditions) == ["card", "newsletter"]
    assert renditions["card"].url.startswith(settings.MEDIA_URL + "images/")
    assert (renditions["card"].width, renditions["card"].height) == (64, 36)
    assert renditions["newsletter"].url.endswith(".jpg")
