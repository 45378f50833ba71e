"""ServicePage.action becomes programme_action: a form control named `action` shadowed the admin form's own
`action` property, and Wagtail's autosave posted to "[object HTMLSelectElement]" (content_models/checks.py).

The column is renamed in place (no data copied). Revisions and wagtail-localize's translation sources keep a
serialised copy of the page with field names as keys: those keys are renamed too, so drafts, revision comparisons
and translations made after this migration still carry the programme action.
"""

import json

from django.db import migrations

OLD, NEW = "action", "programme_action"


def _rename_key(content: dict, old: str, new: str) -> bool:
    if isinstance(content, dict) and old in content and new not in content:
        content[new] = content.pop(old)
        return True
    return False


def rename_serialised_key(apps, schema_editor, old=OLD, new=NEW):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="content_models", model="servicepage").first()
    if content_type is None:
        return  # a fresh database: nothing serialised yet
    revisions = Revision.objects.filter(content_type_id=content_type.pk).only("content")
    for revision in revisions.iterator(chunk_size=500):
        if _rename_key(revision.content, old, new):
            revision.save(update_fields=["content"])

    try:
        TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    except LookupError:
        return
    for source in TranslationSource.objects.filter(specific_content_type_id=content_type.pk).iterator():
        content = json.loads(source.content_json)
        if _rename_key(content, old, new):
            source.content_json = json.dumps(content)
            source.save(update_fields=["content_json"])


def rename_serialised_key_back(apps, schema_editor):
    rename_serialised_key(apps, schema_editor, old=NEW, new=OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("content_models", "0003_plural_names"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RenameField(model_name="servicepage", old_name=OLD, new_name=NEW),
        migrations.RunPython(rename_serialised_key, rename_serialised_key_back),
    ]
