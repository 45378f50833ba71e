"""What editors see in the forms (issue 12, item 7): checkboxes for topics and service points, the required
programme action on the first tab, an association's event with its organiser from the start, and the language
copies that lag behind the Italian."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import TestCase
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from content_models.models import (
    AssociationIndexPage,
    AssociationPage,
    EventIndexPage,
    EventPage,
    InfographicPage,
    NewsPage,
    ServiceIndexPage,
    ServicePage,
)
from newsletter.models import NewsletterIssue
from tests.factories import AssociationPageFactory, ServicePageFactory, ServicePointFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, locales):
    client.force_login(get_user_model().objects.create_superuser("editor", "editor@example.org", "pw"))
    return client


def tab_panels(html: str) -> list[str]:
    """The HTML of each tab panel of Wagtail's tabbed form, in order (content, details, promote, settings)."""
    return html.split('role="tabpanel"')[1:]


def test_topics_and_service_points_are_checkboxes(editor_client, sections):
    TopicFactory(name="Salute", slug="salute")
    ServicePointFactory(name="Sportello unico")

    html = editor_client.get(f"/admin/pages/add/content_models/servicepage/{sections[ServiceIndexPage].pk}/")
    html = html.content.decode()

    assert re.search(r'<input type="checkbox" name="topics" value="\d+"', html)
    assert re.search(r'<input type="checkbox" name="service_points" value="\d+"', html)
    assert '<select name="topics"' not in html and '<select name="service_points"' not in html


def test_the_required_programme_action_is_on_the_first_tab(editor_client, sections):
    html = editor_client.get(f"/admin/pages/add/content_models/servicepage/{sections[ServiceIndexPage].pk}/")
    html = html.content.decode()

    content, details, *_others = tab_panels(html)
    assert 'name="programme_action"' in content
    assert 'name="programme_action"' not in details


def organiser_value(html: str) -> str:
    field = re.search(r'<input type="hidden" name="organizer"[^>]*>', html).group(0)
    value = re.search(r'value="([^"]*)"', field)
    return value.group(1) if value else ""


def test_a_new_event_of_an_association_has_its_organiser_before_it_is_saved(editor_client, sections):
    profile = AssociationPageFactory(parent=sections[AssociationIndexPage])

    under_profile = editor_client.get(f"/admin/pages/add/content_models/eventpage/{profile.pk}/").content.decode()
    under_region = editor_client.get(
        f"/admin/pages/add/content_models/eventpage/{sections[EventIndexPage].pk}/"
    ).content.decode()

    assert organiser_value(under_profile) == str(profile.pk)
    assert organiser_value(under_region) == ""


def test_the_editor_says_which_language_copies_lag_behind_the_italian(editor_client, sections, translate):
    service = ServicePageFactory(parent=sections[ServiceIndexPage], title="Corsi", summary="Corsi gratuiti.")
    TranslationSource.get_or_create_from_instance(service)  # as "Translate this page" leaves it
    arabic = translate(service, "ar", title="دورات")
    edit_url = f"/admin/pages/{service.pk}/edit/"
    assert "data-translation-status" not in editor_client.get(edit_url).content.decode()

    service.summary = "Corsi gratuiti, anche online."
    service.save_revision()  # an Italian change, even a draft

    html = editor_client.get(edit_url).content.decode()
    assert "data-translation-status" in html
    notice = html[html.index("data-translation-status"):]
    notice = notice[:notice.index("</div>")]
    assert f'href="/admin/pages/{arabic.pk}/edit/"' in notice
    assert "/admin/localize/update/" in notice  # "Sync translated pages"
    assert "data-translation-status" not in editor_client.get(f"/admin/pages/{arabic.pk}/edit/").content.decode()

    arabic.title = "دورات مجانية"
    arabic.save_revision().publish()  # the translator catches up
    assert "data-translation-status" not in editor_client.get(edit_url).content.decode()


def test_the_issue_list_shows_the_editions_behind(editor_client, django_capture_on_commit_callbacks):
    issue = NewsletterIssue.objects.create(
        subject="Notizie", locale=Locale.get_default(), body=[("paragraph", "<p>Testo.</p>")]
    )
    issue.save_revision().publish()
    arabic = issue.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.save()
    arabic.save_revision().publish()
    issue.subject = "Notizie di giugno"
    with TestCase.captureOnCommitCallbacks(execute=True):
        issue.save_revision()

    html = editor_client.get("/admin/snippets/newsletter/newsletterissue/").content.decode()

    assert re.search(r'<span class="w-status w-status--label" title="[^"]*">ar</span>', html)


@pytest.mark.parametrize("model", [ServicePage, EventPage, NewsPage, InfographicPage, AssociationPage])
def test_every_page_type_saves_a_draft_from_its_title_alone(admin_user, sections, model):
    """What autosave sends at the first keystroke of a new page: the title (and what the form starts with)."""
    parent = next(section for section in sections.values() if model in section.specific_class.allowed_subpage_models())
    form_class = model.get_edit_handler().get_form_class()
    initial = form_class(instance=model(), parent_page=parent, for_user=admin_user)
    data = {  # what the browser sends for fields that start with a value (dates of today, booleans)
        name: initial[name].value() for name in initial.fields
        if initial[name].value() not in (None, "", [], False) and name != "comment_notifications"
    }
    data.update(nested_form_data({"title": "Prova", "slug": "prova", "comments": inline_formset([])}))
    for stream in ("body", "how_to_access", "key_figures", "social_links"):
        data[f"{stream}-count"] = "0"

    draft = form_class(data, instance=model(), parent_page=parent, for_user=admin_user)
    draft.defer_required_fields()
    assert draft.is_valid(), draft.errors
    complete = form_class(data, instance=model(), parent_page=parent, for_user=admin_user)
    assert not complete.is_valid(), "publishing still needs every required field"
