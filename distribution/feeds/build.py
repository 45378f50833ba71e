"""What a feed shows: its metadata and items for one locale and a section or a topic, in a fixed number of queries.

Items are the pages *written in* the feed's locale: no fallback to Italian. A feed declares one language for
everything in it (RSS `<language>`, Atom `xml:lang`, the calendar's LANGUAGE), and readers show it as such; an
Arabic feed filled with Italian items would say Arabic and read Italian. Portals that want the API's fallback
use the API. Each item carries a link to its translations' portal URLs through the portal itself.
"""

import dataclasses

from django.db.models import CharField, Count, OuterRef, Subquery
from django.db.models.functions import Cast
from django.http import Http404
from django.utils.html import strip_tags
from wagtail.models import Locale, Page, Revision

from cms.languages import CONTENT_LANGUAGE_CODES, get_content_language
from content_models.kernel.reader import ContentReader
from content_models.kernel.urls import portal_url
from content_models.kernel.visibility import Visibility
from content_models.models import EventPage, HomePage
from distribution.feeds import selectors

from .conf import feeds_setting
from .items import FeedItem, feed_item
from .sections import SECTIONS, TOPIC_MODELS, FeedSection
from .sources import FeedSources


@dataclasses.dataclass
class FeedSource:
    title: str
    link: str
    description: str
    language: str
    direction: str
    items: list[FeedItem]
    cancelled: list = dataclasses.field(default_factory=list)  # events withdrawn, for the calendar
    uid: str = ""


def _locale(reader: ContentReader, code: str) -> Locale:
    locale = reader.locale_by_code(code) if code in CONTENT_LANGUAGE_CODES else None
    if locale is None:
        raise Http404(f"No feeds in {code!r}")
    return locale


def with_revision_count(queryset):
    """Annotate each page with its number of revisions (the calendar's SEQUENCE), in the same query."""
    revisions = (
        Revision.objects.filter(object_id=Cast(OuterRef("pk"), output_field=CharField()),
                                content_type_id=OuterRef("content_type_id"))
        .order_by().values("object_id").annotate(count=Count("pk")).values("count")
    )
    return queryset.annotate(revision_count=Subquery(revisions))


def section_pages(section: FeedSection, *, locale: Locale, visibility: Visibility) -> list:
    queryset = selectors.pages_visible_in_locale(section.model, locale=locale, visibility=visibility)
    if section.model is EventPage:
        queryset = with_revision_count(queryset.filter(
            selectors.events_window_q(now=visibility.now, past_days=feeds_setting("EVENTS_PAST_DAYS"))
        ))
    return list(queryset.order_by(*section.ordering)[: feeds_setting("MAX_ITEMS")])


def _home_and_index(locale: Locale, visibility: Visibility, index_model) -> tuple:
    """The locale's home page and the section's index page (when public), in one query."""
    models = [HomePage] + ([index_model] if index_model else [])
    pages = visibility.pages(Page.objects.filter(locale=locale, depth__lte=3).type(*models)).specific()
    home = next((page for page in pages if isinstance(page, HomePage)), None)
    index = next((page for page in pages if index_model and isinstance(page, index_model)), None)
    return home, index


def _source(*, reader: ContentReader, locale: Locale, pages: list, title: str, link: str, description: str,
            ) -> FeedSource:
    sources = FeedSources(locale=locale, reader=reader)
    sources.prepare(pages)
    language = get_content_language(locale.language_code)
    return FeedSource(
        title=title, link=link, description=description, language=language.code, direction=language.direction,
        items=[feed_item(page, sources) for page in pages],
    )


def section_feed_source(*, reader: ContentReader, locale_code: str, section_key: str,
                        with_cancelled: bool = False) -> FeedSource:
    locale = _locale(reader, locale_code)
    section = SECTIONS.get(section_key)
    if section is None:
        raise Http404(f"No feed for {section_key!r}")
    visibility = reader.visibility
    home, index = _home_and_index(locale, visibility, section.index_model)
    site_name = home.title if home else "InterAzioni"
    source = _source(
        reader=reader, locale=locale, pages=section_pages(section, locale=locale, visibility=visibility),
        title=f"{site_name} – {index.title}" if index else site_name,
        link=_portal_url(index or home, locale),
        description=strip_tags(index.intro).strip() if index else "",
    )
    if with_cancelled:
        source.cancelled = list(with_revision_count(selectors.events_cancelled(
            locale=locale, visibility=visibility, past_days=feeds_setting("EVENTS_PAST_DAYS")
        )).order_by("start", "pk"))
    source.uid = f"calendar-{section_key}-{locale.language_code}@{feeds_setting('UID_DOMAIN')}"
    return source


def topic_feed_source(*, reader: ContentReader, locale_code: str, slug: str) -> FeedSource:
    locale = _locale(reader, locale_code)
    topic = selectors.topic_by_slug(slug)
    if topic is None:
        raise Http404(f"No topic {slug!r}")
    visibility = reader.visibility
    pages = []
    for model in TOPIC_MODELS:  # topics are a many-to-many per model: one query each, whatever the items
        queryset = selectors.pages_visible_in_locale(model, locale=locale, visibility=visibility)
        pages += queryset.filter(topics=topic).order_by("-first_published_at", "-pk")[: feeds_setting("MAX_ITEMS")]
    pages.sort(key=lambda page: (page.first_published_at, page.pk), reverse=True)
    pages = pages[: feeds_setting("MAX_ITEMS")]
    localized = topic.get_translation_or_none(locale) or topic
    home, _index = _home_and_index(locale, visibility, None)
    site_name = home.title if home else "InterAzioni"
    return _source(
        reader=reader, locale=locale, pages=pages, title=f"{site_name} – {localized.name}",
        link=_portal_url(home, locale), description=localized.description,
    )


def _portal_url(page, locale: Locale) -> str:
    return portal_url(page.url_path if page is not None else "/home/", locale.language_code)
