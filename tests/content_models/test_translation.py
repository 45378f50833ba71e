"""Translation through wagtail-localize: the Arabic edition goes live, right to left."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import Locale, PageLogEntry
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.languages import get_content_language
from content_models.models import ServiceIndexPage, ServicePage
from tests.factories import ServicePageFactory

ARABIC_TITLE = "دورات اللغة الإيطالية"


def _translate(instance, locale, strings):
    """The editor's flow: submit for translation, translate the segments, publish."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in source.stringsegment_set.select_related("string", "context"):
        translated = strings.get(segment.string.data)
        if translated:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": translated},
            )
    return source.create_or_update_translation(locale, publish=True, fallback=True)


@pytest.mark.django_db
def test_arabic_translation_is_live_and_right_to_left(home, sections, django_capture_on_commit_callbacks):
    arabic = Locale.objects.get(language_code="ar")
    service = ServicePageFactory(
        parent=sections[ServiceIndexPage],
        title="Corsi di italiano",
        slug="corsi-di-italiano",
        summary="Corsi gratuiti per adulti.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        _translate(home, arabic, {"InterAzioni": "إنتراتسيوني"})
        _translate(sections[ServiceIndexPage], arabic, {"Servizi": "الخدمات"})
        page, created = _translate(
            service, arabic, {"Corsi di italiano": ARABIC_TITLE, "Corsi gratuiti per adulti.": "دورات مجانية للكبار."}
        )

    assert created
    translated = ServicePage.objects.get(translation_key=service.translation_key, locale=arabic)
    assert translated.live
    assert translated.title == ARABIC_TITLE
    assert translated.summary == "دورات مجانية للكبار."
    assert translated.programme_action == service.programme_action, "synchronised fields follow the source"
    language = get_content_language(translated.locale.language_code)
    assert language.is_rtl and language.direction == "rtl"
    assert translated.portal_path == "/servizi/corsi-di-italiano/"
    assert translated.full_url == "http://localhost:3000/ar/servizi/corsi-di-italiano/"


@pytest.mark.django_db
def test_topics_stay_in_step_across_translations(sections, django_capture_on_commit_callbacks):
    from tests.factories import TopicFactory

    french = Locale.objects.get(language_code="fr")
    health = TopicFactory(name="Salute", slug="salute")
    service = ServicePageFactory(parent=sections[ServiceIndexPage])
    service.topics.set([health])
    service.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        for page in (sections[ServiceIndexPage].get_parent(), sections[ServiceIndexPage], service):
            _translate(page, french, {})
    translated = ServicePage.objects.get(translation_key=service.translation_key, locale=french)
    assert list(translated.topics.all()) == [health]


PAGE_QUERY = """query ($path: String!) { page(path: $path, locale: "ar") { title isFallback locale { code } } }"""


def api_page(client, path: str) -> dict:
    response = client.post(
        "/graphql/", {"query": PAGE_QUERY, "variables": {"path": path}}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    return response.json()["data"]["page"]


@pytest.mark.django_db
def test_translate_this_page_makes_a_draft_that_goes_live_only_when_an_editor_publishes_it(
    client, admin_user, sections, django_capture_on_commit_callbacks
):
    """Issue 12, item 3: right after "Translate this page" the Arabic page held the Italian text and was live,
    and the API served it as Arabic."""
    cache.clear()  # the response cache outlives the test database's rollbacks
    arabic = Locale.objects.get(language_code="ar")
    service = ServicePageFactory(parent=sections[ServiceIndexPage], title="Corsi di italiano", slug="corsi")
    client.force_login(admin_user)

    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize saves the target on commit
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[service.pk]), {"locales": [arabic.pk]}
        )
    assert response.status_code == 302

    translated = ServicePage.objects.get(translation_key=service.translation_key, locale=arabic)
    assert not translated.live and translated.has_unpublished_changes
    assert translated.title == "Corsi di italiano"  # the source's text, waiting for the translator
    assert not PageLogEntry.objects.filter(page=translated, action="wagtail.publish").exists()
    served = api_page(client, "/servizi/corsi/")
    assert served == {"title": "Corsi di italiano", "isFallback": True, "locale": {"code": "it"}}

    # The translator translates the title and an editor publishes, from wagtail-localize's editor.
    source = TranslationSource.objects.get_for_instance(service)
    title = source.stringsegment_set.get(context__path="title")
    StringTranslation.objects.create(
        translation_of=title.string, locale=arabic, context=title.context, data=ARABIC_TITLE
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[translated.pk]), {"action": "publish"})
    assert response.status_code == 302

    translated.refresh_from_db()
    assert translated.live and translated.title == ARABIC_TITLE
    assert api_page(client, "/servizi/corsi/") == {"title": ARABIC_TITLE, "isFallback": False, "locale": {"code": "ar"}}


@pytest.mark.django_db
def test_untranslated_parts_of_a_published_translation_keep_their_language(sections):
    """Issue 12, item 3: what the translator has not translated yet is Italian inside the Arabic page, and says so:
    rich text in its stored HTML (so every channel shows it), plain strings in the page's record."""
    from content_models.kernel.untranslated import untranslated_of
    from tests.factories import service_partly_translated

    italian, arabic = service_partly_translated(sections[ServiceIndexPage])

    assert arabic.live and arabic.title == ARABIC_TITLE
    assert arabic.audience_details == (
        '<p data-block-key="a1">للبالغين الأجانب.</p>'
        '<p data-block-key="a2" dir="ltr" lang="it">Anche per chi lavora.</p>'
    )
    paragraph, heading, steps = arabic.body
    assert paragraph.value.source == "<p>التسجيل في سبتمبر.</p>"
    fact = untranslated_of(arabic)
    assert fact.language == "it" and fact.direction == "ltr" and not fact.everything
    second_step = steps.value["steps"].bound_blocks[1].id  # a string inside a block's list: its item's id
    assert fact.fields == {
        "summary", "audience_details", f"body.{heading.id}.text", f"body.{steps.id}.steps.{second_step}.title",
    }
    assert not untranslated_of(italian)  # an original has nothing to mark

    # The editor's preview of the translation shows the same marks, on exactly those parts.
    html = arabic.make_preview_request().content.decode()
    assert f"<h1>{ARABIC_TITLE}</h1>" in html
    assert '<p class="summary" lang="it" dir="ltr">Corsi gratuiti per adulti.</p>' in html
    assert '<p data-block-key="a2" dir="ltr" lang="it">Anche per chi lavora.</p>' in html
    assert '<p data-block-key="a1">للبالغين الأجانب.</p>' in html
    assert '<h2 lang="it" dir="ltr">Dove</h2>' in html
    assert '<li><strong>احجز الاختبار</strong></li><li><strong lang="it" dir="ltr">Porta i documenti</strong>' in html
    assert html.count('lang="it"') == 4

    # Once the translator translates the rest and publishes again, no mark is left.
    from tests.factories.content import translation_sync

    translated = translation_sync(italian, "ar", {
        "Corsi gratuiti per adulti.": "دورات مجانية للكبار.",
        "Anche per chi lavora.": "وللعاملين أيضا.",
        "Dove": "أين",
        "Porta i documenti": "أحضر الوثائق",
    })
    assert not untranslated_of(translated) and 'lang="it"' not in translated.audience_details
    assert 'lang="it"' not in translated.make_preview_request().content.decode()


@pytest.mark.django_db
def test_untranslated_plain_fields_keep_their_language_in_previews(sections):
    """Issue 12, item 3: any plain field shown, not only a title or a summary: an event's venue and a help desk's
    opening notes still in Italian are marked; its translated cost and accessibility notes are not."""
    from content_models.models import EventIndexPage
    from tests.factories.content import event_and_desk_partly_translated

    _event, arabic_event, _desk, arabic_desk = event_and_desk_partly_translated(sections[EventIndexPage])

    html = arabic_event.make_preview_request().content.decode()
    assert '<dd><span lang="it" dir="ltr">Sala Rossa</span>, <span lang="it" dir="ltr">Genova</span></dd>' in html
    assert "<dd>الدخول 5 يورو</dd>" in html

    html = arabic_desk.make_preview_request().content.decode()
    assert "<h1>مكتب المركز</h1>" in html
    assert '<p lang="it" dir="ltr">Chiuso ad agosto.</p>' in html
    assert "<p>مدخل بدون درج.</p>" in html
