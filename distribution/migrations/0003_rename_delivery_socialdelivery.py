"""The outbox's model is SocialDelivery: `Delivery` was the newsletter's name too. Rows, table data and the
permissions already granted on it are kept (the table is renamed; the codenames follow the new model name)."""

from django.db import migrations

ACTIONS = ("add", "change", "delete", "view")


def permissions_rename(apps, schema_editor):
    # Django renames the content type (contenttypes' RenameContentType runs right after RenameModel) but not the
    # permission codenames: without this, a group given "view_delivery" would lose the outbox.
    permission_model = apps.get_model("auth", "Permission")
    permissions = permission_model.objects.using(schema_editor.connection.alias).filter(
        content_type__app_label="distribution"
    )
    for action in ACTIONS:
        if permissions.filter(codename=f"{action}_socialdelivery").exists():
            continue
        permissions.filter(codename=f"{action}_delivery").update(
            codename=f"{action}_socialdelivery", name=f"Can {action} social delivery"
        )


def permissions_rename_back(apps, schema_editor):
    permission_model = apps.get_model("auth", "Permission")
    permissions = permission_model.objects.using(schema_editor.connection.alias).filter(
        content_type__app_label="distribution"
    )
    for action in ACTIONS:
        permissions.filter(codename=f"{action}_socialdelivery").update(
            codename=f"{action}_delivery", name=f"Can {action} delivery"
        )


class Migration(migrations.Migration):

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("distribution", "0002_labels"),
    ]

    operations = [
        migrations.RenameModel(old_name="Delivery", new_name="SocialDelivery"),
        migrations.RunPython(permissions_rename, permissions_rename_back),
    ]
