"""Every page type can be created where it belongs, and nowhere else."""

import pytest
from wagtail.models import Page

from content_models.models import (
    AssociationIndexPage,
    AssociationPage,
    EventIndexPage,
    EventPage,
    HomePage,
    InfographicIndexPage,
    InfographicPage,
    NewsIndexPage,
    NewsPage,
    ServiceIndexPage,
    ServicePage,
)
from tests.factories import (
    AssociationPageFactory,
    EventPageFactory,
    InfographicPageFactory,
    NewsPageFactory,
    ServicePageFactory,
)

ALL_TYPES = [
    HomePage,
    ServiceIndexPage,
    EventIndexPage,
    NewsIndexPage,
    InfographicIndexPage,
    AssociationIndexPage,
    ServicePage,
    EventPage,
    NewsPage,
    InfographicPage,
    AssociationPage,
]

# The only parents each page type accepts.
ALLOWED_PARENTS = {
    HomePage: {Page},
    ServiceIndexPage: {HomePage},
    EventIndexPage: {HomePage},
    NewsIndexPage: {HomePage},
    InfographicIndexPage: {HomePage},
    AssociationIndexPage: {HomePage},
    ServicePage: {ServiceIndexPage},
    EventPage: {EventIndexPage, AssociationPage},
    NewsPage: {NewsIndexPage},
    InfographicPage: {InfographicIndexPage},
    AssociationPage: {AssociationIndexPage},
}


@pytest.mark.parametrize("child", ALL_TYPES, ids=lambda model: model.__name__)
@pytest.mark.parametrize("parent", [Page, *ALL_TYPES], ids=lambda model: model.__name__)
def test_parent_child_rules(parent, child):
    expected = parent in ALLOWED_PARENTS[child]
    assert (child in parent.allowed_subpage_models()) is expected
    assert (parent in child.allowed_parent_page_models()) is expected


def test_sections_are_singletons_under_home(sections, home):
    for model in sections:
        assert not model.can_create_at(home), f"a second {model.__name__} must not be allowed"


@pytest.mark.django_db
def test_each_content_type_is_created_and_published_under_its_section(sections):
    service = ServicePageFactory(parent=sections[ServiceIndexPage], title="Corsi di italiano", slug="corsi-di-italiano")
    event = EventPageFactory(parent=sections[EventIndexPage])
    news = NewsPageFactory(parent=sections[NewsIndexPage])
    infographic = InfographicPageFactory(parent=sections[InfographicIndexPage])
    association = AssociationPageFactory(parent=sections[AssociationIndexPage])
    association_event = EventPageFactory(parent=association)

    for page in (service, event, news, infographic, association, association_event):
        page.refresh_from_db()
        assert page.live and not page.has_unpublished_changes
    assert association_event.organizer_id == association.pk
    assert service.portal_path == "/servizi/corsi-di-italiano/"
    assert service.full_url == "http://localhost:3000/it/servizi/corsi-di-italiano/"
    assert service.url == service.full_url
