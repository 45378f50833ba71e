"""The outbox's model was renamed (Delivery -> SocialDelivery): rows and the permissions groups hold are kept."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.usefixtures("schema_latest_after")  # other apps' later migrations too

BEFORE = [("distribution", "0002_labels")]
AFTER = [("distribution", "0003_rename_delivery_socialdelivery")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_rows_and_granted_permissions_survive_the_rename():
    old = migrate(BEFORE)
    content_type = old.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="distribution", model="delivery")[0]
    permission = old.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type, codename="view_delivery", defaults={"name": "Can view delivery"})[0]
    group = old.get_model("auth", "Group").objects.create(name="Social media desk")
    group.permissions.add(permission)
    old.get_model("distribution", "Delivery").objects.create(page_title="Festa", channel="mastodon", text="Ciao")

    new = migrate(AFTER)

    assert new.get_model("distribution", "SocialDelivery").objects.get().page_title == "Festa"
    granted = new.get_model("auth", "Group").objects.get(name="Social media desk").permissions.get()
    assert granted.codename == "view_socialdelivery"
