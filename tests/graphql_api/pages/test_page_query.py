"""page(path|id, locale, fallback): the most specific type, in the asked locale or the default one."""

import pytest

from tests.factories import EventPageFactory, ServicePageFactory, TopicFactory
from tests.graphql_api.pages.test_listings import translate_snippet

PAGE_BY_PATH = """
query ($path: String!, $locale: String, $fallback: Boolean! = true) {
  page(path: $path, locale: $locale, fallback: $fallback) {
    __typename id title slug path url isFallback
    locale { code name direction isDefault }
    ... on ServicePage { summary action provinces howToAccess { title description } }
  }
}
"""

PAGE_BY_ID = """
query ($id: ID!, $locale: String, $fallback: Boolean! = true) {
  page(id: $id, locale: $locale, fallback: $fallback) { __typename id title isFallback locale { code } }
}
"""

PAGE_WITH_TRANSLATIONS = """
query ($path: String!, $locale: String) {
  page(path: $path, locale: $locale) {
    title
    translations { title url locale { code direction } }
    breadcrumbs { title path url }
    seo { title description image { id } }
  }
}
"""


@pytest.mark.django_db
def test_service_page_by_path_has_its_specific_type(graphql, service_index):
    ServicePageFactory(parent=service_index, title="Corsi di italiano", slug="corsi-di-italiano",
                       how_to_access=[("step", {"title": "Prenota", "description": "<p>Chiama</p>"})])

    page = graphql.data(PAGE_BY_PATH, {"path": "/servizi/corsi-di-italiano/"})["page"]

    assert page["__typename"] == "ServicePage"
    assert page["path"] == "/servizi/corsi-di-italiano/"
    assert page["url"] == "http://localhost:3000/it/servizi/corsi-di-italiano/"
    assert page["locale"] == {"code": "it", "name": "italiano", "direction": "LTR", "isDefault": True}
    assert page["isFallback"] is False
    assert page["action"] == "ACTION_02"
    assert page["provinces"] == ["GE"]
    assert page["howToAccess"] == [{"title": "Prenota", "description": "<p>Chiama</p>"}]


@pytest.mark.django_db
def test_path_without_slashes_finds_the_same_page(graphql, service_index):
    ServicePageFactory(parent=service_index, slug="corsi")

    assert graphql.data(PAGE_BY_PATH, {"path": "servizi/corsi"})["page"]["path"] == "/servizi/corsi/"


@pytest.mark.django_db
def test_home_page_is_the_root_path(graphql, home):
    assert graphql.data(PAGE_BY_PATH, {"path": "/"})["page"]["__typename"] == "HomePage"


@pytest.mark.django_db
def test_translation_is_served_in_the_asked_locale(graphql, service_index, translate):
    service = ServicePageFactory(parent=service_index, slug="corsi")
    translate(service, "ar", title="دورات")

    page = graphql.data(PAGE_BY_PATH, {"path": "/servizi/corsi/", "locale": "ar"})["page"]

    assert page["title"] == "دورات"
    assert page["locale"]["direction"] == "RTL"
    assert page["isFallback"] is False
    assert page["url"] == "http://localhost:3000/ar/servizi/corsi/"


@pytest.mark.django_db
def test_missing_translation_falls_back_to_italian(graphql, service_index, locales):
    ServicePageFactory(parent=service_index, slug="corsi", title="Corsi")

    page = graphql.data(PAGE_BY_PATH, {"path": "/servizi/corsi/", "locale": "fr"})["page"]

    assert page["title"] == "Corsi"
    assert page["isFallback"] is True
    assert page["locale"]["code"] == "it"


@pytest.mark.django_db
def test_without_fallback_a_missing_translation_is_absent(graphql, service_index, locales):
    ServicePageFactory(parent=service_index, slug="corsi")

    assert graphql.data(PAGE_BY_PATH, {"path": "/servizi/corsi/", "locale": "fr", "fallback": False})["page"] is None


@pytest.mark.django_db
def test_page_by_id_in_another_locale(graphql, event_index, translate):
    event = EventPageFactory(parent=event_index, title="Festa")
    english = translate(event, "en", title="Party")

    assert graphql.data(PAGE_BY_ID, {"id": event.pk})["page"]["title"] == "Festa"
    assert graphql.data(PAGE_BY_ID, {"id": event.pk, "locale": "en"})["page"]["title"] == "Party"
    assert graphql.data(PAGE_BY_ID, {"id": english.pk, "locale": "it"})["page"]["title"] == "Festa"
    fallback = graphql.data(PAGE_BY_ID, {"id": event.pk, "locale": "uk"})["page"]
    assert fallback["title"] == "Festa" and fallback["isFallback"] is True
    assert graphql.data(PAGE_BY_ID, {"id": event.pk, "locale": "uk", "fallback": False})["page"] is None
    assert fallback["__typename"] == "EventPage"


@pytest.mark.django_db
def test_translations_breadcrumbs_and_seo(graphql, service_index, translate):
    service = ServicePageFactory(parent=service_index, slug="corsi", title="Corsi", summary="Gratis.")
    translate(service, "ar", title="دورات")

    page = graphql.data(PAGE_WITH_TRANSLATIONS, {"path": "/servizi/corsi/"})["page"]

    assert page["translations"] == [
        {"title": "دورات", "url": "http://localhost:3000/ar/servizi/corsi/", "locale": {"code": "ar", "direction": "RTL"}}
    ]
    assert [crumb["path"] for crumb in page["breadcrumbs"]] == ["/", "/servizi/", "/servizi/corsi/"]
    assert page["seo"] == {"title": "Corsi", "description": "Gratis.", "image": None}


@pytest.mark.django_db
def test_unknown_locale_is_a_coded_error(graphql, home):
    result = graphql(PAGE_BY_PATH, {"path": "/", "locale": "xx"})

    assert result["errors"][0]["extensions"]["code"] == "UNKNOWN_LOCALE"


@pytest.mark.django_db
def test_path_and_id_together_is_a_coded_error(graphql, home):
    result = graphql("{ page(path: \"/\", id: 1) { id } }")

    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


PAGE_IDS = """
query ($path: String, $id: ID, $locale: String) {
  page(path: $path, id: $id, locale: $locale) {
    id databaseId isFallback locale { code }
    ... on ServicePage {
      topics { id databaseId isFallback }
      body { id blockId ... on HeadingBlock { text } }
      breadcrumbs { id }
    }
  }
}
"""


@pytest.mark.django_db
def test_ids_say_what_was_served_and_page_by_id_takes_them_back(graphql, service_index, translate):
    """Normalised caches key by __typename + id (docs/api.md, "Ids and client caches")."""
    topic = TopicFactory(name="Lingua", slug="lingua")
    spanish_topic = translate_snippet(topic, "es", name="Lengua", slug="lengua")
    service = ServicePageFactory(parent=service_index, slug="corsi", topics=[topic],
                                 body=[("heading", {"text": "Come iscriversi", "level": "h2"})])
    arabic = translate(service, "ar")
    body = arabic.body.get_prep_value()
    body[0]["value"]["text"] = "كيفية التسجيل"
    arabic.body = body
    arabic.save_revision().publish()
    block = body[0]["id"]

    def served(**variables):
        return graphql.data(PAGE_IDS, {"path": "/servizi/corsi/", **variables})["page"]

    italian, spanish, arabic_page = served(locale="it"), served(locale="es"), served(locale="ar")
    pk, ar_pk = service.pk, arabic.pk
    assert (italian["id"], spanish["id"], arabic_page["id"]) == (f"page:{pk}:it", f"page:{pk}:it:for-es", f"page:{ar_pk}:ar")
    assert (italian["databaseId"], spanish["databaseId"], spanish["isFallback"]) == (pk, pk, True)
    # A block: under its page's served id; its own id is the same in every translation.
    assert [b["id"] for b in (italian["body"][0], spanish["body"][0], arabic_page["body"][0])] == [
        f"page:{pk}:it/{block}", f"page:{pk}:it:for-es/{block}", f"page:{ar_pk}:ar/{block}"
    ]
    assert {b["blockId"] for b in (italian["body"][0], spanish["body"][0], arabic_page["body"][0])} == {block}
    # A snippet: the Italian topic as itself, as the Arabic reader's fallback, and its Spanish translation.
    assert italian["topics"] == [{"id": f"topic:{topic.pk}:it", "databaseId": topic.pk, "isFallback": False}]
    assert spanish["topics"] == [{"id": f"topic:{spanish_topic.pk}:es", "databaseId": spanish_topic.pk,
                                  "isFallback": False}]
    assert arabic_page["topics"] == [{"id": f"topic:{topic.pk}:it:for-ar", "databaseId": topic.pk, "isFallback": True}]
    assert italian["breadcrumbs"][-1] == {"id": str(pk)}  # a crumb is never a fallback: its database id
    # Stable: the same object served the same way, the same id in the next request.
    assert served(locale="es") == spanish

    # page(id:) takes the new ids back (a fallback's id serves the same reader again) and the old plain ones.
    assert graphql.data(PAGE_IDS, {"id": spanish["id"]})["page"] == spanish
    assert graphql.data(PAGE_IDS, {"id": italian["id"]})["page"] == italian
    assert graphql.data(PAGE_IDS, {"id": arabic_page["id"]})["page"] == arabic_page
    assert graphql.data(PAGE_IDS, {"id": str(pk), "locale": "es"})["page"] == spanish
    assert graphql.data(PAGE_IDS, {"id": f"page:{pk}:it:for-ar"})["page"]["id"] == f"page:{ar_pk}:ar"
    assert graphql.data(PAGE_IDS, {"id": spanish["id"], "locale": "ar"})["page"] == arabic_page


UNTRANSLATED = """
query ($path: String!) {
  page(path: $path, locale: "ar") {
    title isFallback locale { code }
    untranslated { language { code direction } fields }
    ... on ServicePage {
      summary audienceDetails
      body { blockId untranslated { language { code } fields } ... on RichTextBlock { html } }
    }
  }
}
"""


@pytest.mark.django_db
def test_untranslated_parts_of_a_translation_say_their_language(graphql, service_index):
    """Issue 12, item 3: Italian text left in an Arabic page is served as Italian, left to right, and only it."""
    from tests.factories import service_partly_translated

    _italian, arabic = service_partly_translated(service_index)
    page = graphql.data(UNTRANSLATED, {"path": "/servizi/corsi/"})["page"]

    assert page["isFallback"] is False and page["locale"] == {"code": "ar"}
    assert page["untranslated"] == {
        "language": {"code": "it", "direction": "LTR"}, "fields": ["audienceDetails", "body", "summary"],
    }
    assert page["summary"] == "Corsi gratuiti per adulti."
    assert page["audienceDetails"] == (
        '<p data-block-key="a1">للبالغين الأجانب.</p>'
        '<p data-block-key="a2" dir="ltr" lang="it">Anche per chi lavora.</p>'
    )
    paragraph, heading, steps = page["body"]
    assert paragraph["untranslated"] is None and paragraph["html"] == "<p>التسجيل في سبتمبر.</p>"
    assert heading == {
        "blockId": str(arabic.body[1].id), "untranslated": {"language": {"code": "it"}, "fields": ["text"]},
    }
    second_step = arabic.body[2].value["steps"].bound_blocks[1].id  # a string inside a block's list
    assert steps["untranslated"] == {"language": {"code": "it"}, "fields": [f"steps.{second_step}.title"]}
    # The Italian original has nothing to mark.
    italian = graphql.data(UNTRANSLATED.replace('"ar"', '"it"'), {"path": "/servizi/corsi/"})["page"]
    assert italian["untranslated"] is None and {block["untranslated"] for block in italian["body"]} == {None}
