"""A page's main image and summary: one order each, the first public image, never None."""

import pytest

from content_models.kernel.presentation import MAIN_IMAGE_FIELDS, main_image_attnames, page_summary
from content_models.kernel.reader import ContentReader
from content_models.models import AssociationPage, EventPage, InfographicPage, NewsPage, ServicePage
from tests.factories import AssociationPageFactory, ImageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def test_every_page_type_has_the_sharing_image_first_and_at_most_one_own_image():
    for model in (NewsPage, EventPage, ServicePage, InfographicPage, AssociationPage):
        names = main_image_attnames(model)
        assert names[0] == "social_image_id" and len(names) <= 2, (model, names)
    assert MAIN_IMAGE_FIELDS[0] == "social_image"


def test_the_sharing_image_comes_first(news_index):
    sharing, main = ImageFactory(), ImageFactory()
    page = NewsPageFactory(parent=news_index, social_image=sharing, main_image=main)
    assert ContentReader().main_image(page) == sharing


def test_a_private_image_is_skipped_not_shown(news_index, private_collection):
    secret, main = ImageFactory(collection=private_collection), ImageFactory()
    page = NewsPageFactory(parent=news_index, social_image=secret, main_image=main)
    assert ContentReader().main_image(page) == main

    only_secret = NewsPageFactory(parent=news_index, main_image=ImageFactory(collection=private_collection))
    assert ContentReader().main_image(only_secret) is None


def test_an_association_falls_back_to_its_logo(association_index):
    logo = ImageFactory()
    assert ContentReader().main_image(AssociationPageFactory(parent=association_index, logo=logo)) == logo


def test_summary_then_search_description(news_index, home):
    page = NewsPageFactory(parent=news_index, summary=" Per tutti. ", search_description="Per i motori di ricerca")
    assert page_summary(page) == "Per tutti."
    home.search_description = "InterAzioni in Liguria"
    assert page_summary(home) == "InterAzioni in Liguria"  # the home page has no summary
    home.search_description = ""
    assert page_summary(home) == ""
