"""Right-to-left in the admin (issue 12, item 5), measured where the eye sees it: a saved Arabic translation reads
right to left in the Italian admin, an Italian source sentence keeps its full stop on the right in the Arabic admin,
and no main menu label is cut."""

import pytest
from django.contrib.auth import get_user_model
from django.test import TestCase
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, TranslationSource
from wagtail_localize.operations import translate_object

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INTRO_IT = "InterAzioni è il programma di Regione Liguria che aiuta le cittadine e i cittadini stranieri a conoscere e " \
           "usare i servizi pubblici: corsi di italiano, mediazione culturale, sportelli unici e servizi sociali."
INTRO_AR = "InterAzioni هو برنامج إقليم ليغوريا الذي يساعد المواطنات والمواطنين الأجانب على معرفة الخدمات العامة " \
           "واستخدامها."

# The box of a piece of text inside the element holding `within`, found through its text node.
TEXT_BOX_JS = """([within, piece]) => {
  const element = [...document.querySelectorAll('.js-translation-editor li p')]
    .find(candidate => candidate.textContent.includes(within));
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.nodeValue.indexOf(piece);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + piece.length);
    const box = range.getBoundingClientRect();
    return {left: box.left, right: box.right, top: box.top};
  }
  return null;
}"""


@pytest.fixture
def arabic_home(home, migrations_data):
    """The Arabic home as "Translate this page" leaves it, with its introduction translated and saved."""
    home.intro = INTRO_IT
    home.save_revision().publish()
    arabic = Locale.objects.get(language_code="ar")
    with TestCase.captureOnCommitCallbacks(execute=True):
        translate_object(home, [arabic])
    source = TranslationSource.objects.get_for_instance(home)
    segment = source.stringsegment_set.get(string__data=INTRO_IT)
    StringTranslation.objects.create(
        translation_of=segment.string, locale=arabic, context=segment.context, data=INTRO_AR
    )
    return home.get_translation(arabic)


@pytest.fixture
def superuser(migrations_data):
    return get_user_model().objects.create_superuser("caporedattrice", "capo@example.org", "not-used")


def box(page, within: str, piece: str) -> dict:
    found = page.evaluate(TEXT_BOX_JS, [within, piece])
    assert found, f"{piece!r} not shown"
    return found


def open_translation_editor(page, arabic_home):
    page.goto(f"/admin/pages/{arabic_home.pk}/edit/")
    segment = page.locator(".js-translation-editor li").filter(has_text=INTRO_AR).last
    segment.scroll_into_view_if_needed()
    return segment


def test_a_saved_arabic_translation_reads_right_to_left_in_the_italian_admin(arabic_home, superuser, signed_in, screen):
    page = signed_in(superuser, "it")
    segment = open_translation_editor(page, arabic_home)
    screen.element(segment, "translation-editor-segment-it")

    # Right to left, "InterAzioni" starts the sentence: on the right of the Arabic word that follows it.
    latin, following = box(page, "برنامج", "InterAzioni"), box(page, "برنامج", "هو")
    assert latin["top"] == following["top"] and latin["left"] > following["right"] - 1
    screen(page, "translation editor in the italian admin")


def test_an_italian_source_keeps_its_full_stop_on_the_right_in_the_arabic_admin(
    arabic_home, superuser, signed_in, screen
):
    page = signed_in(superuser, "ar")
    segment = open_translation_editor(page, arabic_home)
    screen.element(segment, "translation-editor-segment-ar")

    last_word, full_stop = box(page, "è il programma", "sociali"), box(page, "è il programma", "sociali.")
    assert full_stop["left"] == last_word["left"], "the full stop follows its sentence, on the right"
    first_word = box(page, "è il programma", "InterAzioni è")
    assert first_word["left"] < box(page, "è il programma", "programma")["left"], "left to right"


def test_no_main_menu_label_is_cut_in_the_arabic_admin(superuser, signed_in, screen):
    page = signed_in(superuser, "ar")
    page.goto("/admin/")
    menu = page.locator(".sidebar-main-menu")
    screen.element(menu, "main-menu-ar")
    cut = page.evaluate("""() => [...document.querySelectorAll('.sidebar-main-menu .menuitem-label')]
        .filter(label => label.scrollWidth > label.clientWidth + 1).map(label => label.textContent.trim())""")
    assert cut == []
    screen(page, "dashboard in the arabic admin")
