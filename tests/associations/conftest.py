"""Two associations (A and B), each with a published profile, an event and members, and a regional editor."""

from dataclasses import dataclass

import pytest
from django.core.cache import cache

from associations.models import Association, Membership
from associations.moderation import moderation_setup_ensure
from content_models.models import AssociationIndexPage, EventIndexPage, ServiceIndexPage
from tests.factories import EventPageFactory, ServicePageFactory
from tests.factories.associations import association_with_page_create, member_create, regional_editor_create

from .secrets import secrets_create


@dataclass
class World:
    editor: object
    a: Association
    b: Association
    admin_a: object
    member_a: object
    admin_b: object
    service_page: object
    region_event: object

    @property
    def page_a(self):
        return self.a.page.specific

    @property
    def page_b(self):
        return self.b.page.specific

    @property
    def event_a(self):
        return self.page_a.get_children().specific().first()

    @property
    def event_b(self):
        return self.page_b.get_children().specific().first()


@pytest.fixture
def editor(db):
    return regional_editor_create()


@pytest.fixture
def world(sections, editor, django_capture_on_commit_callbacks):
    moderation_setup_ensure()
    section = sections[AssociationIndexPage]
    with django_capture_on_commit_callbacks(execute=True):
        a = association_with_page_create(name="Associazione Alfa", section=section, editor=editor)
        b = association_with_page_create(name="Associazione Beta", section=section, editor=editor)
        admin_a = member_create(
            association=a, email="admin@alfa.org", inviter=editor, role=Membership.Role.ADMIN
        )
        member_a = member_create(association=a, email="socio@alfa.org", inviter=admin_a)
        admin_b = member_create(
            association=b, email="admin@beta.org", inviter=editor, role=Membership.Role.ADMIN
        )
    return World(
        editor=editor,
        a=a,
        b=b,
        admin_a=admin_a,
        member_a=member_a,
        admin_b=admin_b,
        service_page=ServicePageFactory(parent=sections[ServiceIndexPage]),
        region_event=EventPageFactory(parent=sections[EventIndexPage]),
    )


@pytest.fixture
def secrets(world, sections, locales, django_capture_on_commit_callbacks):
    """B's unpublished work and the Region's unpublished content, each carrying the word SEGRETO (secrets.py)."""
    cache.clear()  # Wagtail keeps renditions by image id in the cache, and ids come back after each rollback
    with django_capture_on_commit_callbacks(execute=True):
        return secrets_create(world, sections, locales)
