"""Helpers shared by the feed and structured data tests (fixtures live in each test module)."""

from django.core.cache import cache
from wagtail.models import Locale

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


def translate(page, code: str, capture_on_commit, *, publish: bool = True, **fields):
    """The published translation of `page` in `code` (its missing ancestors are translated and published too)."""
    locale = Locale.objects.get(language_code=code)
    with capture_on_commit(execute=True):
        translation = page.specific.copy_for_translation(locale, copy_parents=True)
        for ancestor in translation.get_ancestors().filter(depth__gt=1, live=False):
            ancestor.specific.save_revision().publish()
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save()
        revision = translation.save_revision()
        if publish:
            revision.publish()
    return type(translation).objects.get(pk=translation.pk)


def empty_cache():
    cache.clear()
