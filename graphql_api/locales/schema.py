import strawberry
from django.conf import settings

from .types import LocaleType


@strawberry.type
class Query:
    @strawberry.field(description="The content languages, the default one first.")
    def locales(self) -> list[LocaleType]:
        codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        return [LocaleType.from_code(code) for code in sorted(codes, key=lambda code: code != settings.LANGUAGE_CODE)]
