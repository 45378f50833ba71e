"""Topics and service points, served in the asked locale (isFallback when only the Italian source exists, or a
translation that translates nothing yet)."""

import strawberry
import strawberry_django
from django.db.models import Q

from content_models.models import ServicePoint, Topic
from graphql_api.enums import Province, ServicePointKind, SpokenLanguage, to_enum, to_enums
from graphql_api.ids import served_id
from graphql_api.locales.types import LocaleType, UntranslatedType, untranslated_resolve
from graphql_api.multiselect import multiselect_q
from graphql_api.streamfield.convert import stream_blocks
from graphql_api.streamfield.types import OpeningHoursType


@strawberry.interface(name="Translatable", description="A snippet served in a locale.")
class TranslatableInterface:
    @strawberry.field(
        description="This item as served here: its kind, database id, the locale it is served in and, for a "
        "fallback, the locale it stands in for (topic:7:ar, topic:7:it:for-es). Stable across requests."
    )
    def id(self, info: strawberry.Info) -> strawberry.ID:
        return strawberry.ID(served_id(self, info.context.loader))

    @strawberry.field(name="databaseId", description="The item's id in the database (the `id` of earlier versions).")
    def database_id(self) -> int:
        return self.pk

    @strawberry.field(description="The locale this item is served in.")
    def locale(self, info: strawberry.Info) -> LocaleType:
        return LocaleType.from_code(info.context.loader.language_code(self.locale_id))

    @strawberry.field(name="isFallback", description="True when served in Italian because the asked locale has none.")
    def is_fallback(self, info: strawberry.Info) -> bool:
        return info.context.loader.served.is_fallback(self)

    @strawberry.field(
        description="The fields of this translation still in the source's language, and that language (null when "
        "none is). A translation with none of its strings translated is not served: its source is (isFallback)."
    )
    def untranslated(self) -> UntranslatedType | None:
        return untranslated_resolve(self)


@strawberry_django.type(Topic, name="Topic")
class TopicType(TranslatableInterface):
    name: str
    slug: str
    description: str


@strawberry_django.type(ServicePoint, name="ServicePoint")
class ServicePointType(TranslatableInterface):
    name: str
    address: str
    postcode: str
    municipality: str
    phone: str
    email: str = strawberry_django.field(description="The desk's public address.")
    website: str
    opening_notes: str
    accessibility_notes: str

    @strawberry.field
    def kind(self) -> ServicePointKind | None:
        return to_enum(ServicePointKind, self.kind)

    @strawberry.field
    def province(self) -> Province | None:
        return to_enum(Province, self.province)

    @strawberry.field
    def latitude(self) -> float | None:
        return float(self.latitude) if self.latitude is not None else None

    @strawberry.field
    def longitude(self) -> float | None:
        return float(self.longitude) if self.longitude is not None else None

    @strawberry.field(name="languagesSpoken")
    def languages_spoken(self) -> list[SpokenLanguage]:
        return to_enums(SpokenLanguage, self.languages_spoken)

    @strawberry.field(name="openingHours")
    def opening_hours(self, info: strawberry.Info) -> list[OpeningHoursType]:
        return stream_blocks(self, "opening_hours", info.context.loader)


@strawberry_django.filter_type(ServicePoint, name="ServicePointFilter")
class ServicePointFilter:
    @strawberry_django.filter_field
    def province(self, value: Province, prefix: str) -> Q:
        return Q(**{f"{prefix}province": value.value})

    @strawberry_django.filter_field(name="languageSpoken")
    def language_spoken(self, value: SpokenLanguage, prefix: str) -> Q:
        return multiselect_q(f"{prefix}languages_spoken", value.value)
