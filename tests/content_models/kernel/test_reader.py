"""The ContentReader: what is public, pages by the fallback rule, everything loaded in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content_models.kernel.fallback import Served
from content_models.kernel.generation import content_state_read
from content_models.kernel.reader import ContentReader
from tests.factories import DocumentFactory, ImageFactory, NewsPageFactory, ServicePageFactory, page_hide

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("state", ["draft", "unpublished", "expired", "scheduled", "password", "login", "groups"])
def test_a_hidden_page_is_never_served(news_index, locales, state):
    page = page_hide(NewsPageFactory(parent=news_index), state)
    reader = ContentReader()
    assert reader.page(page.pk, locales["it"].pk) is None
    assert reader.page(page.pk, locales["ar"].pk) is None


def test_a_page_in_the_asked_locale_else_in_italian(news_index, locales, translate):
    translated, untranslated = NewsPageFactory(parent=news_index), NewsPageFactory(parent=news_index)
    arabic = translate(translated, "ar", title="خبر")
    reader = ContentReader()

    assert reader.served_page(translated.pk, locales["ar"].pk) == Served(arabic, is_fallback=False)
    served = reader.served_page(untranslated.pk, locales["ar"].pk)
    assert served.obj.pk == untranslated.pk and served.is_fallback and served.locale_id == locales["it"].pk
    assert reader.page_url(arabic).startswith("http://localhost:3000/ar/notizie/")


def test_a_hidden_translation_does_not_hide_its_original(news_index, locales, translate):
    page = NewsPageFactory(parent=news_index)
    page_hide(translate(page, "ar", title="خبر"), "login")
    served = ContentReader().served_page(page.pk, locales["ar"].pk)
    assert served.obj.pk == page.pk and served.is_fallback


def test_private_images_and_documents_are_none(private_collection):
    reader = ContentReader()
    assert reader.image(ImageFactory(collection=private_collection).pk) is None
    assert reader.document(DocumentFactory(collection=private_collection).pk) is None
    public = DocumentFactory()
    assert reader.document(public.pk) == public


def test_preparing_costs_the_same_queries_for_5_or_25_pages(service_index, news_index):
    target = NewsPageFactory(parent=news_index)
    document = DocumentFactory()

    def pages(count):
        return [
            ServicePageFactory(parent=service_index, social_image=ImageFactory(), body=[
                ("paragraph", f'<p><a linktype="page" id="{target.pk}">x</a> '
                              f'<a linktype="document" id="{document.pk}">y</a></p>'),
                ("image", {"image": ImageFactory(), "caption": "", "alt_text": "z"}),
                ("related_pages", {"title": "", "pages": [target]}),
            ])
            for _ in range(count)
        ]

    def queries(objects):
        reader = ContentReader(content_state_read())
        reader.prepare(objects)  # warm the per-state memo (locales, restrictions)
        reader = ContentReader(content_state_read())
        with CaptureQueriesContext(connection) as captured:
            reader.prepare(objects)
            for page in objects:
                assert reader.main_image(page) is not None and reader.page(target.pk, page.locale_id) is not None
        return len(captured)

    assert queries(pages(5)) == queries(pages(25))


def test_a_links_only_reader_serves_the_same_pages_as_plain_rows(news_index, locales, translate):
    """Feeds only link to pages pointed at: the links-only reader gives the same pages, titles and URLs as the full
    one, as plain rows whose title and URL cost no further query, and still hides what is not public."""
    shown, hidden = NewsPageFactory(parent=news_index), page_hide(NewsPageFactory(parent=news_index), "login")
    translate(shown, "ar", title="خبر")
    full, links = ContentReader(), ContentReader(specific=False)
    for locale in (locales["it"], locales["ar"]):
        assert links.page(hidden.pk, locale.pk) is None
        expected = full.served_page(shown.pk, locale.pk)
        served = links.served_page(shown.pk, locale.pk)
        assert (served.obj.pk, served.is_fallback) == (expected.obj.pk, expected.is_fallback)
        assert type(served.obj).__name__ == "Page"
        with CaptureQueriesContext(connection) as captured:
            assert (served.obj.title, links.page_url(served.obj)) == (expected.obj.title, full.page_url(expected.obj))
        assert len(captured) == 0
