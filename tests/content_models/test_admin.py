"""The admin opens every page type and snippet for editing, in Italian and in Arabic."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale

from content_models.models import (
    AssociationIndexPage,
    EventIndexPage,
    InfographicIndexPage,
    NewsIndexPage,
    ServiceIndexPage,
)
from tests.factories import (
    AssociationPageFactory,
    EventPageFactory,
    InfographicPageFactory,
    NewsPageFactory,
    ServicePageFactory,
    ServicePointFactory,
    TopicFactory,
)


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def pages(sections, home):
    association = AssociationPageFactory(parent=sections[AssociationIndexPage])
    return [
        home,
        *sections.values(),
        ServicePageFactory(parent=sections[ServiceIndexPage]),
        EventPageFactory(parent=sections[EventIndexPage]),
        EventPageFactory(parent=association),
        NewsPageFactory(parent=sections[NewsIndexPage]),
        InfographicPageFactory(parent=sections[InfographicIndexPage]),
        association,
    ]


@pytest.mark.django_db
def test_every_page_type_opens_for_editing_in_italian_and_arabic(admin_client, pages, django_capture_on_commit_callbacks):
    arabic = Locale.objects.get(language_code="ar")
    for page in pages:
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, page
        assert b"content_models/admin/text-direction.js" in response.content

    with django_capture_on_commit_callbacks(execute=True):
        # In tree order, so that each parent is translated before its children.
        ordered = sorted(pages[1:], key=lambda page: page.path)
        translations = [page.copy_for_translation(arabic, copy_parents=True) for page in ordered]
    for translation in translations:
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[translation.pk]))
        assert response.status_code == 200, translation


@pytest.mark.django_db
def test_every_page_type_has_a_create_form_under_its_parent(admin_client, pages):
    home, *_ = pages
    association = pages[-1]
    parents = {
        "servicepage": ServiceIndexPage,
        "eventpage": EventIndexPage,
        "newspage": NewsIndexPage,
        "infographicpage": InfographicIndexPage,
        "associationpage": AssociationIndexPage,
    }
    for model_name, parent_model in parents.items():
        parent = parent_model.objects.child_of(home).get()
        url = reverse("wagtailadmin_pages:add", args=["content_models", model_name, parent.pk])
        assert admin_client.get(url).status_code == 200, model_name
    url = reverse("wagtailadmin_pages:add", args=["content_models", "eventpage", association.pk])
    assert admin_client.get(url).status_code == 200
    # and nowhere else: Wagtail turns a service page under the news section away
    news = NewsIndexPage.objects.child_of(home).get()
    response = admin_client.get(reverse("wagtailadmin_pages:add", args=["content_models", "servicepage", news.pk]))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


@pytest.mark.django_db
@pytest.mark.parametrize("factory", [TopicFactory, ServicePointFactory], ids=["topic", "servicepoint"])
def test_snippets_open_for_editing_in_every_locale(admin_client, locales, factory):
    for code in ("it", "ar"):
        snippet = factory(locale=locales[code])
        meta = snippet._meta
        url = reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[snippet.pk])
        assert admin_client.get(url).status_code == 200
        listing = reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:list")
        assert admin_client.get(listing, {"locale": code}).status_code == 200
