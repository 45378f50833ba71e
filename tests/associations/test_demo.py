"""The demo accounts `make run` prints."""

import pytest

from associations.demo import DEMO_PASSWORD, demo_members_ensure
from associations.models import Association
from content_models.models import AssociationIndexPage
from tests.factories import AssociationPageFactory
from tests.auth import admin_login


@pytest.fixture
def seeded(sections):
    for title in ["Zeta", "Alfa", "Epsilon", "Beta", "Delta", "Gamma"]:
        AssociationPageFactory(parent=sections[AssociationIndexPage], title=f"Associazione {title}")


def test_demo_members_for_the_first_two_associations_by_title(seeded, client):
    first = demo_members_ensure()
    assert [item["association"] for item in first] == ["Associazione Alfa", "Associazione Beta"]
    assert demo_members_ensure() == first  # idempotent
    assert Association.objects.count() == 2
    for item in first:
        assert item["password"] == DEMO_PASSWORD
        assert admin_login(client, item["username"], item["password"])
        assert client.get(f"/admin/pages/{item['page_id']}/edit/").status_code == 200
    other = first[1]["page_id"]
    admin_login(client, first[0]["username"], DEMO_PASSWORD)
    assert client.get(f"/admin/pages/{other}/edit/").status_code == 302
