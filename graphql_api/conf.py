"""The API's settings (settings.GRAPHQL_API), read at call time so tests can override them."""

from django.conf import settings


def api_setting(name: str):
    return settings.GRAPHQL_API[name]


def is_production() -> bool:
    return settings.DJANGO_ENV == "production"
