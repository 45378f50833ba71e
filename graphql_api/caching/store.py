"""The cache the API keeps its responses and persisted queries in: settings.CACHES["graphql"] (cms/settings)."""

from django.core.cache import caches


def api_cache():
    return caches["graphql"]
