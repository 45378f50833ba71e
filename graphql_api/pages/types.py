"""The Page interface and one concrete type per page model.

Every field that reaches beyond the page row (images, topics, blocks, translations, breadcrumbs, organiser)
goes through the request's loaders, which load it for the page's whole batch and hide what is not public. What a
page shows of itself in every channel (its main image, its summary, its portal URL) is the content kernel's.
"""

import datetime
import zoneinfo
from typing import Annotated

import strawberry
import strawberry_django
from django.conf import settings
from strawberry.scalars import JSON
from wagtail.models import Page

from content_models import models as content
from content_models.kernel.presentation import page_main_image, page_summary
from content_models.kernel.urls import portal_path
from graphql_api.enums import (
    AreaOfActivity,
    Audience,
    ProgrammeAction,
    Province,
    SpokenLanguage,
    to_enum,
    to_enums,
)
from graphql_api.ids import served_id
from graphql_api.locales.types import LocaleType, UntranslatedType, untranslated_resolve
from graphql_api.insights.schema import translation_status_resolve
from graphql_api.insights.types import TranslationStatus
from graphql_api.media.types import DocumentType, ImageType
from graphql_api.pages.json_ld import page_json_ld_resolve
from graphql_api.printing.types import PrintEditionType, print_editions_resolve
from graphql_api.snippets.types import ServicePointType, TopicType
from graphql_api.streamfield.convert import richtext_html, stream_blocks
from graphql_api.streamfield.types import BlockInterface, KeyFigureType, SocialLinkType, StepType

@strawberry.type(name="Seo")
class SeoType:
    title: str
    description: str
    image: ImageType | None


@strawberry.type(name="Breadcrumb")
class BreadcrumbType:
    # A crumb is one page row in its own locale, never a fallback: its fields never vary, so its database id is
    # enough for a cache (docs/api.md, "Ids and client caches").
    id: strawberry.ID = strawberry.field(description="The page's database id (its `databaseId`).")
    title: str
    path: str
    url: str


@strawberry_django.interface(Page, name="Page", description="A published page, in the locale it is served in.")
class PageInterface:
    @strawberry.field(
        description="This page as served here: its database id, the locale it is served in and, for a fallback, "
        "the locale it stands in for (page:42:it, page:42:it:for-es). Stable across requests; key caches by it. "
        "`page(id:)` takes it back."
    )
    def id(self, info: strawberry.Info) -> strawberry.ID:
        return strawberry.ID(served_id(self, info.context.loader))

    @strawberry.field(
        name="databaseId",
        description="The page's id in the database (the `id` of earlier versions of the API): the same wherever "
        "and however it is served. `page(id:)` takes it too.",
    )
    def database_id(self) -> int:
        return self.pk

    title: str
    slug: str
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None

    @strawberry.field(description="The path inside the locale's tree, as the portal routes it (/servizi/corsi/).")
    def path(self) -> str:
        return portal_path(self.url_path)

    @strawberry.field(description="The absolute URL on the portal.")
    def url(self, info: strawberry.Info) -> str:
        return info.context.loader.page_url(self)

    @strawberry.field(description="The locale the page is served in (see isFallback).")
    def locale(self, info: strawberry.Info) -> LocaleType:
        return LocaleType.from_code(info.context.loader.language_code(self.locale_id))

    @strawberry.field(
        name="isFallback",
        description="True when served in the default language because the asked one has no published translation.",
    )
    def is_fallback(self, info: strawberry.Info) -> bool:
        return info.context.loader.served.is_fallback(self)

    @strawberry.field(
        description="The fields of this translation still in the source's language, and that language (null when "
        "none is): a portal renders them with its `lang` and `dir`."
    )
    def untranslated(self) -> UntranslatedType | None:
        return untranslated_resolve(self)

    @strawberry.field(
        name="translationStatus",
        description="Whether this is the original, a translation up to date or out of date with the Italian page, or "
        "the Italian page served for lack of a translation (isFallback), with the publish dates that say so.",
    )
    def translation_status(self, info: strawberry.Info) -> TranslationStatus:
        return translation_status_resolve(self, info.context.loader)

    @strawberry.field(description="The published versions of this page in every other locale (for hreflang).")
    def translations(self, info: strawberry.Info) -> list["PageInterface"]:
        return info.context.loader.tree.translations_of(self)

    @strawberry.field  # the main image and summary every channel shows (docs/content-kernel.md)
    def seo(self, info: strawberry.Info) -> SeoType:
        return SeoType(
            title=self.seo_title or self.title,
            description=page_summary(self),
            image=page_main_image(self, info.context.loader.media.image_for),
        )

    @strawberry.field(description="From the locale's home page down to this page; unpublished sections are left out.")
    def breadcrumbs(self, info: strawberry.Info) -> list[BreadcrumbType]:
        loader = info.context.loader
        crumbs = [*loader.tree.ancestors_of(self), self]
        return [
            BreadcrumbType(id=crumb.pk, title=crumb.title, path=portal_path(crumb.url_path), url=loader.page_url(crumb))
            for crumb in crumbs
        ]

    @strawberry.field(
        name="jsonLd",
        description="schema.org JSON-LD for the page (GovernmentService, Event, NewsArticle, Organization, "
        "WebPage or CollectionPage), in its language: embed it in a <script type=\"application/ld+json\">.",
    )
    def json_ld(self, info: strawberry.Info) -> JSON:
        return page_json_ld_resolve(self, info.context.loader)


PAGE_TYPES: dict[type, type] = {}


def page_type(model, name: str, description: str | None = None):
    """A concrete page type that matches its exact model only.

    strawberry resolves an interface's concrete type with isinstance; without an exact `is_type_of`, a page of a
    model that subclasses another would resolve as the parent type.
    """

    def decorator(cls):
        cls.is_type_of = classmethod(lambda _cls, obj, _info: type(obj) is model)
        graphql_type = strawberry_django.type(model, name=name, description=description)(cls)
        PAGE_TYPES[model] = graphql_type
        return graphql_type

    return decorator


@strawberry_django.interface(Page, name="TopicPage", description="A page portals list and filter by topic.")
class TopicPageInterface(PageInterface):
    summary: str = strawberry_django.field(description="Two or three plain sentences for lists and search results.")

    @strawberry.field(description="In the asked locale, else in Italian (isFallback).")
    def topics(self, info: strawberry.Info) -> list[TopicType]:
        return info.context.loader.snippets.snippets_for(self, "topics")

    @strawberry.field(
        name="printEditions",
        description="Printable PDFs of the page as served (leaflets, posters, the bilingual leaflet beside "
        "Italian), current with its published version; empty until they are made.",
    )
    def print_editions(self, info: strawberry.Info) -> list[PrintEditionType]:
        return print_editions_resolve(self, info.context.loader)


def _html(field_name: str, description: str | None = None):
    """A rich text field as portal HTML."""

    def resolve(root, info: strawberry.Info) -> str:
        return richtext_html(root, field_name, info.context.loader)

    return strawberry.field(resolver=resolve, description=description or "HTML.")


def _body():
    def resolve(root, info: strawberry.Info) -> list[BlockInterface]:
        return stream_blocks(root, "body", info.context.loader)

    return strawberry.field(resolver=resolve, description="The page's content, block by block.")


def _image(attname: str, description: str | None = None):
    def resolve(root, info: strawberry.Info) -> ImageType | None:
        return info.context.loader.media.image_for(root, attname)

    return strawberry.field(resolver=resolve, description=description or "Null when the image is not public.")


# --- Home and sections -------------------------------------------------------------------------------------------
@page_type(content.HomePage, "HomePage")
class HomePageType(PageInterface):
    intro: str
    body: list[BlockInterface] = _body()


@strawberry_django.interface(Page, name="SectionIndexPage", description="The landing page of a section.")
class SectionIndexPageInterface(PageInterface):
    intro: str = _html("intro")


@page_type(content.ServiceIndexPage, "ServiceIndexPage")
class ServiceIndexPageType(SectionIndexPageInterface):
    pass


@page_type(content.EventIndexPage, "EventIndexPage")
class EventIndexPageType(SectionIndexPageInterface):
    pass


@page_type(content.NewsIndexPage, "NewsIndexPage")
class NewsIndexPageType(SectionIndexPageInterface):
    pass


@page_type(content.InfographicIndexPage, "InfographicIndexPage")
class InfographicIndexPageType(SectionIndexPageInterface):
    pass


@page_type(content.AssociationIndexPage, "AssociationIndexPage")
class AssociationIndexPageType(SectionIndexPageInterface):
    pass


# --- Content pages -----------------------------------------------------------------------------------------------
@page_type(content.ServicePage, "ServicePage", "A public service: who it is for, how to get it, where.")
class ServicePageType(TopicPageInterface):
    audience_details: str = _html("audience_details")
    what_you_need: str = _html("what_you_need")
    what_you_get: str = _html("what_you_get")
    is_free: bool
    costs: str = _html("costs")
    deadlines: str = _html("deadlines")
    online_url: str
    channels: str = _html("channels")
    last_reviewed: datetime.date
    body: list[BlockInterface] = _body()

    @strawberry.field
    def audiences(self) -> list[Audience]:
        return to_enums(Audience, self.audiences)

    @strawberry.field(name="howToAccess", description="The steps, in order.")
    def how_to_access(self, info: strawberry.Info) -> list[StepType]:
        return stream_blocks(self, "how_to_access", info.context.loader)

    @strawberry.field(name="servicePoints", description="Where: in the asked locale, else in Italian.")
    def service_points(self, info: strawberry.Info) -> list[ServicePointType]:
        return info.context.loader.snippets.snippets_for(self, "service_points")

    @strawberry.field(name="action")
    def programme_action(self) -> ProgrammeAction | None:
        return to_enum(ProgrammeAction, self.programme_action)

    @strawberry.field
    def provinces(self) -> list[Province]:
        return to_enums(Province, self.provinces)

    @strawberry.field(name="serviceLanguages")
    def service_languages(self) -> list[SpokenLanguage]:
        return to_enums(SpokenLanguage, self.service_languages)


def _local(instant: datetime.datetime) -> datetime.datetime:
    return instant.astimezone(zoneinfo.ZoneInfo(settings.TIME_ZONE))


@page_type(content.EventPage, "EventPage", "An event; times are timezone-aware (shown in Europe/Rome).")
class EventPageType(TopicPageInterface):
    start: datetime.datetime
    end: datetime.datetime | None
    all_day: bool
    venue_name: str
    address: str
    municipality: str
    online_url: str
    registration_url: str
    cost: str
    is_free: bool
    body: list[BlockInterface] = _body()

    @strawberry.field(
        name="timeZone", description="The IANA time zone of the event's local times and dates (Europe/Rome)."
    )
    def time_zone(self) -> str:
        return settings.TIME_ZONE

    @strawberry.field(
        name="startDate", description="The day the event starts, in timeZone: for an all-day event, show this."
    )
    def start_date(self) -> datetime.date:
        return _local(self.start).date()

    @strawberry.field(
        name="endDate",
        description="The last day of the event (included), in timeZone; null without an end. An all-day event "
        "ending at midnight ends the day before.",
    )
    def end_date(self) -> datetime.date | None:
        if self.end is None:
            return None
        end = _local(self.end)
        if self.all_day and end.time() == datetime.time(0, 0) and self.end > self.start:
            return end.date() - datetime.timedelta(days=1)
        return end.date()

    @strawberry.field
    def province(self) -> Province | None:
        return to_enum(Province, self.province)

    @strawberry.field
    def latitude(self) -> float | None:
        return float(self.latitude) if self.latitude is not None else None

    @strawberry.field
    def longitude(self) -> float | None:
        return float(self.longitude) if self.longitude is not None else None

    @strawberry.field(description="The organising association (null when the Region organises it).")
    def organizer(
        self, info: strawberry.Info
    ) -> Annotated["AssociationPageType", strawberry.lazy("graphql_api.pages.types")] | None:
        return info.context.loader.pages.page_for(self, "organizer_id")

    @strawberry.field(name="eventLanguages")
    def event_languages(self) -> list[SpokenLanguage]:
        return to_enums(SpokenLanguage, self.event_languages)

    @strawberry.field
    def audiences(self) -> list[Audience]:
        return to_enums(Audience, self.audiences)


@page_type(content.NewsPage, "NewsPage")
class NewsPageType(TopicPageInterface):
    date: datetime.date
    main_image: ImageType | None = _image("main_image_id")
    body: list[BlockInterface] = _body()


@page_type(content.InfographicPage, "InfographicPage", "An image of data with its full text equivalent.")
class InfographicPageType(TopicPageInterface):
    image: ImageType | None = _image("image_id")
    alt_text: str
    long_description: str = _html("long_description", "The accessible text equivalent of the image, as HTML.")
    data_source: str
    data_date: datetime.date

    @strawberry.field(name="keyFigures")
    def key_figures(self, info: strawberry.Info) -> list[KeyFigureType]:
        return stream_blocks(self, "key_figures", info.context.loader)

    @strawberry.field(description="The downloadable version; null when absent or not public.")
    def document(self, info: strawberry.Info) -> DocumentType | None:
        return info.context.loader.media.document_for(self, "document_id")


@page_type(content.AssociationPage, "AssociationPage", "The public profile of a migrant association.")
class AssociationPageType(TopicPageInterface):
    description: str = _html("description")
    logo: ImageType | None = _image("logo_id")
    municipality: str
    address: str
    email: str = strawberry_django.field(description="The association's public address.")
    phone: str
    website: str
    body: list[BlockInterface] = _body()

    @strawberry.field(name="areasOfActivity")
    def areas_of_activity(self) -> list[AreaOfActivity]:
        return to_enums(AreaOfActivity, self.areas_of_activity)

    @strawberry.field(name="communitiesServed", description="ISO 3166 country codes of the communities served.")
    def communities_served(self) -> list[str]:
        return [country.code for country in self.communities_served]

    @strawberry.field(name="languagesSpoken")
    def languages_spoken(self) -> list[SpokenLanguage]:
        return to_enums(SpokenLanguage, self.languages_spoken)

    @strawberry.field
    def province(self) -> Province | None:
        return to_enum(Province, self.province)

    @strawberry.field(name="socialLinks")
    def social_links(self, info: strawberry.Info) -> list[SocialLinkType]:
        return stream_blocks(self, "social_links", info.context.loader)
