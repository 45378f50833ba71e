"""Feed endpoints: Django syndication `Feed`s fed by build.py, the events calendar, and the index of feeds."""

import orjson
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Enclosure
from django.views.decorators.http import require_safe

from cms.languages import CONTENT_LANGUAGES
from content_models.kernel.reader import ContentReader

from .build import FeedSource, section_feed_source, topic_feed_source
from .caching import BuiltFeed, feed_response
from .conf import absolute_url, feeds_setting
from .generators import FORMATS
from .ical import calendar_build
from .sections import SECTIONS


class PageFeed(Feed):
    """One FeedSource in one format. Items are FeedItems already computed, so every method is a lookup."""

    item_guid_is_permalink = False

    def __init__(self, *, source: FeedSource, fmt: str, feed_url: str):
        super().__init__()
        self.source = source
        self.feed_type = FORMATS[fmt]
        self.language = source.language
        self._feed_url = feed_url

    def get_object(self, request, *args, **kwargs):
        return self.source

    def title(self, obj):
        return obj.title

    def link(self, obj):
        return obj.link

    def description(self, obj):
        return obj.description or obj.title

    def feed_url(self, obj):
        return self._feed_url

    def author_name(self, obj):
        return feeds_setting("PUBLISHER_NAME")

    def author_link(self, obj):
        return feeds_setting("PUBLISHER_URL")

    def feed_extra_kwargs(self, obj):
        return {"direction": obj.direction}

    def items(self, obj):
        return obj.items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.link

    def item_guid(self, item):
        return item.guid

    def item_pubdate(self, item):
        return item.pubdate

    def item_updateddate(self, item):
        return item.updateddate

    def item_categories(self, item):
        return item.categories

    def item_enclosures(self, item):
        # RSS wants a length; a rendition's size is not stored and asking the object store per item would be
        # slow, so "0" (the value the RSS Advisory Board recommends when the size is unknown).
        return [Enclosure(item.image.url, "0", item.image.mime_type)] if item.image else []

    def item_extra_kwargs(self, item):
        return {"content_html": item.content_html, "image": item.image, "language": item.language,
                "direction": item.direction}


def _built(request, source: FeedSource, fmt: str) -> BuiltFeed:
    response = PageFeed(source=source, fmt=fmt, feed_url=absolute_url(request.path))(request)
    dates = [item.updateddate for item in source.items]
    return BuiltFeed(body=response.content, content_type=response["Content-Type"],
                     last_modified=max(dates).timestamp() if dates else None)


def _reader(state) -> ContentReader:
    # Feeds only link to the pages their items point at (and name an event's organiser): plain rows suffice.
    return ContentReader(state, specific=False)


def _window_key(request) -> str:
    # Event feeds also depend on today's date (events leave EVENTS_PAST_DAYS after they end).
    return f"{request.path}|{timezone.localdate().isoformat()}"


@require_safe
def section_feed(request, locale: str, section: str, fmt: str):
    return feed_response(request, key=_window_key(request), build=lambda state: _built(
        request, section_feed_source(reader=_reader(state), locale_code=locale, section_key=section), fmt))


@require_safe
def topic_feed(request, locale: str, slug: str, fmt: str):
    return feed_response(request, key=_window_key(request), build=lambda state: _built(
        request, topic_feed_source(reader=_reader(state), locale_code=locale, slug=slug), fmt))


@require_safe
def events_calendar(request, locale: str):
    def build(state) -> BuiltFeed:
        source = section_feed_source(reader=_reader(state), locale_code=locale, section_key="events",
                                     with_cancelled=True)
        body = calendar_build(name=source.title, description=source.description, url=source.link,
                              language=source.language, items=source.items, cancelled=source.cancelled,
                              uid=source.uid)
        dates = [item.updateddate for item in source.items]
        return BuiltFeed(body=body, content_type="text/calendar; charset=utf-8",
                         last_modified=max(dates).timestamp() if dates else None)

    return feed_response(request, key=_window_key(request), build=build)


def feed_urls(language_code: str) -> list[dict]:
    """Every section feed of one locale, absolute: the index and the national portal hand-off list them."""
    urls = []
    for section in SECTIONS:
        for fmt in FORMATS:
            path = reverse("distribution:section_feed", kwargs={"locale": language_code, "section": section,
                                                                "fmt": fmt})
            urls.append({"section": section, "format": fmt, "url": absolute_url(path)})
    path = reverse("distribution:events_calendar", kwargs={"locale": language_code})
    urls.append({"section": "events", "format": "ics", "url": absolute_url(path)})
    return urls


@require_safe
def feed_index(request):
    """JSON: every feed URL per locale, and the pattern of topic feeds. No database query."""
    topic_pattern = absolute_url(reverse("distribution:feed_index")) + "{locale}/topics/{topic}.{format}"
    data = {
        "locales": [
            {"code": lang.code, "name": lang.native_name, "direction": lang.direction,
             "portal": settings.PORTAL_BASE_URLS.get(lang.code), "feeds": feed_urls(lang.code)}
            for lang in CONTENT_LANGUAGES
        ],
        "topicFeeds": {"pattern": topic_pattern, "formats": list(FORMATS),
                       "note": "{topic} is a topic slug in any locale (see the API's `topics`)."},
    }
    response = HttpResponse(orjson.dumps(data, option=orjson.OPT_INDENT_2), content_type="application/json")
    response["Cache-Control"] = f"public, max-age={feeds_setting('MAX_AGE')}"
    response["Access-Control-Allow-Origin"] = "*"
    return response
