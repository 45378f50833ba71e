"""wagtail-localize's translation editor, in the editor's language.

wagtail-localize 1.14 writes the date in "Translated manually on {date}" with `strftime("%-d %B %Y")`, which
names the month in English whatever the admin language ("Tradotto manualmente il 4 December 2026"). The comment
keeps its own wording; only the date is swapped for Django's localised one (`DATE_FORMAT` of the active
language: "4 dicembre 2026", "4 ديسمبر، 2026").
"""

from django.utils import timezone
from django.utils.formats import date_format
from wagtail_localize import compat, models


def _localised_comment(get_comment):
    def get_comment_localised(self):
        comment = get_comment(self)
        if not comment or self.updated_at is None:
            return comment
        english = self.updated_at.strftime(compat.DATE_FORMAT)
        return comment.replace(english, date_format(timezone.localtime(self.updated_at), "DATE_FORMAT"))

    get_comment_localised.localised = True
    return get_comment_localised


def translation_editor_dates_localise() -> None:
    """Called once from the app's ready(); idempotent."""
    if not getattr(models.StringTranslation.get_comment, "localised", False):
        models.StringTranslation.get_comment = _localised_comment(models.StringTranslation.get_comment)
