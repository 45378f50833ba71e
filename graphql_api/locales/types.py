"""Locales as portals need them: the code, the language's own name and its text direction."""

import enum

import strawberry
from django.conf import settings
from strawberry.utils.str_converters import to_camel_case

from cms.languages import get_content_language
from content_models.kernel.untranslated import untranslated_of
from graphql_api.errors import ApiError, ErrorCode


def content_language_code(code: str) -> str:
    """`code` when it is a content language's; else the client's error UNKNOWN_LOCALE (never a silent default)."""
    if code not in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
        raise unknown_locale(code)
    return code


def unknown_locale(code: str) -> ApiError:
    return ApiError(ErrorCode.UNKNOWN_LOCALE, f"Unknown locale {code!r}: ask the `locales` query for the codes.")


@strawberry.enum(name="TextDirection")
class TextDirectionType(enum.Enum):
    LTR = "ltr"
    RTL = "rtl"


@strawberry.type(name="Locale", description="A content language.")
class LocaleType:
    code: str = strawberry.field(description="The language code portals put in URLs and `lang` attributes.")
    name: str = strawberry.field(description="The language's name in that language (e.g. العربية).")
    direction: TextDirectionType
    is_default: bool = strawberry.field(description="The source language every other one falls back to.")

    @classmethod
    def from_code(cls, code: str) -> "LocaleType":
        language = get_content_language(code)
        return cls(
            code=code,
            name=language.native_name,
            direction=TextDirectionType(language.direction),
            is_default=code == settings.LANGUAGE_CODE,
        )


@strawberry.type(
    name="Untranslated",
    description="Parts of a translation still in its source's language (nobody has translated them yet): render "
    "them with `lang` = language.code and `dir` = language.direction. Rich text HTML marks its own such parts "
    "(`<p lang=\"it\" dir=\"ltr\">`).",
)
class UntranslatedType:
    language: LocaleType = strawberry.field(description="The language those parts are in (the source's).")
    fields: list[str] = strawberry.field(
        description="The fields still (wholly or in part) in that language, as this type spells them "
        "(`title`, `summary`, `body`, `text`; `items.<id>.title` inside a block); `\"\"` on a block: its value."
    )


def untranslated_type(fact, names: list[str]) -> UntranslatedType | None:
    """The API's view of a kernel Untranslated (content_models/kernel/untranslated.py); None when nothing is."""
    if not names:
        return None
    return UntranslatedType(language=LocaleType.from_code(fact.language), fields=names)


def api_field_path(path: str) -> str:
    """A model or block path ("audience_details", "items.<id>.short_title") in the API's camelCase spelling."""
    return ".".join(to_camel_case(part) for part in path.split("."))


def untranslated_resolve(obj) -> UntranslatedType | None:
    """A page's or snippet's own fields still in the source's language (a StreamField once: its blocks say which)."""
    fact = untranslated_of(obj)
    names = dict.fromkeys(api_field_path(path.split(".", 1)[0]) for path in sorted(fact.fields))
    return untranslated_type(fact, list(names))
