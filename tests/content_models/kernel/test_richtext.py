"""Stored rich text as portal HTML: links and images checked against the visibility rules, Wagtail markup gone."""

import pytest

from content_models.kernel.reader import ContentReader
from content_models.kernel.references import References, collect_richtext
from content_models.kernel.richtext import richtext_html
from tests.factories import DocumentFactory, ImageFactory, NewsPageFactory, page_hide

pytestmark = pytest.mark.django_db


def render(html: str, locale_id: int) -> str:
    reader = ContentReader()
    references = References()
    collect_richtext(html, references, locale_id)
    reader.load(references)
    return richtext_html(html, reader, locale_id=locale_id, media_url=lambda url: "https://cms.example.org" + url)


def test_links_and_images(news_index, locales, private_collection, translate):
    page, hidden = NewsPageFactory(parent=news_index, slug="aperta"), NewsPageFactory(parent=news_index)
    page_hide(hidden, "login")
    translate(page, "ar", title="مفتوحة")
    document, secret = DocumentFactory(), DocumentFactory(collection=private_collection)
    image, secret_image = ImageFactory(), ImageFactory(collection=private_collection)
    html = (
        f'<p><a linktype="page" id="{page.pk}">aperta</a> <a linktype="page" id="{hidden.pk}">chiusa</a> '
        f'<a linktype="document" id="{document.pk}">modulo</a> <a linktype="document" id="{secret.pk}">verbale</a>'
        f' <a href="https://example.org">fuori</a></p>'
        f'<embed embedtype="image" id="{image.pk}" format="left" alt="Aula"/>'
        f'<embed embedtype="image" id="{secret_image.pk}" format="left" alt="Segreta"/>'
        f'<embed embedtype="media" url="https://www.youtube.com/watch?v=x"/>'
    )

    italian, arabic = render(html, locales["it"].pk), render(html, locales["ar"].pk)

    assert '<a href="http://localhost:3000/it/notizie/aperta/">aperta</a>' in italian
    assert '<a href="http://localhost:3000/ar/notizie/aperta/">aperta</a>' in arabic  # the reader's language
    assert "<a>chiusa</a>" in italian  # the text stays, the address goes
    assert f'<a href="https://cms.example.org/documents/{document.pk}/' in italian
    assert "<a>verbale</a>" in italian and f"/documents/{secret.pk}/" not in italian
    assert '<a href="https://example.org">fuori</a>' in italian
    assert 'alt="Aula"' in italian and 'src="https://cms.example.org/' in italian and 'class="richtext-image left"' in italian
    assert "Segreta" not in italian and "youtube" not in italian
    assert "linktype" not in italian and "embedtype" not in italian


def test_an_image_whose_rendition_cannot_be_made_is_left_out(locales):
    image = ImageFactory()
    image.file.storage.delete(image.file.name)  # the original is gone: no rendition can be made

    html = render(f'<p>Prima</p><embed embedtype="image" id="{image.pk}" format="fullwidth" alt="Persa"/>',
                  locales["it"].pk)

    assert html == "<p>Prima</p>"
