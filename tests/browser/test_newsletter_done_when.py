"""The newsletter's "done when", end to end in a real browser: an editor composes an issue from blocks and an
existing event, has it translated into Arabic, previews both editions, sends a test and sends it to subscribers
of both languages; a real SMTP server on loopback receives every message."""

import re
from contextlib import contextmanager
from email import message_from_bytes, policy

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from associations.moderation import regional_editors_group_ensure
from content_models.models import EventIndexPage, NewsIndexPage
from newsletter.models import Delivery, Dispatch, NewsletterIssue, Subscriber
from newsletter.permissions import newsletter_editors_group_ensure
from tests.factories import EventPageFactory, NewsPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery-staple"
EVENT_IT = "Festa dei popoli al Porto Antico"
EVENT_AR = "مهرجان الشعوب في الميناء القديم"
NEWS_IT = "Nuovo sportello per il permesso di soggiorno"  # never translated: Arabic readers get it in Italian
SUBJECT_IT = "Notizie di giugno"
SUBJECT_AR = "أخبار يونيو"
ARABIC = {  # the source strings of the issue and what the translator writes for each
    SUBJECT_IT: SUBJECT_AR,
    "Eventi e servizi del mese": "فعاليات وخدمات الشهر",
    "In evidenza": "أبرز الأخبار",
    "I corsi di italiano ripartono a settembre.": "تستأنف دورات اللغة الإيطالية في سبتمبر.",
    "Prossimi eventi": "الفعاليات القادمة",
}



@pytest.fixture
def newsletter_settings(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.NEWSLETTER_PUBLIC_BASE_URL = "https://cms.example.org"
    settings.NEWSLETTER_FROM_EMAIL = "InterAzioni <newsletter@interazioni.example.org>"
    settings.NEWSLETTER_MESSAGES_PER_SECOND = 0
    settings.PORTAL_BASE_URLS = {code: f"https://portal.example.org/{code}" for code, _name in settings.LANGUAGES}
    # Publishing the seeded event must not call out to portals or social networks.
    settings.DISTRIBUTION_WEBHOOK_URLS = []
    settings.DISTRIBUTION_AUTOPOST_PAGE_TYPES = []
    # The test database is SQLite in memory with a shared cache, where a table being written cannot be read by
    # another connection ("database table is locked", not retried). Autosave writes the issue and its search
    # entries while the page chooser searches: on PostgreSQL that is fine, here it fails at random.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


@pytest.fixture
def editor(migrations_data):
    """A regional editor who also composes and sends the newsletter: in both groups, as the office sets it up."""
    # Ensured again: the flush between transactional tests removes what data migrations made (the root collection).
    newsletter_editors = newsletter_editors_group_ensure()
    user = get_user_model().objects.create_user("redazione", "redazione@example.org", PASSWORD)
    user.groups.add(regional_editors_group_ensure(), newsletter_editors)
    return user


def translate_page(page, language: str, *, title: str, summary: str):
    """wagtail-localize's machinery, as the translators' editor ends up doing, then a translated title and summary."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    source.create_or_update_translation(
        Locale.objects.get(language_code=language), publish=True, fallback=True, copy_parent_pages=True
    )
    translation = page.get_translation(Locale.objects.get(language_code=language)).specific
    translation.title = title
    translation.summary = summary
    translation.save_revision().publish()
    return translation


@contextmanager
def evidence_on_failure(context, page, artifacts_dir, name: str):
    """A screenshot and a Playwright trace in test-artifacts/ when the test fails (`playwright show-trace`)."""
    context.tracing.start(screenshots=True, snapshots=True)
    try:
        yield
    except BaseException:
        page.screenshot(path=str(artifacts_dir / f"{name}-failure.png"), full_page=True)
        context.tracing.stop(path=str(artifacts_dir / f"{name}-failure-trace.zip"))
        raise
    context.tracing.stop()


def choose_page(page, teaser, *, search: str, title: str):
    """The empty "Choose a page" of the teaser's list, then Wagtail's page chooser modal and its search."""
    teaser.get_by_role("button", name="Choose a page").last.click()
    chooser = page.locator(".modal-dialog")
    chooser.get_by_role("textbox").first.fill(search)
    chooser.get_by_role("link", name=title).click()
    expect(teaser).to_contain_text(title)


def edition_row(editions, native_name: str):
    return editions.get_by_role("row").filter(has_text=native_name)


def open_preview(page, row):
    """The "Email" preview opens in a new tab."""
    with page.context.expect_page() as new_page:
        row.get_by_role("link", name="Email").click()
    preview = new_page.value
    preview.wait_for_load_state()
    return preview


def report_cells(report, native_name: str):
    return report.locator("tbody tr").filter(has_text=native_name).locator("td")


def parse(received):
    return message_from_bytes(received.content, policy=policy.default)


def html_part(message) -> str:
    """The HTML with whitespace runs as single spaces: long lines are broken at spaces (rendering/lines.py)."""
    return " ".join(message.get_body(preferencelist=("html",)).get_content().split())


def add_block(page, label: str):
    """The stream's last "+" (after the last block), then the block type from Wagtail's block picker."""
    page.locator("[data-contentpath='body']").get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option").filter(has_text=label).first.click()


def test_editor_composes_previews_tests_and_sends_an_issue_in_italian_and_arabic(
    live_server, page, context, sections, editor, smtp_server, newsletter_settings, artifacts_dir
):
    event = EventPageFactory(parent=sections[EventIndexPage], title=EVENT_IT, summary="Musica e cucine dal mondo.")
    translate_page(event, "ar", title=EVENT_AR, summary="موسيقى ومأكولات من العالم.")
    NewsPageFactory(parent=sections[NewsIndexPage], title=NEWS_IT, summary="Apre in via Fieschi.")
    for n, language in enumerate(["it", "it", "ar", "ar"]):
        Subscriber.objects.create(email=f"lettore{n}@example.org", language=language, status=Subscriber.Status.ACTIVE)
    Subscriber.objects.create(email="inattesa@example.org", language="ar", status=Subscriber.Status.PENDING)

    with evidence_on_failure(context, page, artifacts_dir, "newsletter-done-when"):
        page.goto(f"{live_server.url}/admin/login/")
        page.get_by_label("Username").fill("redazione")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{live_server.url}/admin/")

        # 1. Compose the Italian issue from blocks and existing pages (an event, a news item).
        page.goto(f"{live_server.url}/admin/snippets/newsletter/newsletterissue/add/")
        page.get_by_role("textbox", name="Subject").fill(SUBJECT_IT)
        page.get_by_role("textbox", name="Preview text").fill("Eventi e servizi del mese")
        add_block(page, "Heading")
        page.locator("[name='body-0-value-text']").fill("In evidenza")
        add_block(page, "Rich text")
        editor_box = page.locator("[data-contentpath='body'] [role='textbox']").first
        editor_box.click()
        editor_box.press_sequentially("I corsi di italiano ripartono a settembre.")
        add_block(page, "Teasers of pages")
        page.locator("[name='body-2-value-title']").fill("Prossimi eventi")
        teaser = page.locator("[data-contentpath='body'] [data-contentpath='pages']")
        choose_page(page, teaser, search="Festa dei popoli", title=EVENT_IT)
        teaser.get_by_role("button", name="Add", exact=True).last.click()  # a second page in the list
        choose_page(page, teaser, search="sportello", title=NEWS_IT)
        page.screenshot(path=str(artifacts_dir / "newsletter-compose.png"))

        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
        page.get_by_role("button", name="Publish").click()
        expect(page.locator(".messages .success")).to_contain_text(re.compile("published", re.IGNORECASE))
        issue = NewsletterIssue.objects.get(subject=SUBJECT_IT)
        assert issue.live and issue.locale.language_code == "it"
        assert [block.block_type for block in issue.body] == ["heading", "paragraph", "teasers"]
        assert [p.title for p in issue.body[2].value["pages"]] == [EVENT_IT, NEWS_IT]

        # 2. The Arabic edition, as translators make it: wagtail-localize's "Translate", its editor, "Publish".
        page.goto(f"{live_server.url}/admin/snippets/newsletter/newsletterissue/")
        page.get_by_role("button", name=f"More options for '{SUBJECT_IT}'").click()
        page.get_by_role("link", name=f"Translate '{SUBJECT_IT}'").click()
        page.get_by_label("Arabic").check()
        page.get_by_role("button", name="Submit").click()
        page.wait_for_url(re.compile(r"/admin/snippets/newsletter/newsletterissue/edit/\d+/"))
        for source_text, arabic in ARABIC.items():
            untranslated = page.locator("li").filter(has_text=source_text).filter(
                has=page.get_by_role("button", name="Translate")
            ).last
            untranslated.get_by_role("button", name="Translate").click()
            field = page.locator("textarea:focus")  # the editor focuses the segment's new text box
            field.fill(arabic)
            field.press("Enter")  # saves the segment
            expect(page.locator("li").filter(has_text=source_text).filter(
                has=page.get_by_role("button", name="Edit")).last).to_contain_text(arabic)
        page.screenshot(path=str(artifacts_dir / "newsletter-translation-editor.png"))
        page.get_by_role("button", name=re.compile("^Publish in ")).click()
        expect(page.locator(".messages .success")).to_contain_text(re.compile("published", re.IGNORECASE))
        arabic_issue = issue.get_translation(Locale.objects.get(language_code="ar"))
        assert arabic_issue.live and arabic_issue.subject == SUBJECT_AR

        # 3. The sending page: editions and their previews.
        page.goto(f"{live_server.url}/admin/snippets/newsletter/newsletterissue/")
        page.get_by_role("row").filter(has_text=SUBJECT_IT).get_by_role("link", name="Preview, send and report").click()
        page.wait_for_url(f"{live_server.url}/admin/newsletter/issues/{issue.pk}/sending/")
        editions = page.get_by_role("region", name="Language editions")
        expect(edition_row(editions, "italiano")).to_contain_text("Published")
        expect(edition_row(editions, "العربيّة")).to_contain_text("Published")
        expect(edition_row(editions, "français")).to_contain_text("Not translated: readers get the Italian edition")

        preview = open_preview(page, edition_row(editions, "italiano"))
        expect(preview.locator("html")).to_have_attribute("lang", "it")
        expect(preview.locator("html")).to_have_attribute("dir", "ltr")
        expect(preview.get_by_text("In evidenza")).to_be_visible()
        expect(preview.get_by_text(EVENT_IT)).to_be_visible()
        expect(preview.get_by_text(NEWS_IT)).to_be_visible()
        preview.close()
        preview = open_preview(page, edition_row(editions, "العربيّة"))
        expect(preview.locator("html")).to_have_attribute("lang", "ar")
        expect(preview.locator("html")).to_have_attribute("dir", "rtl")
        expect(preview.get_by_text(ARABIC["In evidenza"])).to_be_visible()
        expect(preview.get_by_text(EVENT_AR)).to_be_visible()  # the event's own Arabic translation
        # The untranslated news falls back to Italian, marked as such for screen readers and bidi.
        expect(preview.locator("[lang=it][dir=ltr]").filter(has_text=NEWS_IT).first).to_be_visible()
        preview.screenshot(path=str(artifacts_dir / "newsletter-preview-ar.png"), full_page=True)
        preview.close()
        preview = open_preview(page, edition_row(editions, "français"))  # no French edition: the Italian one
        expect(preview.locator("html")).to_have_attribute("lang", "it")
        expect(preview.get_by_text(EVENT_IT)).to_be_visible()
        preview.close()

        # 4. A test to a chosen address, in both editions.
        tests = page.get_by_role("region", name="Send a test")
        tests.get_by_label("Send to").fill("caporedattrice@example.org")
        tests.get_by_label("Arabic").check()
        tests.get_by_role("button", name="Send test").click()
        expect(page.get_by_text("2 test messages sent.")).to_be_visible()
        test_messages = {parse(m)["Subject"]: parse(m) for m in smtp_server.received}
        assert set(test_messages) == {f"[TEST it] {SUBJECT_IT}", f"[TEST ar] {SUBJECT_AR}"}
        assert all(m["To"] == "caporedattrice@example.org" for m in test_messages.values())
        assert 'lang="ar" dir="rtl"' in html_part(test_messages[f"[TEST ar] {SUBJECT_AR}"])
        assert EVENT_AR in html_part(test_messages[f"[TEST ar] {SUBJECT_AR}"])
        assert EVENT_IT in html_part(test_messages[f"[TEST it] {SUBJECT_IT}"])
        assert not Dispatch.objects.exists()

        # 5. Send to the subscribers and watch it finish.
        expect(page.get_by_role("region", name="Sending")).to_contain_text("4 active subscribers would receive it")
        page.once("dialog", lambda dialog: dialog.accept())
        page.get_by_role("button", name="Send now").click()
        expect(page.get_by_text(re.compile("Sent. Finished on"))).to_be_visible(timeout=60_000)
        report = page.get_by_role("region", name="Report")
        page.screenshot(path=str(artifacts_dir / "newsletter-sent-report.png"), full_page=True)
        # Recipients, sent, (share), failed, bounced, spam reports, skipped, unsubscribed, waiting.
        for language in ("italiano", "العربيّة"):
            expect(report_cells(report, language)).to_have_text(["2", "2", "100%", "0", "0", "0", "0", "0", "0"])
        expect(report.locator("tfoot td")).to_have_text(["4", "4", "100%", "0", "0", "0", "0", "0", "0"])

    assert Dispatch.objects.get(issue=issue).status == Dispatch.Status.FINISHED
    assert Delivery.objects.filter(issue=issue, status=Delivery.Status.SENT).count() == 4
    sent = [message for message in map(parse, smtp_server.received) if message["To"] != "caporedattrice@example.org"]
    assert sorted(m["To"] for m in sent) == [f"lettore{n}@example.org" for n in range(4)]  # once each
    for message in sent:
        language = "it" if message["To"] in ("lettore0@example.org", "lettore1@example.org") else "ar"
        assert message["Content-Language"] == language
        assert message["Subject"] == {"it": SUBJECT_IT, "ar": SUBJECT_AR}[language]
        assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}"' in html_part(message)
        assert {"it": EVENT_IT, "ar": EVENT_AR}[language] in html_part(message)
        assert NEWS_IT in html_part(message)
        assert re.fullmatch(r"<https://cms\.example\.org/newsletter/unsubscribe/[^>]+/>.*", message["List-Unsubscribe"])
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "inattesa@example.org" not in smtp_server.handler.recipients()
