from django.db import migrations, models
from django.db.models import Min, Q
from django.utils import timezone


def create_the_row(apps, schema_editor):
    """The one row every process reads (readers and writers also cope with it missing, after a database flush).

    Its next transition is computed here as graphql_api.caching.generation does, so the first request needs none.
    """
    now = timezone.now()
    times = apps.get_model("wagtailcore", "Page").objects.filter(live=True).aggregate(
        go_live=Min("go_live_at", filter=Q(go_live_at__gt=now)),
        expiry=Min("expire_at", filter=Q(expire_at__gt=now)),
    )
    apps.get_model("graphql_api", "ContentGeneration").objects.update_or_create(
        pk=1,
        defaults={
            "next_transition_at": min((time for time in times.values() if time is not None), default=None),
            "computed_at": now,
        },
    )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name='ContentGeneration',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('value', models.BigIntegerField(default=0)),
                ('next_transition_at', models.DateTimeField(blank=True, null=True)),
                ('computed_at', models.DateTimeField(blank=True, null=True)),
            ],
            options={
                'verbose_name': 'content generation',
            },
        ),
        migrations.RunPython(create_the_row, migrations.RunPython.noop),
    ]
