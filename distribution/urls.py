"""Public URLs of the distribution app, mounted at /feeds/ by cms.urls (see docs/distribution.md, "Feeds").

/feeds/                                 the index of every feed (JSON)
/feeds/<locale>/<section>.rss|atom|json  news, events, services, associations, infographics
/feeds/<locale>/events.ics              the events calendar
/feeds/<locale>/topics/<slug>.rss|atom|json
"""

from django.urls import path, register_converter

from cms.languages import CONTENT_LANGUAGE_CODES
from distribution.feeds import views
from distribution.feeds.generators import FORMATS
from distribution.feeds.sections import SECTIONS

app_name = "distribution"


class _ChoiceConverter:
    choices: tuple[str, ...] = ()

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


def _converter(name: str, choices) -> None:
    # Longest first, so that a code is never matched by its own prefix.
    regex = "|".join(sorted((choice.replace("-", r"\-") for choice in choices), key=len, reverse=True))
    register_converter(type(name, (_ChoiceConverter,), {"regex": f"(?:{regex})"}), name)


_converter("feed_locale", CONTENT_LANGUAGE_CODES)
_converter("feed_section", SECTIONS)
_converter("feed_format", FORMATS)

urlpatterns = [
    path("", views.feed_index, name="feed_index"),
    path("<feed_locale:locale>/events.ics", views.events_calendar, name="events_calendar"),
    path("<feed_locale:locale>/<feed_section:section>.<feed_format:fmt>", views.section_feed, name="section_feed"),
    path("<feed_locale:locale>/topics/<slug:slug>.<feed_format:fmt>", views.topic_feed, name="topic_feed"),
]
