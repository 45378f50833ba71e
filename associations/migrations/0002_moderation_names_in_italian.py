"""The moderation workflow and its task take Italian names (associations/moderation.py says why).

Only rows still carrying the earlier English names are renamed: a name an editor has changed is kept.
"""

from django.db import migrations

RENAMES = {
    "Workflow": ("Association changes", "Moderazione delle associazioni"),
    "Task": ("Review by the regional editors", "Revisione dei redattori regionali"),
}


def rename(apps, schema_editor, *, forwards=True):
    for model_name, (english, italian) in RENAMES.items():
        old, new = (english, italian) if forwards else (italian, english)
        apps.get_model("wagtailcore", model_name).objects.filter(name=old).update(name=new)


class Migration(migrations.Migration):
    dependencies = [
        ("associations", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(rename, lambda apps, schema_editor: rename(apps, schema_editor, forwards=False)),
    ]
