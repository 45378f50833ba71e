"""Each language edition renders to accessible, self-contained email HTML and plain text."""

import pytest
from django.test import override_settings
from wagtail import blocks

from content_models.models import EventIndexPage, NewsIndexPage
from newsletter.blocks import NewsletterStreamBlock
from newsletter.rendering import UnmappedBlockError, registry, render_edition
from newsletter.rendering.links import PREFERENCES_PLACEHOLDER, UNSUBSCRIBE_PLACEHOLDER, PersonalLinks
from tests.factories import DocumentFactory, EventPageFactory, ImageFactory, NewsPageFactory

from .conftest import publish_issue, translate, translate_issue


def collapsed(html: str) -> str:
    """Whitespace as the reader's client sees it: the email's lines are broken where a break changes nothing."""
    return " ".join(html.split())


def test_every_block_of_the_newsletter_stream_has_an_email_renderer():
    assert registry.unmapped(NewsletterStreamBlock()) == []


def test_an_unmapped_block_fails_loudly():
    class NewBlock(blocks.CharBlock):
        pass

    block = NewBlock()
    block.set_name("surprise")
    with pytest.raises(UnmappedBlockError, match="surprise"):
        registry.renderer_for(block)


def every_block(image, document, page):
    """One of each block, with the content an editor would write."""
    return [
        ("heading", {"text": "Corsi di italiano", "level": "h2"}),
        ("paragraph", '<p>Leggi <a href="/documents/1/guida.pdf">la guida</a>.</p><ul><li>uno</li><li>due</li></ul>'),
        ("image", {"image": image, "caption": "Una lezione", "alt_text": ""}),
        ("call_to_action", {"label": "Prenota", "page": None, "url": "https://example.org/prenota", "description": ""}),
        ("steps", {"title": "Come fare", "steps": [{"title": "Prenota il test", "description": "<p>Allo sportello.</p>"}]}),
        ("faq", {"title": "Domande", "items": [{"question": "È gratis?", "answer": "<p>Sì.</p>"}]}),
        ("contact", {"name": "Sportello", "role": "", "phone": "+39 010 000", "email": "sportello@example.org",
                     "url": "", "notes": "Lun-ven 9-13"}),
        ("key_figures", {"title": "In Liguria", "figures": [
            {"label": "Residenti stranieri", "value": "150000", "unit": "persone", "source": "ISTAT"}]}),
        ("document", {"document": document, "title": "", "description": "Il modulo"}),
        ("related_pages", {"title": "Vedi anche", "pages": [page]}),
        ("video", {"url": "https://www.youtube.com/watch?v=abc", "title": "Lo sportello", "transcript": "Testo"}),
        ("quote", {"quote": "Ho trovato lavoro", "attribution": "Amina"}),
        ("alert", {"level": "urgent", "title": "Scadenza", "text": "<p>Entro il 30 settembre.</p>"}),
        ("teasers", {"title": "Prossimi eventi", "pages": [page], "show_images": True}),
    ]


@pytest.fixture
def news(sections):
    return NewsPageFactory(parent=sections[NewsIndexPage], title="Nuovi corsi", slug="nuovi-corsi",
                           summary="Si riparte a settembre.", main_image=ImageFactory())


@pytest.mark.django_db
def test_italian_edition_is_self_contained_email_html(news):
    issue = publish_issue(body=every_block(ImageFactory(), DocumentFactory(), news))

    edition = render_edition(issue)

    html = collapsed(edition.html)
    assert '<html lang="it" dir="ltr"' in html
    assert "<link" not in html and "@import" not in html  # no remote fonts or stylesheets
    assert 'style="' in html and ".nl-rich" not in html.split("</head>")[1]  # CSS is inlined
    assert "@media" in html  # responsive rules stay in <style> (inlining cannot express them)
    assert 'href="https://cms.example.org/documents/1/guida.pdf"' in html  # relative links made absolute
    assert 'src="https://cms.example.org/' in html  # image renditions, absolute
    assert 'href="https://portal.example.org/it/notizie/nuovi-corsi/"' in html  # teaser links to the portal
    assert "Nuovi corsi" in html and "Si riparte a settembre." in html
    assert f'href="{edition.web_url}"' in html
    assert edition.web_url.startswith("https://cms.example.org/newsletter/view/")
    assert UNSUBSCRIBE_PLACEHOLDER in html and PREFERENCES_PLACEHOLDER in html
    # The plain-text part carries the same information.
    text = edition.text
    assert text.startswith("Notizie di maggio\n=")
    assert "la guida <https://cms.example.org/documents/1/guida.pdf>" in text
    assert "- uno\n- due" in text
    assert "https://portal.example.org/it/notizie/nuovi-corsi/" in text
    assert "1. Prenota il test" in text


@pytest.mark.django_db
def test_personalisation_only_replaces_the_links(news):
    edition = render_edition(publish_issue())
    links = PersonalLinks("https://cms.example.org/newsletter/unsubscribe/KEY/7/", "https://portal/prefs?token=KEY&x=1")

    html, text = edition.personalise(links)

    assert UNSUBSCRIBE_PLACEHOLDER not in html and PREFERENCES_PLACEHOLDER not in text
    assert 'href="https://cms.example.org/newsletter/unsubscribe/KEY/7/"' in html
    assert 'href="https://portal/prefs?token=KEY&amp;x=1"' in html  # escaped in HTML, raw in text
    assert "https://portal/prefs?token=KEY&x=1" in text
    assert len(html) - len(edition.html) < 200


@pytest.mark.django_db
def test_arabic_edition_is_right_to_left_and_falls_back_to_italian_teasers(sections, news, django_capture_on_commit_callbacks):
    event = EventPageFactory(parent=sections[EventIndexPage], title="Festa interculturale", slug="festa")
    issue = publish_issue(body=[("teasers", {"title": "", "pages": [news, event], "show_images": True})])
    # The news page has an Arabic translation; the event has none.
    arabic_news = translate(news, "ar", django_capture_on_commit_callbacks).specific
    arabic_news.title = "دورات جديدة"
    arabic_news.save_revision().publish()
    arabic = translate_issue(issue, "ar", django_capture_on_commit_callbacks, subject="أخبار مايو",
                             body=[("teasers", {"title": "", "pages": [news, event], "show_images": True}),
                                   ("paragraph", "<p>دورات اللغة الإيطالية</p>")])

    edition = render_edition(arabic)

    html = collapsed(edition.html)
    assert '<html lang="ar" dir="rtl"' in html
    assert 'role="article" lang="ar" dir="rtl"' in html
    assert "direction:ltr" not in html.replace(" ", "")  # MJML columns follow the language's direction
    assert "أخبار مايو" in html and "دورات اللغة الإيطالية" in html
    assert arabic_news.title in html and 'href="https://portal.example.org/ar/' in html
    # The untranslated event is served in Italian, marked as such for screen readers and bidi, aligned left.
    assert '<div lang="it" dir="ltr" style="text-align: left;"><h3' in html and "Festa interculturale" in html
    assert edition.language.code == "ar" and edition.language.is_rtl


@pytest.mark.django_db
def test_italian_left_in_an_arabic_edition_or_page_keeps_its_language(sections):
    """Issue 12, item 3: the edition's own untranslated subject, paragraph, heading and FAQ question, and a teaser's
    untranslated summary and an event teaser's untranslated venue are marked Italian, left to right and
    left-aligned; what was translated is not."""
    from content_models.models import ServiceIndexPage
    from tests.factories import service_partly_translated, translation_sync
    from tests.factories.content import ARABIC_TITLE, event_and_desk_partly_translated

    service, _arabic_service = service_partly_translated(sections[ServiceIndexPage])
    event, *_others = event_and_desk_partly_translated(sections[EventIndexPage])
    issue = publish_issue(body=[
        ("paragraph", "<p>Novità di settembre.</p><p>I corsi ripartono.</p>"),
        ("teasers", {"title": "", "pages": [service, event], "show_images": False}),
        ("heading", {"text": "Da sapere", "level": "h2"}),
        ("faq", {"title": "", "items": [{"question": "È gratis?", "answer": "<p>Sì.</p>"},
                                        {"question": "Serve il permesso?", "answer": "<p>No.</p>"}]}),
    ])
    arabic = translation_sync(issue, "ar", {"Novità di settembre.": "جديد سبتمبر.", "È gratis?": "هل هو مجاني؟"})

    edition = render_edition(arabic)
    html = collapsed(edition.html)
    assert '· <span lang="it" dir="ltr" style="text-align: left;">Sala Rossa</span></p>' in html  # an event's place
    assert " · Sala Rossa\n" in edition.text
    # Marked Italian, it also starts on its own side (left), not on the Arabic container's (right).
    assert ('<p style="display: block;margin: 0 0 12px;">جديد سبتمبر.</p><p dir="ltr" lang="it" '
            'style="display: block;text-align: left;margin: 0 0 12px;">I corsi ripartono.</p>') in html
    assert 'lang="it" dir="ltr">Notizie di maggio</h1>' in html  # the subject, not translated yet
    # The edition's own heading block and the untranslated question of its FAQ (a string in a block's list).
    assert '<h2 style="text-align: left;margin: 0;font-size: 22px;line-height: 1.3" lang="it" dir="ltr">Da sapere' \
        in html
    assert 'font-size: 17px" lang="it" dir="ltr">Serve il permesso?</h4>' in html
    assert '<h4 style="margin:12px 0 4px;font-size:17px;">هل هو مجاني؟</h4>' in html
    assert 'lang="it" dir="ltr">Corsi gratuiti per adulti.</p>' in html
    assert f'underline;">{ARABIC_TITLE}</a></h3>' in html
    assert 'font-size:19px;" lang="it"' not in html and 'lang="it" dir="ltr">Novità' not in html


@pytest.mark.django_db
@override_settings(WAGTAIL_I18N_ENABLED=True)
def test_web_view_needs_a_started_send(client, locales):
    issue = publish_issue()
    url = render_edition(issue).web_url.removeprefix("https://cms.example.org")
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_restricted_pages_and_private_images_never_go_out(sections):
    """The API's visibility rules hold in emails and the web view too (content_models.kernel.visibility)."""
    from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

    public = NewsPageFactory(parent=sections[NewsIndexPage], title="Notizia pubblica", summary="Per tutti.")
    restricted = NewsPageFactory(parent=sections[NewsIndexPage], title="Notizia riservata", summary="Solo soci.")
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
    private = Collection.get_first_root_node().add_child(name="Riservata")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    secret_image = ImageFactory(collection=private, description="Foto riservata")
    issue = publish_issue(body=[
        ("teasers", {"title": "", "pages": [public, restricted], "show_images": True}),
        ("related_pages", {"title": "Vedi anche", "pages": [restricted]}),
        ("image", {"image": secret_image, "caption": "Didascalia riservata", "alt_text": ""}),
    ])

    edition = render_edition(issue)

    html, text = collapsed(edition.html), collapsed(edition.text)
    assert "Notizia pubblica" in html and "Notizia pubblica" in text
    for secret in ("Notizia riservata", "Solo soci.", "Foto riservata", "Didascalia riservata"):
        assert secret not in html and secret not in text, secret
