"""Helpers shared by the feed and structured data tests (fixtures live in each test module)."""

from django.core.cache import cache

from content_models.models import (
    AssociationIndexPage,
    EventIndexPage,
    InfographicIndexPage,
    NewsIndexPage,
    ServiceIndexPage,
)

SEEDED_LOCALES = ("it", "en", "fr", "ar")  # the languages seed_demo translates into
INDEXES = {
    "news": NewsIndexPage,
    "events": EventIndexPage,
    "services": ServiceIndexPage,
    "associations": AssociationIndexPage,
    "infographics": InfographicIndexPage,
}



def empty_cache():
    cache.clear()
