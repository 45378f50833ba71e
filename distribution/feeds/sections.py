"""The sections that have feeds: which pages each lists, in which order, and which index page names it."""

import dataclasses

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


@dataclasses.dataclass(frozen=True)
class FeedSection:
    key: str  # the URL segment: /feeds/<locale>/<key>.rss
    model: type
    index_model: type  # its title and URL name the feed
    ordering: tuple[str, ...]  # newest (or soonest) first; the id breaks ties so the order is stable


SECTIONS: dict[str, FeedSection] = {
    section.key: section
    for section in (
        FeedSection("news", NewsPage, NewsIndexPage, ("-date", "-first_published_at", "-pk")),
        # Soonest first; events over for more than EVENTS_PAST_DAYS days are left out (see selectors).
        FeedSection("events", EventPage, EventIndexPage, ("start", "pk")),
        FeedSection("services", ServicePage, ServiceIndexPage, ("-last_published_at", "-pk")),
        FeedSection("associations", AssociationPage, AssociationIndexPage, ("-first_published_at", "-pk")),
        FeedSection("infographics", InfographicPage, InfographicIndexPage, ("-data_date", "-pk")),
    )
}

# A topic feed lists every section's pages tagged with the topic, newest publication first.
TOPIC_MODELS = tuple(section.model for section in SECTIONS.values())
