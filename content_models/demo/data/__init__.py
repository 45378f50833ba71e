"""The demo content: Italian source texts with their English, French and Arabic translations.

Names and contacts are invented, streets and towns are real, figures are rounded or made up for the demo.
"""

from ..text import Catalogue, texts_in
from .associations import ASSOCIATIONS
from .events_associations import ASSOCIATION_EVENTS
from .events_region import REGION_EVENTS
from .infographics import INFOGRAPHICS
from .media import DOCUMENTS, IMAGES
from .news import NEWS
from .service_points import SERVICE_POINTS
from .services_access import SERVICES_ACCESS
from .services_learning import SERVICES_LEARNING
from .services_rights import SERVICES_RIGHTS
from .site import HOME_BODY, HOME_INTRO_TEXT, HOME_SLUGS, HOME_TITLE, SECTIONS
from .topics import TOPICS

SERVICES = SERVICES_LEARNING + SERVICES_ACCESS + SERVICES_RIGHTS
EVENTS = REGION_EVENTS + ASSOCIATION_EVENTS


def catalogue() -> Catalogue:
    """Every translation in the demo data, keyed by the Italian string as wagtail-localize extracts it."""
    return Catalogue().add_all(
        texts_in(
            [
                HOME_TITLE,
                HOME_INTRO_TEXT,
                HOME_BODY,
                SECTIONS,
                TOPICS,
                SERVICE_POINTS,
                ASSOCIATIONS,
                SERVICES,
                INFOGRAPHICS,
                EVENTS,
                NEWS,
            ]
        )
    )


__all__ = [
    "ASSOCIATIONS",
    "DOCUMENTS",
    "EVENTS",
    "HOME_BODY",
    "HOME_INTRO_TEXT",
    "HOME_SLUGS",
    "HOME_TITLE",
    "IMAGES",
    "INFOGRAPHICS",
    "NEWS",
    "SECTIONS",
    "SERVICES",
    "SERVICE_POINTS",
    "TOPICS",
    "catalogue",
]
