"""What the printed editions contain, read back with real tools: text, fonts, tags, language, title, alternative
texts, QR codes, the order of phone numbers, dates, amounts and Latin names inside Arabic, paper sizes; and PNG
renders for people to look at.

The editions are typeset once for the module (about ten seconds) and every test reads the same bytes.
"""

import datetime

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from content_models import services as content_services
from content_models.models import EventIndexPage, ServiceIndexPage
from printing.content import ContentSnapshot
from printing.formats import Edition
from printing.services import edition_document
from printing.typesetting import typeset
from tests.factories import EventPageFactory, translation_publish

from .conftest import (
    LTR_RUNS,
    PHONE,
    PORTAL,
    TEXTS,
    print_settings_create,
    service_point_create,
    service_with_translations,
)
from .pdf import (
    arabic_lines,
    pdf_alt_texts,
    pdf_catalog_language,
    pdf_fonts,
    pdf_info,
    pdf_pages_png,
    pdf_text,
    pdf_words,
    qr_codes,
    runs_out_of_order,
)

# The module's fixture needs the test database (pytest-django creates it for the tests marked so).
pytestmark = pytest.mark.django_db

# name -> (language of the subject, format, bilingual)
EDITIONS = {
    "ar-a4": ("ar", "a4", False),
    "zh-hans-a4": ("zh-hans", "a4", False),
    "uk-a5": ("uk", "a5", False),
    "it-ar-bilingual": ("ar", "a4", True),
    "event-ar-a3": ("ar", "a3", False),
    "desk-ar-a4": ("ar", "a4", False),
}


@pytest.fixture(scope="module")
def printed(django_db_setup, django_db_blocker, tmp_path_factory):
    """{name: {"pdf", "pages", "warnings", "url", "title"}} for EDITIONS, typeset once; the database rolls back."""
    portal_urls = {
        code: f"{PORTAL}/{code}" for code in ("it", "en", "fr", "es", "ar", "sq", "ro", "zh-hans", "uk")
    }
    results = {}
    with (
        django_db_blocker.unblock(),
        override_settings(
            MEDIA_ROOT=str(tmp_path_factory.mktemp("media")),
            PORTAL_BASE_URLS=portal_urls,
            PRINT_ON_PUBLISH=False,
        ),
    ):
        cache.clear()
        with transaction.atomic():
            content_services.home_page_ensure()
            home_sections = {
                type(page.specific): page.specific
                for page in content_services.home_page_ensure().get_children()
            }
            print_settings_create()
            point = service_point_create()
            arabic_point = point.copy_for_translation(_locale("ar"))
            arabic_point.name = "شبّاك InterAzioni في جنوة"
            arabic_point.save()
            pages = service_with_translations(home_sections[ServiceIndexPage], point=point)
            event = EventPageFactory(
                parent=home_sections[EventIndexPage],
                title="Festa dei popoli",
                summary="Musica e cucine dal mondo.",
                start=timezone.make_aware(datetime.datetime(2025, 6, 20, 18, 30)),
                end=timezone.make_aware(datetime.datetime(2025, 6, 20, 22, 0)),
            )
            arabic_event = translation_publish(
                event,
                "ar",
                title="مهرجان الشعوب",
                summary="موسيقى ومأكولات من العالم.",
                body=[{"type": "paragraph", "id": "b-details", "value": TEXTS["ar"]["details"]}],
            )
            subjects = {
                "ar-a4": pages["ar"],
                "zh-hans-a4": pages["zh-hans"],
                "uk-a5": pages["uk"],
                "it-ar-bilingual": pages["ar"],
                "event-ar-a3": arabic_event,
                "desk-ar-a4": arabic_point,
            }
            content = ContentSnapshot()
            for name, (language, fmt, bilingual) in EDITIONS.items():
                subject = subjects[name]
                document = edition_document(subject, Edition(language, fmt, bilingual), content)
                result = typeset(document.final_html(), document.assets.files)
                results[name] = {
                    "pdf": result.pdf,
                    "pages": result.pages,
                    "warnings": result.warnings,
                    "problems": document.problems,
                    "title": document.title,
                    "url": content.page_url(subject) if hasattr(subject, "url_path") else "",
                }
            transaction.set_rollback(True)
        cache.clear()
    return results


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


@pytest.mark.parametrize("name", list(EDITIONS))
def test_no_glyph_is_missing_and_nothing_was_refused(printed, name):
    """WeasyPrint logs `.notdef` for a character no font has; nothing else may be logged either."""
    assert printed[name]["warnings"] == []
    assert printed[name]["problems"] == []


@pytest.mark.parametrize("name, language", [("ar-a4", "ar"), ("zh-hans-a4", "zh-hans"), ("uk-a5", "uk")])
def test_text_extraction_finds_the_title_and_the_body(printed, name, language):
    text = pdf_text(printed[name]["pdf"])
    texts = TEXTS[language]
    if language == "ar":  # whole Arabic words (see conftest: no lam-alef)
        assert "دورات مجانية" in text and "للكبار" in text
        assert "اتصل بالرقم" in text and "يوم الخميس" in text
    else:
        assert texts["title"] in text
        assert texts["paragraph"].split(PHONE)[0].strip() in text
    assert PHONE in text
    assert "Fieschi 15, Genova" in text


def test_fonts_include_an_arabic_and_a_cjk_face(printed):
    assert "Arabic" in pdf_fonts(printed["ar-a4"]["pdf"])
    assert "CJK" in pdf_fonts(printed["zh-hans-a4"]["pdf"])
    assert "Noto-Sans" in pdf_fonts(printed["uk-a5"]["pdf"])  # Cyrillic in Noto Sans


@pytest.mark.parametrize(
    "name, language", [("ar-a4", "ar"), ("zh-hans-a4", "zh-hans"), ("uk-a5", "uk"), ("it-ar-bilingual", "ar")]
)
def test_the_pdf_is_tagged_with_its_language_and_title(printed, name, language):
    pdf = printed[name]["pdf"]
    info = pdf_info(pdf)
    assert info["Tagged"] == "yes"
    assert info["Title"] == printed[name]["title"]
    assert pdf_catalog_language(pdf) == language


def test_images_and_qr_codes_carry_their_alternative_text(printed):
    alts = pdf_alt_texts(printed["ar-a4"]["pdf"])
    assert TEXTS["ar"]["alt"] in alts
    assert any(printed["ar-a4"]["url"] in alt for alt in alts), "the QR code says where it leads"


@pytest.mark.parametrize(
    "name, size",
    [("ar-a4", "595.276 x 841.89"), ("uk-a5", "419.528 x 595.276"), ("event-ar-a3", "841.89 x 1190.55")],
)
def test_paper_sizes(printed, name, size):
    assert pdf_info(printed[name]["pdf"])["Page size"].startswith(f"{size} pts")


def test_a_service_leaflet_fits_two_a4_pages(printed):
    assert printed["ar-a4"]["pages"] <= 2


@pytest.mark.parametrize("name", ["ar-a4", "it-ar-bilingual", "zh-hans-a4", "event-ar-a3"])
def test_the_qr_code_read_back_gives_the_portal_page_in_that_language(printed, name, artifacts_dir):
    png = pdf_pages_png(printed[name]["pdf"], artifacts_dir / "print", f"qr-{name}", dpi=150)[0]
    assert qr_codes(png) == [printed[name]["url"]]
    assert printed[name]["url"].startswith(f"{PORTAL}/{EDITIONS[name][0]}/")


def test_the_help_desk_card_has_a_map_qr_code(printed, artifacts_dir):
    png = pdf_pages_png(printed["desk-ar-a4"]["pdf"], artifacts_dir / "print", "qr-desk", dpi=150)[0]
    [url] = qr_codes(png)
    assert url.startswith("https://www.openstreetmap.org/?mlat=44.405650&mlon=8.946256")


@pytest.mark.parametrize("name", ["ar-a4", "it-ar-bilingual", "desk-ar-a4"])
def test_a_phone_number_inside_arabic_reads_left_to_right(printed, name):
    """Every line of Arabic that prints the phone number (rich text, contacts, key facts) shows its groups
    left to right, "+39 010 123 4567", not "4567 123 010 +39"."""
    assert runs_out_of_order(printed[name]["pdf"], [PHONE]) == []


@pytest.mark.parametrize("name", ["ar-a4", "it-ar-bilingual", "event-ar-a3"])
def test_numbers_dates_and_latin_names_inside_arabic_rich_text_read_left_to_right(printed, name):
    """A rich-text paragraph as an editor pastes it (no-break spaces in a mobile number and before €): each
    run reads left to right, and keeps its place in the right-to-left sentence (in "يوم 12/03/2025 مع
    InterAzioni" the name is printed left of the date). The Arabic leaflet, the bilingual leaflet and the
    poster; the A5 desk booklet in test_done_when."""
    pdf = printed[name]["pdf"]
    assert runs_out_of_order(pdf, LTR_RUNS) == []
    [line] = [line for line in arabic_lines(pdf) if "12/03/2025" in line]
    assert line.index("InterAzioni") < line.index("12/03/2025")


def test_the_bilingual_edition_has_both_languages_side_by_side(printed):
    pdf = printed["it-ar-bilingual"]["pdf"]
    text = pdf_text(pdf)
    assert TEXTS["it"]["title"] in text and "دورات مجانية" in text
    middle = float(pdf_info(pdf)["Page size"].split()[0]) / 2
    table = [word for word in pdf_words(pdf) if word.page == 1 and word.y_min > 190]
    italian = [word for word in table if word.text in {"Corsi", "gratuiti", "adulti"}]
    arabic = [word for word in table if any("\u0600" <= char <= "\u06ff" for char in word.text)]
    assert italian and arabic
    assert max(word.x_max for word in italian) < middle < min(word.x_min for word in arabic), (
        "Italian on the left, Arabic on the right"
    )
    assert "Progetto cofinanziato" in text and "مشروع بتمويل مشترك" in text  # funding line in both


def test_the_footer_dates_and_online_reminder(printed):
    text = pdf_text(printed["uk-a5"]["pdf"])
    assert "Інформація може змінюватися: перевірте онлайн-версію" in text
    assert "Надруковано" in text and "Останнє оновлення" in text
    assert printed["uk-a5"]["url"] in text.replace(" ", "")


def test_png_renders_for_people_to_look_at(printed, artifacts_dir):
    """test-artifacts/print/: the Arabic leaflet, the bilingual leaflet, the poster and the help-desk card."""
    made = []
    for name in ["ar-a4", "it-ar-bilingual", "event-ar-a3", "desk-ar-a4", "zh-hans-a4", "uk-a5"]:
        made += pdf_pages_png(printed[name]["pdf"], artifacts_dir / "print", name, dpi=80, last=2)
        (artifacts_dir / "print" / f"{name}.pdf").write_bytes(printed[name]["pdf"])
    assert all(path.stat().st_size > 10_000 for path in made)
