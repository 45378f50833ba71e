"""The content generation now belongs to content_models (its 0004 renamed the table, row and all)."""

from django.db import migrations


def drop_leftover_table(apps, schema_editor):
    """On a new database content_models may have made its own table first: this app's 0001 then made one more."""
    model = apps.get_model("graphql_api", "ContentGeneration")
    if model._meta.db_table in schema_editor.connection.introspection.table_names():
        schema_editor.delete_model(model)


class Migration(migrations.Migration):

    dependencies = [
        ("graphql_api", "0002_labels"),
        ("content_models", "0006_content_generation"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ContentGeneration")],
            database_operations=[migrations.RunPython(drop_leftover_table, migrations.RunPython.noop)],
        ),
    ]
