"""The content model. Import from here: `from content_models.models import ServicePage`."""

from .associations import AssociationPage
from .base import BasePage
from .events import EventPage
from .generation import ContentGeneration
from .home import (
    AssociationIndexPage,
    EventIndexPage,
    HomePage,
    InfographicIndexPage,
    NewsIndexPage,
    ServiceIndexPage,
)
from .infographics import InfographicPage
from .news import NewsPage
from .services import ServicePage
from .snippets import ServicePoint, Topic

__all__ = [
    "AssociationIndexPage",
    "AssociationPage",
    "BasePage",
    "ContentGeneration",
    "EventIndexPage",
    "EventPage",
    "HomePage",
    "InfographicIndexPage",
    "InfographicPage",
    "NewsIndexPage",
    "NewsPage",
    "ServiceIndexPage",
    "ServicePage",
    "ServicePoint",
    "Topic",
]
