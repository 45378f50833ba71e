"""Previews of snippet translations from wagtail-localize's translation editor (it has them for pages only)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object

from newsletter.models import NewsletterIssue
from tests.factories import ServicePageFactory, ServicePointFactory

pytestmark = pytest.mark.django_db

SUBJECT_AR = "أخبار يونيو"


@pytest.fixture
def editor_client(client, locales):
    client.force_login(get_user_model().objects.create_superuser("editor", "editor@example.org", "pw"))
    return client


def translation_of(instance, language: str, strings: dict[str, str]) -> Translation:
    """Submitted for translation as "Translate" does (the target is created with the source's text, as a draft
    where the model has drafts), then some strings translated in the editor (saved as they are typed)."""
    locale = Locale.objects.get(language_code=language)
    with TestCase.captureOnCommitCallbacks(execute=True):
        translate_object(instance, [locale])
    source = TranslationSource.objects.get_for_instance(instance)
    for segment in source.stringsegment_set.select_related("string", "context"):
        if segment.string.data in strings:
            StringTranslation.objects.create(
                translation_of=segment.string, locale=locale, context=segment.context,
                data=strings[segment.string.data],
            )
    return Translation.objects.get(source=source, target_locale=locale)


def issue():
    issue = NewsletterIssue.objects.create(
        subject="Notizie di giugno", preheader="Il mese in breve", locale=Locale.get_default(),
        body=[("paragraph", "<p>I corsi ripartono a settembre.</p>")],
    )
    issue.save_revision().publish()
    return issue


@pytest.mark.parametrize("mode, content_type, expected", [
    ("html", "text/html", '<html lang="ar" dir="rtl"'),
    ("text", "text/plain", SUBJECT_AR),
])
def test_an_issue_translation_previews_what_the_translator_wrote_so_far(editor_client, mode, content_type, expected):
    translation = translation_of(issue(), "ar", {"Notizie di giugno": SUBJECT_AR})

    response = editor_client.get(reverse("snippet_translation_preview", args=[translation.pk, mode]))

    assert response.status_code == 200 and response["Content-Type"].startswith(content_type)
    content = response.content.decode()
    assert expected in content and SUBJECT_AR in content
    assert "settembre." in content  # not translated yet: the source's text, and marked so (issue 12, item 3)
    if mode == "html":
        collapsed = " ".join(content.split())  # the email's lines are broken where a break changes nothing
        assert re.search(r'<p dir="ltr" lang="it"[^>]*>I corsi ripartono a settembre\.</p>', collapsed)
    arabic = translation.get_target_instance()
    assert arabic.subject == "Notizie di giugno" and not arabic.live, "a preview saves nothing"


def test_the_translation_editor_links_to_each_preview_mode(editor_client):
    source = issue()
    translation = translation_of(source, "ar", {})
    arabic = source.get_translation(Locale.objects.get(language_code="ar"))

    response = editor_client.get(f"/admin/snippets/newsletter/newsletterissue/edit/{arabic.pk}/")

    content = response.content.decode()
    assert "js-translation-editor" in content  # wagtail-localize's editor, not the generic form
    for mode in ("html", "text"):
        assert reverse("snippet_translation_preview", args=[translation.pk, mode]) in content


def test_a_service_point_translation_previews_too(editor_client):
    point = ServicePointFactory(name="Sportello unico")
    translation = translation_of(point, "ar", {"Sportello unico": "الشباك الموحد"})

    response = editor_client.get(reverse("snippet_translation_preview", args=[translation.pk, "default"]))

    assert response.status_code == 404  # ServicePoint has one preview mode, "" (Wagtail's default)
    response = editor_client.get(reverse("snippet_translation_preview", args=[translation.pk]))
    assert response.status_code == 200 and "الشباك الموحد" in response.content.decode()


def test_only_those_who_may_edit_the_snippet_see_the_preview(client, locales):
    translation = translation_of(issue(), "ar", {})
    url = reverse("snippet_translation_preview", args=[translation.pk, "html"])
    user = get_user_model().objects.create_user("member", "member@example.org", "pw")
    user.groups.add(Group.objects.get_or_create(name="Editors")[0])
    client.force_login(user)

    assert client.get(url).status_code in (302, 403)


def test_pages_keep_wagtail_localize_s_own_preview(editor_client, service_index):
    source, _created = TranslationSource.get_or_create_from_instance(ServicePageFactory(parent=service_index))
    translation = Translation.objects.create(source=source, target_locale=Locale.objects.get(language_code="ar"))

    assert editor_client.get(reverse("snippet_translation_preview", args=[translation.pk, "html"])).status_code == 404
