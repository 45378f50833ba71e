"""The content generation moves from graphql_api to content_models (the content kernel): its row is kept.

On a database where graphql_api's migration made the table, it is renamed, row and all; on a new database (where
this may run before or after graphql_api's first migration) the table is made here with its one row, and
graphql_api's 0003 drops the table its 0001 made, if any.
"""

from django.db import migrations, models
from django.db.models import Min, Q
from django.utils import timezone

OLD_TABLE = "graphql_api_contentgeneration"


def _next_transition(apps, now):
    times = apps.get_model("wagtailcore", "Page").objects.filter(live=True).aggregate(
        go_live=Min("go_live_at", filter=Q(go_live_at__gt=now)),
        expiry=Min("expire_at", filter=Q(expire_at__gt=now)),
    )
    return min((time for time in times.values() if time is not None), default=None)


def move_or_create(apps, schema_editor):
    model = apps.get_model("content_models", "ContentGeneration")
    if OLD_TABLE in schema_editor.connection.introspection.table_names():
        schema_editor.alter_db_table(model, OLD_TABLE, model._meta.db_table)
        return
    schema_editor.create_model(model)
    now = timezone.now()
    model.objects.using(schema_editor.connection.alias).update_or_create(
        pk=1, defaults={"next_transition_at": _next_transition(apps, now), "computed_at": now}
    )


def move_back(apps, schema_editor):
    model = apps.get_model("content_models", "ContentGeneration")
    schema_editor.alter_db_table(model, model._meta.db_table, OLD_TABLE)


class Migration(migrations.Migration):

    dependencies = [
        ("content_models", "0005_drafts_before_dates"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ContentGeneration",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                                   verbose_name="ID")),
                        ("value", models.BigIntegerField(default=0, verbose_name="value")),
                        ("next_transition_at", models.DateTimeField(blank=True, null=True,
                                                                    verbose_name="next transition")),
                        ("computed_at", models.DateTimeField(blank=True, null=True, verbose_name="computed at")),
                    ],
                    options={"verbose_name": "content generation", "verbose_name_plural": "content generations"},
                ),
            ],
        ),
        migrations.RunPython(move_or_create, move_back),
    ]
