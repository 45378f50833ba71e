"""An event's start and an infographic's date may be empty in a draft: Wagtail can only defer a required field
when saving a draft (autosave at the first keystroke) if the column allows NULL. The forms still require both to
publish, and the API declares them non-null (only published pages are served)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('content_models', '0004_servicepage_programme_action'),
    ]

    operations = [
        migrations.AlterField(
            model_name='eventpage',
            name='start',
            field=models.DateTimeField(null=True, verbose_name='starts'),
        ),
        migrations.AlterField(
            model_name='infographicpage',
            name='data_date',
            field=models.DateField(null=True, verbose_name='date of the data'),
        ),
    ]
