"""Every body block comes out typed, with its references resolved and nothing private or raw left in it."""

import pytest
from wagtail import blocks

from content_models.blocks import BodyStreamBlock
from graphql_api.schema import check_mappings
from graphql_api.streamfield.registry import BlockRegistry, UnmappedBlockError
from graphql_api.streamfield.types import LEAF_BLOCKS, registry
from tests.factories import DocumentFactory, NewsPageFactory, ServicePageFactory, image_saved

BODY = """
query ($path: String!, $locale: String) {
  page(path: $path, locale: $locale) {
    ... on NewsPage {
      body {
        id blockType __typename
        ... on HeadingBlock { text level }
        ... on RichTextBlock { html }
        ... on ImageBlock { caption alt image { id alt rendition(filter: "content") { url width } } }
        ... on CallToActionBlock { label href page { title } }
        ... on StepsBlock { title steps { title description } }
        ... on FaqBlock { items { question answer } }
        ... on ContactBlock { name email }
        ... on KeyFiguresBlock { figures { label value unit } }
        ... on DocumentBlock { title document { title url fileExtension } }
        ... on RelatedPagesBlock { pages { title isFallback ... on ServicePage { summary } } }
        ... on VideoBlock { url title }
        ... on QuoteBlock { quote attribution }
        ... on AlertBlock { level title text }
      }
    }
  }
}
"""


def _body(service, image, document):
    richtext = (
        f'<p>Vedi <a linktype="page" id="{service.pk}">il corso</a>, '
        f'<a linktype="document" id="{document.pk}">il modulo</a> e '
        f'<a href="https://example.org">un sito</a>.</p>'
        f'<embed embedtype="image" id="{image.pk}" format="left" alt="Una classe"/>'
    )
    return [
        ("heading", {"text": "Come fare", "level": "h2"}),
        ("paragraph", richtext),
        ("image", {"image": image, "caption": "Didascalia", "alt_text": ""}),
        ("call_to_action", {"label": "Vai", "page": service, "url": "", "description": ""}),
        ("steps", {"title": "Passi", "steps": [{"title": "Uno", "description": "<p>Primo</p>"}]}),
        ("faq", {"title": "", "items": [{"question": "Costa?", "answer": "<p>No</p>"}]}),
        ("contact", {"name": "Sportello", "role": "", "phone": "", "email": "s@example.org", "url": "",
                     "notes": ""}),
        ("key_figures", {"title": "", "figures": [{"label": "Residenti", "value": "150000.5", "unit": "persone",
                                                    "source": ""}]}),
        ("document", {"document": document, "title": "Modulo", "description": ""}),
        ("related_pages", {"title": "Vedi anche", "pages": [service, service]}),
        ("video", {"url": "https://vimeo.com/1", "title": "Video", "transcript": ""}),
        ("quote", {"quote": "Bello", "attribution": "Amina"}),
        ("alert", {"level": "warning", "title": "Attenzione", "text": "<p>Scade</p>"}),
    ]


@pytest.mark.django_db
def test_every_block_is_typed_and_resolved(graphql, sections, service_index, news_index):
    service = ServicePageFactory(parent=service_index, slug="corsi", title="Corsi", summary="Gratis")
    image = image_saved(description="Studenti in aula")  # its renditions made by its save task
    document = DocumentFactory(title="Modulo di iscrizione")
    NewsPageFactory(parent=news_index, slug="notizia", body=_body(service, image, document))

    body = graphql.data(BODY, {"path": "/notizie/notizia/"})["page"]["body"]

    by_type = {block["blockType"]: block for block in body}
    assert [block["blockType"] for block in body] == [name for name, _ in _body(service, image, document)]
    assert by_type["heading"] == {**by_type["heading"], "__typename": "HeadingBlock", "text": "Come fare"}
    html = by_type["paragraph"]["html"]
    assert '<a href="http://localhost:3000/it/servizi/corsi/">il corso</a>' in html
    assert f'href="http://testserver/documents/{document.pk}/' in html
    assert '<a href="https://example.org">' in html
    assert '<img src="http://testserver/media/images/' in html and 'alt="Una classe"' in html
    assert "linktype" not in html and "embedtype" not in html and "<embed" not in html
    assert by_type["image"]["alt"] == "Studenti in aula"
    assert by_type["image"]["image"]["rendition"]["url"].startswith("http://testserver/media/images/")
    assert by_type["call_to_action"]["href"] == "http://localhost:3000/it/servizi/corsi/"
    assert by_type["call_to_action"]["page"] == {"title": "Corsi"}
    assert by_type["steps"]["steps"] == [{"title": "Uno", "description": "<p>Primo</p>"}]
    assert by_type["key_figures"]["figures"] == [{"label": "Residenti", "value": 150000.5, "unit": "persone"}]
    assert by_type["document"]["document"]["fileExtension"] == "pdf"
    assert by_type["related_pages"]["pages"] == [{"title": "Corsi", "isFallback": False, "summary": "Gratis"}], (
        "each page once"
    )
    assert by_type["alert"]["text"] == "<p>Scade</p>"


@pytest.mark.django_db
def test_blocks_of_a_translation_point_at_pages_in_its_locale(graphql, service_index, news_index, translate):
    service = ServicePageFactory(parent=service_index, slug="corsi", title="Corsi")
    other = ServicePageFactory(parent=service_index, slug="altro", title="Altro")
    translate(service, "en", title="Courses", slug="courses")
    news = NewsPageFactory(parent=news_index, slug="notizia", body=[
        ("paragraph", f'<p><a linktype="page" id="{service.pk}">x</a> <a linktype="page" id="{other.pk}">y</a></p>'),
        ("related_pages", {"title": "", "pages": [service, other]}),
    ])
    translate(news, "en")

    body = graphql.data(BODY, {"path": "/notizie/notizia/", "locale": "en"})["page"]["body"]

    assert 'href="http://localhost:3000/en/servizi/courses/"' in body[0]["html"]
    assert 'href="http://localhost:3000/it/servizi/altro/"' in body[0]["html"], "falls back to the Italian page"
    assert body[1]["pages"] == [
        {"title": "Courses", "isFallback": False, "summary": "Un riassunto breve e chiaro."},
        {"title": "Altro", "isFallback": True, "summary": "Un riassunto breve e chiaro."},
    ]


def test_every_streamfield_block_has_a_graphql_type():
    check_mappings()  # raises UnmappedBlockError, naming the block, when one is missing


def test_an_unmapped_block_fails_loudly():
    class NewBlock(blocks.StructBlock):
        text = blocks.CharBlock()

    class Stream(BodyStreamBlock):
        new = NewBlock()

    with pytest.raises(UnmappedBlockError, match="NewBlock"):
        registry.check(Stream())


def test_a_field_added_to_a_mapped_block_fails_loudly():
    from content_models.blocks import QuoteBlock

    class Extended(QuoteBlock):
        source = blocks.CharBlock()

    partial = BlockRegistry(leaf_block_classes=LEAF_BLOCKS)
    partial.register(Extended)(registry.mapping(QuoteBlock()).graphql_type)

    with pytest.raises(UnmappedBlockError, match="Extended.source"):
        partial.check(blocks.StreamBlock([("quote", Extended())]))
