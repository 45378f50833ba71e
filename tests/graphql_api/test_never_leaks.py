"""Only live, public, published content leaves the API: page states x entry points.

Hidden pages carry a marker word in their title and slug; every response is checked for the marker as text, so a
leak through any field (a title, a URL, a breadcrumb, a link) fails the test.
"""

import datetime
import re

import pytest
from graphql import GraphQLInterfaceType, GraphQLObjectType
from wagtail.models import Collection, CollectionViewRestriction, Page

from graphql_api.schema import schema
from tests.factories import (
    AssociationPageFactory,
    DocumentFactory,
    EventPageFactory,
    ImageFactory,
    InfographicPageFactory,
    NewsPageFactory,
    ServicePageFactory,
    page_hide,
)
from tests.factories.printing import print_edition_create

MARKER = "segretissima"

HIDDEN_STATES = ["draft", "unpublished", "expired", "scheduled", "password", "login", "groups"]
PRIVATE_STATES = {"password", "login", "groups"}

BY_PATH = "query ($path: String!, $locale: String) { page(path: $path, locale: $locale) { title path url } }"
BY_ID = "query ($id: ID!) { page(id: $id) { title } }"
SEARCH = "query ($q: String!, $locale: String) { search(query: $q, locale: $locale) { edges { node { title url } } } }"
LISTINGS = {
    ServicePageFactory: ("service_index", "{ servicePages { totalCount edges { node { title url } } } }"),
    EventPageFactory: ("event_index", "{ events { totalCount edges { node { title url } } } }"),
    NewsPageFactory: ("news_index", "{ newsPages { totalCount edges { node { title url } } } }"),
    InfographicPageFactory: ("infographic_index", "{ infographics { totalCount edges { node { title url } } } }"),
    AssociationPageFactory: ("association_index", "{ associations { totalCount edges { node { title url } } } }"),
}
SHOWCASE = """
query ($path: String!) {
  page(path: $path) {
    ... on NewsPage {
      body {
        ... on RichTextBlock { html }
        ... on RelatedPagesBlock { pages { title url } }
        ... on CallToActionBlock { href page { title url } }
      }
    }
  }
}
"""
CHILD_EVENT = """
query ($path: String!) {
  page(path: $path) {
    title breadcrumbs { title path url }
    ... on EventPage { organizer { title url } }
  }
}
"""
TRANSLATIONS = "query ($path: String!) { page(path: $path) { title translations { title url } } }"
LOCALISED_ASSOCIATIONS = "{ associations(locale: \"en\") { edges { node { title isFallback } } } }"




def assert_no_marker(response: dict):
    assert not response.get("errors"), response.get("errors")
    assert MARKER not in str(response).lower(), response


@pytest.fixture
def hidden_association(association_index):
    """A hidden association with a published event under it, pointed at from published content."""

    def make(state):
        # A published child keeps its URL, which holds its parent's slug (Wagtail routes it the same way): the slug
        # is part of the child's public address, so the marker goes in the title only.
        association = AssociationPageFactory(parent=association_index, title=f"Associazione {MARKER}", slug="nascosta")
        child = EventPageFactory(parent=association, title="Figlio", slug="figlio", organizer=association)
        page_hide(association, state)
        return association, child

    return make


@pytest.mark.django_db
@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_a_hidden_page_leaves_through_no_entry_point(graphql, state, hidden_association, news_index, event_index):
    association, _child = hidden_association(state)
    NewsPageFactory(parent=news_index, slug="vetrina", body=[
        ("paragraph", f'<p>Vedi <a linktype="page" id="{association.pk}">questa</a></p>'),
        ("related_pages", {"title": "", "pages": [association]}),
        ("call_to_action", {"label": "Vai", "page": association, "url": "", "description": ""}),
    ])

    assert graphql(BY_PATH, {"path": "/associazioni/nascosta/"})["data"]["page"] is None
    for page_id in (association.pk, f"page:{association.pk}:it", f"page:{association.pk}:it:for-en"):
        assert graphql(BY_ID, {"id": page_id})["data"]["page"] is None, page_id
    assert_no_marker(graphql(LISTINGS[AssociationPageFactory][1]))
    assert_no_marker(graphql(SEARCH, {"q": MARKER}))
    showcase = graphql(SHOWCASE, {"path": "/notizie/vetrina/"})
    assert_no_marker(showcase)
    body = showcase["data"]["page"]["body"]
    assert body[0]["html"] == "<p>Vedi <a>questa</a></p>", "the link keeps its text and loses its address"
    assert body[1]["pages"] == [] and body[2]["page"] is None and body[2]["href"] is None

    child_page = graphql(CHILD_EVENT, {"path": "/associazioni/nascosta/figlio/"})
    assert_no_marker(child_page)
    events = graphql("{ events { edges { node { title ... on EventPage { organizer { title } } } } } }")
    assert_no_marker(events)
    if state in PRIVATE_STATES:
        # A privacy restriction covers the whole subtree.
        assert child_page["data"]["page"] is None
        assert events["data"]["events"]["edges"] == []
    else:
        assert child_page["data"]["page"]["organizer"] is None
        assert [crumb["path"] for crumb in child_page["data"]["page"]["breadcrumbs"]] == [
            "/", "/associazioni/", "/associazioni/nascosta/figlio/"
        ] or state == "draft"


@pytest.mark.django_db
@pytest.mark.parametrize("state", HIDDEN_STATES)
@pytest.mark.parametrize("factory", list(LISTINGS), ids=lambda factory: factory._meta.model.__name__)
def test_no_listing_shows_a_hidden_page(graphql, request, state, factory):
    parent = request.getfixturevalue(LISTINGS[factory][0])
    factory(parent=parent, title="Pubblica")
    page_hide(factory(parent=parent, title=f"Pagina {MARKER}", slug=MARKER), state)

    listing = graphql(LISTINGS[factory][1])
    assert_no_marker(listing)
    assert next(iter(listing["data"].values()))["totalCount"] == 1
    assert_no_marker(graphql(SEARCH, {"q": MARKER}))


@pytest.mark.django_db
@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_a_hidden_translation_is_not_listed_and_falls_back(graphql, state, association_index, translate):
    association = AssociationPageFactory(parent=association_index, title="Visibile", slug="visibile")
    page_hide(translate(association, "en", title=f"Translation {MARKER}"), state)

    assert_no_marker(graphql(TRANSLATIONS, {"path": "/associazioni/visibile/"}))
    assert graphql(TRANSLATIONS, {"path": "/associazioni/visibile/"})["data"]["page"]["translations"] == []
    localised = graphql(BY_PATH, {"path": "/associazioni/visibile/", "locale": "en"})
    assert_no_marker(localised)
    assert localised["data"]["page"]["title"] == "Visibile"
    listing = graphql(LOCALISED_ASSOCIATIONS)
    assert listing["data"]["associations"]["edges"] == [{"node": {"title": "Visibile", "isFallback": True}}]
    assert_no_marker(graphql(SEARCH, {"q": MARKER, "locale": "en"}))


PRINT_EDITIONS = """
query ($path: String!, $locale: String) {
  page(path: $path, locale: $locale) {
    title
    ... on TopicPage { printEditions { language bilingual url } }
    translations { title ... on TopicPage { printEditions { language url } } }
  }
}
"""
TRANSLATION_STATUS = """
query ($path: String!, $locale: String) {
  page(path: $path, locale: $locale) {
    lastPublishedAt translationStatus { state sourceUpdatedAt translatedAt }
    translations { translationStatus { state sourceUpdatedAt translatedAt } }
  }
  associations(locale: $locale) { edges { node { translationStatus { state sourceUpdatedAt translatedAt } } } }
}
"""
HIDDEN_DATE = datetime.datetime(2001, 2, 3, 4, 5, 6, tzinfo=datetime.UTC)


@pytest.mark.django_db
@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_no_print_edition_of_a_hidden_page_is_listed(graphql, state, service_index, translate):
    """Editions (made while the pages were public) of a hidden translation, or of a hidden Italian page printed
    in a public translation's bilingual edition, are not listed anywhere."""
    italian = ServicePageFactory(parent=service_index, title="Pubblica", slug="pubblica")
    english = translate(italian, "en", title=f"Hidden {MARKER}")
    print_edition_create(english, "a4", file_name=f"print/{MARKER}-en.pdf")
    print_edition_create(italian, "a4")
    page_hide(english, state)

    for locale in ("it", "en"):
        result = graphql(PRINT_EDITIONS, {"path": "/servizi/pubblica/", "locale": locale})
        assert_no_marker(result)
        assert [edition["language"] for edition in result["data"]["page"]["printEditions"]] == ["it"]

    hidden_source = ServicePageFactory(parent=service_index, title=f"Sorgente {MARKER}", slug="sorgente")
    french = translate(hidden_source, "fr", title="Visible")
    print_edition_create(french, "a4", bilingual=True, source=hidden_source, file_name=f"print/{MARKER}-fr.pdf")
    print_edition_create(french, "a4")
    page_hide(hidden_source, state)
    result = graphql(PRINT_EDITIONS, {"path": "/servizi/sorgente/", "locale": "fr"})
    assert_no_marker(result)
    if result["data"]["page"] is not None:  # the French page itself is public unless a restriction covers it
        assert [edition["bilingual"] for edition in result["data"]["page"]["printEditions"]] == [False]


@pytest.mark.django_db
@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_translation_status_says_nothing_of_a_hidden_italian_page(graphql, state, association_index, translate):
    """A translation whose Italian original is hidden is, for readers, the original: no date of the hidden page
    (published, or of its drafts) and no state that depends on it."""
    italian = AssociationPageFactory(parent=association_index, title="Visibile", slug="visibile")
    english = translate(italian, "en", title="Visible")
    page_hide(italian, state)
    Page.objects.filter(pk=italian.pk).update(
        last_published_at=HIDDEN_DATE if state != "draft" else None, latest_revision_created_at=HIDDEN_DATE
    )

    result = graphql(TRANSLATION_STATUS, {"path": "/associazioni/visibile/", "locale": "en"})

    assert not result.get("errors"), result["errors"]
    assert "2001-02-03" not in str(result)
    page = result["data"]["page"]
    assert page["translationStatus"] == {
        "state": "ORIGINAL", "sourceUpdatedAt": english.last_published_at.isoformat(), "translatedAt": None
    }
    assert page["translations"] == []
    if state not in PRIVATE_STATES:
        assert result["data"]["associations"]["edges"] == [{"node": {"translationStatus": page["translationStatus"]}}]


LIVE_AND_DRAFT = """
query ($path: String!, $id: ID!) {
  byPath: page(path: $path) { title ... on ServicePage { summary } }
  byId: page(id: $id) { title }
  servicePages { edges { node { title summary } } }
  search(query: "Corsi") { edges { node { title } } }
}
"""


@pytest.mark.django_db
def test_a_live_page_with_a_newer_draft_serves_the_live_revision(graphql, service_index):
    service = ServicePageFactory(parent=service_index, slug="corsi", title="Corsi", summary="Pubblicato.")
    service.title = f"Corsi {MARKER}"
    service.summary = f"Bozza {MARKER}"
    service.save_revision()  # a draft: not published

    result = graphql(LIVE_AND_DRAFT, {"path": "/servizi/corsi/", "id": service.pk})

    assert_no_marker(result)
    assert result["data"]["byPath"] == {"title": "Corsi", "summary": "Pubblicato."}


PRIVATE_MEDIA = """
query ($path: String!) {
  page(path: $path) {
    seo { image { url } }
    ... on NewsPage {
      mainImage { url }
      body {
        ... on ImageBlock { image { url } }
        ... on DocumentBlock { document { url } }
        ... on RichTextBlock { html }
      }
    }
  }
}
"""


@pytest.mark.django_db
def test_images_and_documents_in_a_private_collection_never_leave(graphql, news_index):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Riservata")
    inner = private.add_child(name="Dentro la riservata")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    image = ImageFactory(collection=inner, title=MARKER, description=MARKER)
    document = DocumentFactory(collection=private, title=MARKER)
    NewsPageFactory(parent=news_index, slug="media", main_image=image, body=[
        ("image", {"image": image, "caption": "", "alt_text": "testo"}),
        ("document", {"document": document, "title": "Modulo", "description": ""}),
        ("paragraph", (f'<p><a linktype="document" id="{document.pk}">modulo</a></p>'
                      f'<embed embedtype="image" id="{image.pk}" format="left" alt="x"/>')),
    ])

    result = graphql(PRIVATE_MEDIA, {"path": "/notizie/media/"})

    assert_no_marker(result)
    page = result["data"]["page"]
    assert page["seo"]["image"] is None and page["mainImage"] is None
    assert page["body"][0]["image"] is None and page["body"][1]["document"] is None
    assert page["body"][2]["html"] == "<p><a>modulo</a></p>"


# Output fields that look personal but are an organisation's public contact, typed in by editors and published.
PUBLIC_CONTACT_FIELDS = {
    ("AssociationPage", "email"), ("AssociationPage", "phone"),
    ("ServicePoint", "email"), ("ServicePoint", "phone"),
    ("ContactBlock", "email"), ("ContactBlock", "phone"),
}
# What a person's data is called: addresses, names of people, network addresses, accounts.
PERSONAL_FIELD = re.compile(
    r"(?i:mail|phone|(first|last|full|contact|display|user|sur|given|family)name|user|subscriber|owner|lockedby"
    r"|password|fiscal|taxcode|birth)"
    r"|(^ip|Ip)([A-Z]|$)",  # ip, ipHash, clientIp; not municipality
)
# Apps whose rows are about people: no output type may be built on their models.
# insights: readers' feedback and counts are the editors' to read, never the public's.
PEOPLE_APPS = {"auth", "newsletter", "associations", "wagtailusers", "sessions", "wagtail_localize", "insights"}


def _output_fields():
    for graphql_type in schema._schema.type_map.values():
        if isinstance(graphql_type, (GraphQLObjectType, GraphQLInterfaceType)) and not graphql_type.name.startswith("__"):
            for field_name in graphql_type.fields:
                yield graphql_type.name, field_name


def test_no_output_type_can_read_a_person():
    """Inputs may carry an address (to subscribe, to ask for an account); nothing readable ever gives one back.

    Banned by meaning, not by word: `subscribeNewsletter` is fine, a `Subscriber.email` field is not.
    """
    personal = {(type_name, field) for type_name, field in _output_fields() if PERSONAL_FIELD.search(field)}

    assert personal == PUBLIC_CONTACT_FIELDS
    django_types = [
        getattr(graphql_type.definition.origin, "__strawberry_django_definition__", None)
        for graphql_type in schema.schema_converter.type_map.values()
    ]
    apps = {django_type.model._meta.app_label for django_type in django_types if django_type is not None}
    assert apps & PEOPLE_APPS == set()
    assert {"newsletterConsent", "subscribeNewsletter", "requestAssociationAccount"} <= {
        field for _type, field in _output_fields()
    }, "the public newsletter and association operations are composed into the root schema"
