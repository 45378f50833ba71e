"""Print HTML without typesetting: the block and page-type registries, the bidi pass, labels in every language."""

from pathlib import Path

import pytest
from django.conf import settings
from wagtail import blocks

from cms.languages import CONTENT_LANGUAGE_CODES
from content_models.blocks import BodyStreamBlock
from printing.content import ContentSnapshot
from printing.formats import Edition
from printing.rendering import check_mappings, registry
from printing.rendering.bidi import isolate_ltr_runs
from printing.rendering.registry import UnmappedBlockError
from printing.services import edition_document
from tests.factories import ServicePageFactory

from .conftest import PHONE, service_point_create

pytestmark = pytest.mark.django_db


def test_every_block_and_content_page_type_has_a_print_rendering():
    check_mappings()  # also run at start-up
    assert registry.unmapped(BodyStreamBlock()) == []


def test_a_new_block_without_a_renderer_fails_loudly():
    class PollBlock(blocks.StructBlock):
        question = blocks.CharBlock()

    class Stream(blocks.StreamBlock):
        poll = PollBlock()

    with pytest.raises(UnmappedBlockError, match="poll"):
        registry.check(Stream())


@pytest.mark.parametrize(
    "html, expected",
    [
        (f'<p dir="rtl">اتصل {PHONE} الآن</p>', f'<p dir="rtl">اتصل <span dir="ltr">{PHONE}</span> الآن</p>'),
        (
            '<p dir="rtl">في 12/03/2025، 18:30 – 20:00.</p>',
            '<p dir="rtl">في <span dir="ltr">12/03/2025</span>، <span dir="ltr">18:30 – 20:00</span>.</p>',
        ),
        (
            '<p dir="rtl">العنوان: La Spezia (SP)، هنا</p>',
            '<p dir="rtl">العنوان: <span dir="ltr">La Spezia (SP)</span>، هنا</p>',
        ),
        (
            '<div dir="rtl"><span dir="ltr">+39 010</span> <a href="https://x.org/a b">رابط</a></div>',
            '<div dir="rtl"><span dir="ltr">+39 010</span> <a href="https://x.org/a b">رابط</a></div>',
        ),
        (f'<p dir="ltr">Chiama {PHONE}</p>', f'<p dir="ltr">Chiama {PHONE}</p>'),
        # As editors paste them: no-break spaces inside a number and before a unit.
        (
            '<p dir="rtl">اتصل +39&nbsp;347\u202f765\u00a04321، الرسوم 10&nbsp;€ فقط</p>',
            '<p dir="rtl">اتصل <span dir="ltr">+39\u00a0347\u202f765\u00a04321</span>، الرسوم '
            '<span dir="ltr">10\u00a0€</span> فقط</p>',
        ),
        (
            '<p dir="rtl">اتصل (+39) 010 123 4567 الآن</p>',
            '<p dir="rtl">اتصل <span dir="ltr">(+39) 010 123 4567</span> الآن</p>',
        ),
        # One run split by markup: its pieces are set together, left to right.
        (
            '<p dir="rtl">اتصل <b>+39</b> 010 <a href="tel:+390101234567">123 4567</a>.<br>InterAzioni</p>',
            '<p dir="rtl">اتصل <span dir="ltr"><b><span dir="ltr">+39</span></b> <span dir="ltr">010</span> '
            '<a href="tel:+390101234567"><span dir="ltr">123 4567</span></a></span>.<br/><span dir="ltr">'
            "InterAzioni</span></p>",
        ),
    ],
)
def test_left_to_right_runs_inside_right_to_left_text_are_isolated(html, expected):
    assert isolate_ltr_runs(html) == expected


@pytest.mark.parametrize("language", [code for code in CONTENT_LANGUAGE_CODES if code != "en"])
def test_printed_labels_are_in_the_reader_s_language(service_index, translate, language):
    """No English label on a leaflet in any other language (the catalogues hold all nine)."""
    italian = ServicePageFactory(
        parent=service_index,
        slug="corsi",
        title="Corsi",
        costs="<p>Nessuno.</p>",
        how_to_access=[("step", {"title": "Prenota", "description": ""})],
    )
    italian.service_points.add(service_point_create())
    italian.save_revision().publish()
    page = italian if language == settings.LANGUAGE_CODE else translate(italian, language, title="T")
    html = edition_document(page, Edition(language, "a4"), ContentSnapshot()).html
    for english in (
        "How to access",
        "Costs",
        "Free of charge",
        "Read this page online",
        "Printed on",
        "Information changes",
        "Last updated",
        "Information checked on",
        "Phone:",
        "Address:",
        "Opening hours",
        "by appointment only",
        "Email:" if language not in {"it", "sq"} else "Phone:",
    ):
        assert english not in html, f"{english!r} untranslated in {language}"


def test_the_italian_catalogue_is_complete():
    catalogue = (Path(__file__).resolve().parents[2] / "printing/locale/it/LC_MESSAGES/django.po").read_text()
    entries = catalogue.split("\n\n")[1:]
    untranslated = [
        entry for entry in entries if entry.rstrip().endswith('msgstr ""') and "msgstr[" not in entry
    ]
    assert untranslated == []


@pytest.mark.django_db
def test_italian_left_in_an_arabic_leaflet_keeps_its_language(service_index):
    """Issue 12, item 3: on paper too, the untranslated summary, paragraph, heading block and step (a string in a
    block's list) are Italian, left to right (the bidi pass then leaves them alone); the translated title and step
    are not."""
    from tests.factories import service_partly_translated
    from tests.factories.content import ARABIC_TITLE

    _italian, arabic = service_partly_translated(service_index)
    html = edition_document(arabic, Edition("ar", "a4"), ContentSnapshot()).html

    assert f">{ARABIC_TITLE}</h1>" in html and 'lang="it">' + ARABIC_TITLE not in html
    assert '<p class="summary" dir="ltr" lang="it">Corsi gratuiti per adulti.</p>' in html
    assert '<p data-block-key="a2" dir="ltr" lang="it">Anche per chi lavora.</p>' in html
    assert '<h2 dir="ltr" lang="it">Dove</h2>' in html
    assert '<p class="step-title">احجز الاختبار</p>' in html
    assert '<p class="step-title" dir="ltr" lang="it">Porta i documenti</p>' in html



def test_italian_plain_fields_left_in_arabic_print_keep_their_language(sections):
    """Issue 12, item 3: an event's venue and a help desk's opening notes still in Italian are marked on paper; the
    translated cost and accessibility notes are not."""
    from content_models.models import EventIndexPage
    from tests.factories.content import event_and_desk_partly_translated

    _event, arabic_event, _desk, arabic_desk = event_and_desk_partly_translated(sections[EventIndexPage])

    html = edition_document(arabic_event, Edition("ar", "a4"), ContentSnapshot()).html
    assert '<span dir="ltr" lang="it">Sala Rossa</span>, <span dir="ltr" lang="it">Genova</span>' in html
    assert 'الدخول <span dir="ltr">5</span> يورو' in html and 'lang="it">الدخول' not in html

    html = edition_document(arabic_desk, Edition("ar", "a4"), ContentSnapshot()).html
    assert '<p dir="ltr" lang="it">Chiuso ad agosto.</p>' in html
    assert "<p>مدخل بدون درج.</p>" in html and 'lang="it">مكتب المركز' not in html