"""The printed formats, which content gets which, and the errors for a format or language nobody offers.

A format is a paper size and a layout. Every subject gets the A4 and A5 leaflets; events and infographics also
get the A3 poster; every translation gets the A4 bilingual leaflet (Italian beside the reader's language).
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import pgettext_lazy

from cms.languages import CONTENT_LANGUAGE_CODES


class PrintFormat(models.TextChoices):
    A4 = "a4", pgettext_lazy("print", "A4 leaflet")
    A5 = "a5", pgettext_lazy("print", "A5 leaflet")
    A3 = "a3", pgettext_lazy("print", "A3 poster")


@dataclass(frozen=True)
class Edition:
    """One edition a subject may have: a format in a language, alone or beside Italian."""

    language: str
    format: str
    bilingual: bool = False

    @property
    def key(self) -> str:
        """`ar-a4` or `ar-a4-bilingual`: file names and admin URLs."""
        return f"{self.language}-{self.format}" + ("-bilingual" if self.bilingual else "")


# Poster: the key facts large, for a notice board. Only events and infographics have facts that work on a wall.
POSTER_MODELS = {"content_models.eventpage", "content_models.infographicpage"}


class UnknownLanguageError(ValueError):
    code = "UNKNOWN_LANGUAGE"

    def __init__(self, language: str):
        super().__init__(f"Unknown language {language!r}: use one of {', '.join(CONTENT_LANGUAGE_CODES)}.")


class UnknownFormatError(ValueError):
    code = "UNKNOWN_FORMAT"

    def __init__(self, fmt: str):
        super().__init__(f"Unknown print format {fmt!r}: use one of {', '.join(PrintFormat.values)}.")


class FormatNotOfferedError(ValueError):
    code = "FORMAT_NOT_OFFERED"

    def __init__(self, edition: Edition):
        super().__init__(
            f"No {edition.key} edition is made of this content (posters are for events and "
            "infographics; the bilingual leaflet is A4, for translations)."
        )


def language_check(language: str) -> str:
    if language not in CONTENT_LANGUAGE_CODES:
        raise UnknownLanguageError(language)
    return language


def format_check(fmt: str) -> str:
    if fmt not in PrintFormat.values:
        raise UnknownFormatError(fmt)
    return fmt


def formats_for(model_label: str) -> list[str]:
    """The formats a kind of subject is printed in (model label in lower case, e.g. content_models.eventpage)."""
    formats = [PrintFormat.A4.value, PrintFormat.A5.value]
    if model_label in POSTER_MODELS:
        formats.append(PrintFormat.A3.value)
    return formats


def editions_for(model_label: str, language: str) -> list[Edition]:
    """Every edition of a subject in `language`: its formats, and the bilingual A4 when it is a translation."""
    editions = [Edition(language, fmt) for fmt in formats_for(model_label)]
    if language != settings.LANGUAGE_CODE:
        editions.append(Edition(language, PrintFormat.A4.value, bilingual=True))
    return editions


def edition_parse(language: str, fmt: str, bilingual: bool = False) -> Edition:
    """An edition from request input; unknown codes raise the typed errors above."""
    edition = Edition(language_check(language), format_check(fmt), bool(bilingual))
    if edition.bilingual and (edition.language == settings.LANGUAGE_CODE or edition.format != PrintFormat.A4):
        raise FormatNotOfferedError(edition)
    return edition
