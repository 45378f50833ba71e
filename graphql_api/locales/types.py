"""Locales as portals need them: the code, the language's own name and its text direction."""

import enum

import strawberry
from django.conf import settings

from cms.languages import get_content_language
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
