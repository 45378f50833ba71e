"""The editor's day (issue 12), in the Italian admin and again in the Arabic one (the user's preferred language).

For each page type and for the newsletter issue: create (the first autosave makes the draft), preview, publish,
translate into Arabic with wagtail-localize, publish the translation. As an association member: edit the profile,
add an event, submit both; as a regional editor: review each with its diff against the live version, approve.

Every step is photographed into test-artifacts/<test>/ and checked by `screen`: no HTTP 5xx, no browser console
error, no project string left in English on a screen that speaks Italian or Arabic (tests/browser/catalogues.py).
One live server and one browser serve the whole suite; each test signs its users in without the login form.
"""

import datetime
import re
from dataclasses import dataclass
from typing import Callable

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.models import Locale

from associations.moderation import moderation_setup_ensure, regional_editors_group_ensure
from content_models.blocks.text import HeadingBlock, ParagraphBlock
from content_models.models import (
    AssociationIndexPage,
    AssociationPage,
    EventIndexPage,
    EventPage,
    InfographicIndexPage,
    InfographicPage,
    NewsIndexPage,
    NewsPage,
    ServiceIndexPage,
    ServicePage,
)
from newsletter.models import NewsletterIssue
from newsletter.permissions import newsletter_editors_group_ensure
from tests.factories import ImageFactory, ServicePointFactory, TopicFactory, translation_publish
from tests.factories.associations import association_with_page_create, member_create

from . import editing
from .editing import autosave, editor_ready

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ADMIN_LANGUAGES = ["it", "ar"]
SUMMARY = "Un servizio per chi arriva in Liguria."
SUMMARY_AR = "خدمة للقادمين إلى ليغوريا."


@dataclass(frozen=True)
class Kind:
    """A page type as the editor's day exercises it: where it lives, what its form needs, what gets translated."""

    name: str
    model: type
    section: type
    title: str
    title_ar: str
    fill: Callable  # fill(page, language): the required fields after the title


def fill_service(page, language):
    page.locator("#id_summary").fill(SUMMARY)
    page.locator("#id_programme_action").select_option("02")
    page.locator("input[name='service_points']").first.check()


def fill_event(page, language):
    editing.date_time(page, "id_start", "2031-06-01 19:30")
    page.locator("#id_summary").fill(SUMMARY)
    page.locator("#id_venue_name").fill("Palazzo Ducale")
    page.locator("#id_municipality").fill("Genova")


def fill_news(page, language):
    page.locator("#id_summary").fill(SUMMARY)
    editing.add_block(page, "body", editing.label(language, ParagraphBlock().label))
    editing.rich_text(page, "body", "Apre il nuovo sportello.")


def fill_infographic(page, language):
    page.locator("#id_summary").fill(SUMMARY)
    editing.choose_first(page, "image")
    page.locator("#id_alt_text").fill("Grafico dei residenti stranieri per provincia")
    editing.rich_text(page, "long_description", "Genova ha il maggior numero di residenti stranieri.")
    page.locator("#id_data_source").fill("ISTAT")
    editing.date_time(page, "id_data_date", "2025-01-01")


def fill_association(page, language):
    page.locator("#id_summary").fill(SUMMARY)
    editing.rich_text(page, "description", "Volontari che accolgono le famiglie.")
    editing.tab(page, 1)
    page.locator("input[name='areas_of_activity']").first.check()
    page.locator("#id_municipality").fill("Savona")
    page.locator("#id_province").select_option("SV")
    editing.tab(page, 0)


KINDS = [
    Kind("service", ServicePage, ServiceIndexPage, "Sportello casa", "شباك السكن", fill_service),
    Kind("event", EventPage, EventIndexPage, "Festa dei popoli", "مهرجان الشعوب", fill_event),
    Kind("news", NewsPage, NewsIndexPage, "Nuovo sportello a Genova", "شباك جديد في جنوة", fill_news),
    Kind("infographic", InfographicPage, InfographicIndexPage, "Residenti stranieri", "المقيمون الأجانب",
         fill_infographic),
    Kind("association", AssociationPage, AssociationIndexPage, "Ponti di Savona", "جسور سافونا", fill_association),
]


@pytest.fixture
def day(migrations_data, sections, settings):
    """The site as the office has it: Italian and Arabic trees, a topic, a help desk, an image; no outside calls."""
    settings.DISTRIBUTION_WEBHOOK_URLS = []
    settings.DISTRIBUTION_AUTOPOST_PAGE_TYPES = []
    for page in [next(iter(sections.values())).get_parent(), *sections.values()]:
        translation_publish(page, "ar")
    TopicFactory(name="Casa", slug="casa")
    ServicePointFactory(name="Sportello unico di Genova")
    ImageFactory(title="Grafico", description="Grafico a barre")
    return sections


@pytest.fixture
def redattrice(migrations_data):
    """A regional editor who also composes the newsletter, as the office sets people up (not a superuser)."""
    user = get_user_model().objects.create_user("redattrice", "redattrice@regione.liguria.it", "not-used")
    user.groups.add(regional_editors_group_ensure(), newsletter_editors_group_ensure())
    return user


def arabic() -> Locale:
    return Locale.objects.get(language_code="ar")


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_a_page_from_draft_to_arabic(day, redattrice, signed_in, screen, language, kind):
    page = signed_in(redattrice, language)
    parent = day[kind.section]

    editing.create(page, f"/admin/pages/add/content_models/{kind.model._meta.model_name}/{parent.pk}/",
                   "title", kind.title)
    draft = kind.model.objects.get(title=kind.title)
    assert not draft.live
    screen(page, "created by autosave", language=language)

    with autosave(page):
        kind.fill(page, language)
    frame = editing.open_preview_panel(page)
    expect(frame.locator("html")).to_have_attribute("lang", "it")
    expect(frame.locator("body")).to_contain_text(kind.title)
    screen(page, "preview", language=language, frames=[(frame, "it")])

    editing.footer_action(page, "action-publish")
    expect(page).to_have_url(re.compile(rf"/admin/pages/{parent.pk}/$"))
    published = kind.model.objects.get(pk=draft.pk)
    assert published.live and published.title == kind.title
    screen(page, "published", language=language)

    page.goto(f"/admin/pages/{published.pk}/edit/")
    submit_url = f"/admin/localize/submit/page/{published.pk}/"
    editing.header_menu_link(page, submit_url)
    editing.request_translation(page, submit_url, arabic().pk)
    requested = published.get_translation(arabic())
    assert not requested.live, "a requested translation is a draft until someone publishes it"
    screen(page, "translation requested", language=language)

    strings = {kind.title: kind.title_ar}
    if "summary" in {field.name for field in kind.model._meta.get_fields()}:
        strings[SUMMARY] = SUMMARY_AR
    editing.translate_segments(page, strings)
    screen(page, "translated", language=language)
    editing.publish_translation(page)
    translated = kind.model.objects.get(pk=requested.pk)
    assert translated.live and translated.title == kind.title_ar
    screen(page, "translation published", language=language)


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_a_newsletter_issue_from_draft_to_arabic(day, redattrice, signed_in, screen, language):
    page = signed_in(redattrice, language)
    subject, subject_ar = "Notizie di giugno", "أخبار يونيو"
    heading, heading_ar = "In evidenza", "أبرز الأخبار"

    editing.create(page, "/admin/snippets/newsletter/newsletterissue/add/", "subject", subject)
    assert NewsletterIssue.objects.count() == 1
    page.locator("input[name='topics']").first.check()
    with autosave(page):
        editing.add_block(page, "body", editing.label(language, HeadingBlock().label))
        page.locator("[name='body-0-value-text']").press_sequentially(heading)
    assert NewsletterIssue.objects.count() == 1, "autosave made one issue, then kept editing it"
    screen(page, "created by autosave", language=language)

    frame = editing.open_preview_panel(page)
    expect(frame.locator("html")).to_have_attribute("lang", "it")
    expect(frame.locator("body")).to_contain_text(heading)
    screen(page, "preview email", language=language, frames=[(frame, "it")])
    assert editing.preview_modes(page) == ["html", "text"]
    frame = editing.preview_mode(page, "text")
    expect(frame.locator("body")).to_contain_text(subject)
    screen(page, "preview plain text", language=language, frames=[(frame, "it")])

    editing.footer_action(page, "action-publish")
    expect(page).to_have_url(re.compile(r"/admin/snippets/newsletter/newsletterissue/$"))
    issue = NewsletterIssue.objects.get()
    assert issue.live
    screen(page, "published", language=language)

    page.goto(f"/admin/snippets/newsletter/newsletterissue/edit/{issue.pk}/")
    submit_url = f"/admin/localize/submit/snippet/newsletter/newsletterissue/{issue.pk}/"
    editing.header_menu_link(page, submit_url)  # "Translate", in the edit view's own menu
    editing.request_translation(page, submit_url, arabic().pk)
    assert not issue.get_translation(arabic()).live
    editing.translate_segments(page, {subject: subject_ar, heading: heading_ar})
    screen(page, "translated", language=language)

    with page.context.expect_page() as opened:
        page.locator("header [data-w-dropdown-target='toggle']").filter(has=page.locator(".icon-view")).click()
        page.locator("a[href*='/preview/html/']").click()
    preview = opened.value
    preview.wait_for_load_state()
    expect(preview.locator("html")).to_have_attribute("dir", "rtl")
    expect(preview.locator("body")).to_contain_text(heading_ar)
    screen(preview, "arabic edition preview", language="ar")
    preview.close()

    editing.publish_translation(page)
    arabic_issue = issue.get_translation(arabic())
    assert arabic_issue.live and arabic_issue.subject == subject_ar
    screen(page, "translation published", language=language)


@pytest.fixture
def association(day, redattrice, settings):
    moderation_setup_ensure()
    association = association_with_page_create(
        name="Associazione Alfa", section=day[AssociationIndexPage], editor=redattrice, events=0
    )
    member = member_create(association=association, email="socia@alfa.org", inviter=redattrice)
    return association, member


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_a_member_submits_and_the_region_reviews_with_the_diff(
    association, redattrice, signed_in, screen, language
):
    association, member = association
    profile = association.page.specific
    page = signed_in(member, language)

    page.goto("/admin/")
    screen(page, "member dashboard", language=language)
    page.locator(f"[id^='association-dashboard'] a[href='/admin/pages/{profile.pk}/edit/']").first.click()
    editor_ready(page)
    with autosave(page):
        page.locator("#id_summary").fill("Corsi di lingua araba e italiana per famiglie, ogni sabato.")
    editing.footer_action(page, "action-submit")
    expect(page.locator(".messages .success")).to_be_visible()
    screen(page, "profile submitted", language=language)

    page.goto("/admin/")
    page.locator(f"[id^='association-dashboard'] a[href='/admin/pages/add/content_models/eventpage/{profile.pk}/']").click()
    editor_ready(page)
    editing.tab(page, 1)
    expect(page.locator("#id_organizer-chooser [data-chooser-title]")).to_have_text(profile.title)
    screen(page, "new event with its organiser", language=language)
    editing.tab(page, 0)
    with autosave(page):
        page.locator("#id_title").press_sequentially("Cena multiculturale")
    fill_event(page, language)
    editing.footer_action(page, "action-submit")
    expect(page.locator(".messages .success")).to_be_visible()
    event = EventPage.objects.get(title="Cena multiculturale")
    assert not event.live and event.organizer_id == profile.pk
    screen(page, "event submitted", language=language)

    reviewer = signed_in(redattrice, language)
    reviewer.goto("/admin/associations/changes/")
    screen(reviewer, "changes to review", language=language)
    reviewer.locator(f"a[href*='/admin/pages/{profile.pk}/revisions/compare/live...']").click()
    expect(reviewer.locator("main")).to_contain_text("ogni sabato")
    screen(reviewer, "what changed", language=language)
    for changed in (profile, event):
        reviewer.goto(f"/admin/pages/{changed.pk}/edit/")
        reviewer.locator("footer [data-w-dropdown-target='toggle']").first.click()
        reviewer.locator(
            "footer button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
        ).click()
        expect(reviewer.locator(".messages .success")).to_be_visible()
    screen(reviewer, "approved", language=language)

    profile.refresh_from_db()
    event.refresh_from_db()
    assert profile.live and profile.summary == "Corsi di lingua araba e italiana per famiglie, ogni sabato."
    assert event.live and event.start == datetime.datetime(2031, 6, 1, 17, 30, tzinfo=datetime.timezone.utc)
