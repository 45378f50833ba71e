"""Feed formats: Django's RSS 2.0 and Atom generators with full content and images, and JSON Feed 1.1.

Full content travels as `content:encoded` (RSS) and `<content type="html">` (Atom); the summary stays in
`description`/`summary`. The main image is an enclosure (RSS, Atom `rel="enclosure"`) and a Media RSS
`media:content` with its size and alt text. Language: RSS `<language>`, `xml:lang` on the Atom and RSS roots and
on each Atom entry's content; direction travels inside the HTML (`<div dir>`), since no feed format has a field
for it (JSON Feed carries it in our `_interazioni` extension).
"""

import orjson
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed, rfc3339_date

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
MEDIA_NS = "http://search.yahoo.com/mrss/"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
EXTENSION = "_interazioni"


def _media_content(handler, image) -> None:
    handler.startElement(
        "media:content",
        {"url": image.url, "medium": "image", "type": image.mime_type,
         "width": str(image.width), "height": str(image.height)},
    )
    if image.alt:
        handler.addQuickElement("media:description", image.alt, {"type": "plain"})
    handler.endElement("media:content")


class RssFeed(Rss201rev2Feed):
    content_type = "application/rss+xml; charset=utf-8"

    def rss_attributes(self):
        attrs = {**super().rss_attributes(), "xmlns:content": CONTENT_NS, "xmlns:media": MEDIA_NS}
        if self.feed.get("language"):
            attrs["xml:lang"] = self.feed["language"]
        return attrs

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])
        if item.get("image") is not None:
            _media_content(handler, item["image"])


class AtomFeed(Atom1Feed):
    content_type = "application/atom+xml; charset=utf-8"

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            attrs = {"type": "html", **({"xml:lang": item["language"]} if item.get("language") else {})}
            handler.addQuickElement("content", item["content_html"], attrs)


class JsonFeed(SyndicationFeed):
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) on Django's feed generator interface."""

    content_type = "application/feed+json; charset=utf-8"

    def write(self, outfile, encoding):
        outfile.write(orjson.dumps(self.as_dict(), option=orjson.OPT_INDENT_2))

    def as_dict(self) -> dict:
        feed = self.feed
        data = {
            "version": JSON_FEED_VERSION,
            "title": feed["title"],
            "home_page_url": feed["link"],
            "feed_url": feed.get("feed_url"),
            "description": feed.get("description") or None,
            "language": feed.get("language"),
            "authors": [{"name": feed["author_name"], "url": feed.get("author_link")}] if feed.get("author_name") else None,
            EXTENSION: {"direction": feed.get("direction"), "locale": feed.get("language")},
            "items": [self._item(item) for item in self.items],
        }
        return _without_empty(data)

    def _item(self, item) -> dict:
        image = item.get("image")
        data = {
            "id": item["unique_id"],
            "url": item["link"],
            "title": item["title"],
            "content_html": item.get("content_html") or "",
            "summary": item.get("description") or None,
            "image": image.url if image else None,
            "date_published": rfc3339_date(item["pubdate"]) if item.get("pubdate") else None,
            "date_modified": rfc3339_date(item["updateddate"]) if item.get("updateddate") else None,
            "tags": list(item.get("categories") or []) or None,
            "language": item.get("language"),
            EXTENSION: {"direction": item.get("direction")} if item.get("direction") else None,
        }
        return _without_empty(data)


def _without_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value is not None}


FORMATS = {"rss": RssFeed, "atom": AtomFeed, "json": JsonFeed}
