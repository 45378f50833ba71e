"""wagtail-localize's translation editor dates its comments in the editor's language, not in English."""

import datetime

import pytest
from django.utils import timezone, translation
from wagtail_localize.models import StringTranslation

WHEN = datetime.datetime(2026, 12, 4, 10, 30, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("it", "Tradotto manualmente il 04 dicembre 2026"), ("fr", "4 décembre 2026"), ("ar", "ديسمبر"),
     ("en", "Translated manually on Dec. 4, 2026")],
)
def test_manual_translation_comment_is_dated_in_the_admin_language(language, expected):
    string = StringTranslation(translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL, updated_at=WHEN)
    with translation.override(language):
        comment = string.get_comment()
    # Django's Italian catalogue capitalises month names ("04 Dicembre 2026", its it/formats.py says so).
    assert expected.casefold() in comment.casefold() and "December" not in comment


def test_machine_translation_comment_keeps_the_tool_name():
    string = StringTranslation(tool_name="DeepL", updated_at=timezone.localtime(WHEN))
    with translation.override("it"):
        assert string.get_comment().casefold() == "tradotto con deepl il 04 dicembre 2026"
