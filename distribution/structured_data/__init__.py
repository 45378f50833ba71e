"""schema.org JSON-LD for every page type, for portals to embed (`<script type="application/ld+json">`).

`page_json_ld(page, sources=...)` returns a JSON-ready dict. It runs no query of its own: `sources` (see
sources.py) has loaded the images, topics, organisers and service points of the page's batch. Text is in the
page's language, rendered with the page's language active (labels of vocabularies included).
"""

from django.utils import translation

from content_models.models import (
    AssociationIndexPage,
    AssociationPage,
    EventIndexPage,
    EventPage,
    InfographicIndexPage,
    InfographicPage,
    NewsIndexPage,
    NewsPage,
    ServiceIndexPage,
    ServicePage,
)

from .articles import news_article
from .events import event
from .organizations import organization
from .pages import collection_page, infographic_page, web_page
from .services import government_service
from .sources import StructuredDataSources

BUILDERS = {
    ServicePage: government_service,
    EventPage: event,
    NewsPage: news_article,
    AssociationPage: organization,
    InfographicPage: infographic_page,
    ServiceIndexPage: collection_page,
    EventIndexPage: collection_page,
    NewsIndexPage: collection_page,
    InfographicIndexPage: collection_page,
    AssociationIndexPage: collection_page,
}


def page_json_ld(page, *, sources: StructuredDataSources) -> dict:
    builder = BUILDERS.get(type(page), web_page)
    with translation.override(sources.language_code(page)):
        return builder(page, sources)


__all__ = ["BUILDERS", "StructuredDataSources", "page_json_ld"]
