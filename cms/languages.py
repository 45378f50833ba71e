"""The content languages and what every consumer needs to know about them (native name, text direction).

One small helper shared by the admin previews, the API and the newsletter. Names and directions come from
Django's own language table, so a language added to CONTENT_LANGUAGE_CODES needs no other change. Editors see a
language's name in their own admin language ("Arabo" in the Italian admin: Django's catalogues translate it);
readers see its native name ("العربية").
"""

import os
from dataclasses import dataclass

from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy

DEFAULT_LANGUAGE_CODE = "it"
# The programme's languages; cms/catalogues.py keeps a catalogue of the project's strings for each.
_DEFAULT_CODES = "it,en,fr,es,ar,sq,ro,zh-hans,uk"


@dataclass(frozen=True)
class ContentLanguage:
    code: str
    name: str  # for the admin: translated into the admin's language when shown
    native_name: str  # what readers of that language call it
    is_rtl: bool

    @property
    def direction(self) -> str:
        return "rtl" if self.is_rtl else "ltr"


def _language(code: str) -> ContentLanguage:
    info = LANG_INFO.get(code)
    if info is None:
        raise ValueError(f"Unknown content language code {code!r}: use a code from django.conf.locale.LANG_INFO")
    return ContentLanguage(
        code=code, name=gettext_lazy(info["name"]), native_name=info["name_local"], is_rtl=info["bidi"]
    )


# Read straight from the environment: this module is imported by settings, before django-environ is set up.
CONTENT_LANGUAGE_CODES = [
    code.strip() for code in os.environ.get("CONTENT_LANGUAGES", _DEFAULT_CODES).split(",") if code.strip()
]
if DEFAULT_LANGUAGE_CODE not in CONTENT_LANGUAGE_CODES:
    raise ValueError(f"CONTENT_LANGUAGES must include the source language {DEFAULT_LANGUAGE_CODE!r}")
CONTENT_LANGUAGES = [_language(code) for code in CONTENT_LANGUAGE_CODES]
_BY_CODE = {lang.code: lang for lang in CONTENT_LANGUAGES}


def get_content_language(code: str) -> ContentLanguage:
    """The content language for a locale code; unknown codes fall back to the default language."""
    return _BY_CODE.get(code) or _BY_CODE[DEFAULT_LANGUAGE_CODE]
