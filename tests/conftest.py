"""Fixtures shared by every test package. Domain factories live in tests/factories/."""

import pytest
from django.conf import settings

from content_models import services
from content_models.models import (
    AssociationIndexPage,
    EventIndexPage,
    InfographicIndexPage,
    NewsIndexPage,
    ServiceIndexPage,
)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files of a test land in its own folder, never in var/media."""
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in services.locales_sync()}


@pytest.fixture
def home(locales):
    """The Italian home page with its five published sections, as `seed_demo` builds it."""
    return services.home_page_ensure()


@pytest.fixture
def sections(home):
    models = [ServiceIndexPage, EventIndexPage, NewsIndexPage, InfographicIndexPage, AssociationIndexPage]
    return {model: model.objects.child_of(home).get() for model in models}


@pytest.fixture
def default_language():
    return settings.LANGUAGE_CODE
