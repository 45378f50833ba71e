"""The "Newsletter editors" group exists after migrate, and its members can compose and send, nothing more."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from newsletter.permissions import NEWSLETTER_EDITORS_GROUP_NAME, newsletter_editors_group_ensure

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsletter_editor(client):
    user = get_user_model().objects.create_user("redazione", "redazione@example.org", "pw-redazione-1")
    user.groups.add(Group.objects.get(name=NEWSLETTER_EDITORS_GROUP_NAME))
    client.force_login(user)
    return user


def test_migrate_leaves_the_group_with_the_newsletter_permissions():
    group = Group.objects.get(name=NEWSLETTER_EDITORS_GROUP_NAME)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"access_admin", "submit_translation", "add_newsletterissue", "change_newsletterissue",
            "publish_newsletterissue", "send_newsletterissue", "view_subscriber", "change_subscriber"} <= codenames
    assert not any(codename.endswith("_page") for codename in codenames)
    assert set(group.collection_permissions.values_list("permission__codename", flat=True)) == {
        "choose_image", "choose_document"
    }


def test_ensuring_again_changes_nothing_and_keeps_what_the_office_added():
    group = Group.objects.get(name=NEWSLETTER_EDITORS_GROUP_NAME)
    group.permissions.add(Permission.objects.get(codename="view_user", content_type__app_label="auth"))
    before = set(group.permissions.values_list("pk", flat=True))

    newsletter_editors_group_ensure()

    assert set(group.permissions.values_list("pk", flat=True)) == before
    assert group.collection_permissions.count() == 2


def test_a_member_can_open_the_admin_and_add_an_issue(client, newsletter_editor, locales):
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    response = client.get(reverse("wagtailsnippets_newsletter_newsletterissue:add"))
    assert response.status_code == 200


def test_a_member_cannot_edit_pages(client, newsletter_editor, home):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[home.pk]))
    assert response.status_code in (302, 403)
