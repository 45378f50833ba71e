"""The admin speaks the editor's language wherever the project wrote it: the menu, page type names, field labels
and help texts, panel headings, block names, language names, member dashboard panels.

Every screen below is read for text a person sees (text nodes, the sidebar's menu, the StreamField block
definitions); none of it may be a project msgid whose translation in the admin language is different.
"""

import json
import re
from html.parser import HTMLParser

import polib
import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.users.models import UserProfile

from associations.models import Membership
from associations.moderation import moderation_setup_ensure
from cms import catalogues
from content_models.models import AssociationIndexPage, ServiceIndexPage
from tests.factories import ServicePageFactory, ServicePointFactory, TopicFactory
from tests.factories.associations import association_with_page_create, member_create, regional_editor_create

pytestmark = pytest.mark.django_db


def english_msgids(language: str) -> set[str]:
    """The project's msgids that read differently in the language: seeing one on screen means untranslated."""
    found = set()
    for po_path in catalogues.catalogues([language]):
        for entry in polib.pofile(str(po_path)):
            if entry.msgid_plural or "%" in entry.msgid or "{" in entry.msgid:
                continue  # shown only with its values filled in
            if not entry.translated() or entry.msgstr.casefold() != entry.msgid.casefold():
                found.add(entry.msgid.casefold())
    return found


class ScreenText(HTMLParser):
    """What a person reads on an admin screen: text nodes, and the labels inside the JSON that draws the menu
    and the StreamField blocks."""

    JSON_KEYS = {"label", "description", "helpText", "help_text", "groupName"}

    def __init__(self):
        super().__init__()
        self.texts, self._skip, self._json_script = [], 0, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"script", "style"}:
            self._skip += 1
            self._json_script = attrs.get("type") == "application/json"
        for name, value in attrs.items():
            if name in {"title", "placeholder", "aria-label", "alt"} and value:
                self.texts.append(value)
            elif name.startswith("data-w-block") and value and value.startswith("{"):
                self._walk(json.loads(value))

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            self._skip -= 1
            self._json_script = False

    def handle_data(self, data):
        if self._json_script and data.strip().startswith("{"):
            self._walk(json.loads(data))
        elif not self._skip and data.strip():
            self.texts.append(data)

    def _walk(self, value, key=None):
        if isinstance(value, dict):
            for child_key, child in value.items():
                self._walk(child, child_key)
        elif isinstance(value, list):
            for child in value:
                self._walk(child, key)
        elif isinstance(value, str) and (key in self.JSON_KEYS or key is None) and value.strip():
            self.texts.append(value)


def screen_texts(html: str) -> list[str]:
    parser = ScreenText()
    parser.feed(html)
    return [re.sub(r"\s+", " ", text).strip() for text in parser.texts]


# Text Wagtail itself writes untranslated, which a project msgid happens to match: the slim header's
# `<nav aria-label="Actions">` (wagtailadmin/shared/headers/_actions.html) against the print page's column heading.
WAGTAIL_UNTRANSLATED = {"actions"}


def untranslated(html: str, language: str) -> set[str]:
    english = english_msgids(language) - WAGTAIL_UNTRANSLATED
    return {text for text in screen_texts(html) if text.casefold() in english}


def login(client, user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return client


@pytest.fixture
def editor(sections, home):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")


def get(client, url) -> str:
    response = client.get(url, follow=True)
    assert response.status_code == 200, url
    return response.content.decode()


EXPECTED = {
    # Menu items, page type names and a service page's labels, as the Region's editors read them.
    "it": ["Associazioni", "Distribuzione", "Numeri della newsletter", "Iscritti alla newsletter", "Coda di invio",
           "Pagina servizio", "Sezione eventi", "Come accedere", "A chi si rivolge", "Azione del programma",
           "Passaggi (come fare)", "Domande frequenti", "Anteprima sul portale", "Arabo", "Sportello"],
    "ar": ["الجمعيات", "التوزيع", "أعداد النشرة الإخبارية", "صفحة خدمة", "كيفية الوصول", "لمن هذه الخدمة",
           "إجراء البرنامج", "الخطوات (كيف تفعل)", "أسئلة شائعة", "معاينة على البوابة", "العربيّة"],
}


@pytest.mark.parametrize("language", ["it", "ar"])
def test_editor_screens_speak_the_admin_language(client, editor, home, sections, language):
    client = login(client, editor, language)
    service_section = sections[ServiceIndexPage]
    page = ServicePageFactory(parent=service_section)
    point = ServicePointFactory()
    TopicFactory()
    screens = {
        "dashboard": reverse("wagtailadmin_home"),
        "page types": reverse("wagtailadmin_reports:page_types_usage"),
        "new service page": reverse("wagtailadmin_pages:add", args=["content_models", "servicepage", service_section.pk]),
        "edit service page": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "service point": reverse("wagtailsnippets_content_models_servicepoint:edit", args=[point.pk]),
        "topics": reverse("wagtailsnippets_content_models_topic:list"),
        "new newsletter issue": reverse("wagtailsnippets_newsletter_newsletterissue:add"),
        "subscribers": reverse("newsletter_subscribers:index"),
        "account requests": reverse("associations_requests:index"),
        "outbox": reverse("distribution_outbox:index"),
        "locales": reverse("wagtaillocales:index"),
    }
    seen = []
    for name, url in screens.items():
        html = get(client, url)
        assert not untranslated(html, language), (name, untranslated(html, language))
        seen += screen_texts(html)
    text = " ".join(seen).casefold()
    for expected in EXPECTED[language]:
        assert expected.casefold() in text, expected


@pytest.mark.parametrize("language", ["it", "ar"])
def test_member_dashboard_speaks_the_admin_language(client, sections, language, django_capture_on_commit_callbacks):
    moderation_setup_ensure()
    editor = regional_editor_create()
    with django_capture_on_commit_callbacks(execute=True):
        association = association_with_page_create(
            name="Associazione Alfa", section=sections[AssociationIndexPage], editor=editor
        )
        member = member_create(association=association, email="admin@alfa.org", inviter=editor,
                               role=Membership.Role.ADMIN)
    client = login(client, member, language)
    for url in (reverse("wagtailadmin_home"), reverse("associations_mine")):
        html = get(client, url)
        assert not untranslated(html, language), (url, untranslated(html, language))
    dashboard = get(client, reverse("wagtailadmin_home"))
    expected = {"it": ["Il Suo profilo", "I Suoi eventi", "La mia associazione"],
                "ar": ["ملفك التعريفي", "فعالياتك", "جمعيتي"]}[language]
    for text in expected:
        assert text in " ".join(screen_texts(dashboard)), text
