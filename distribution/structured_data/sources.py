"""What the JSON-LD builders read beyond a page's own row, behind one small interface.

Builders never query: callers hand them a `StructuredDataSources` that has loaded what a batch of pages needs.
Feeds use `distribution.feeds.sources.FeedSources` over a kernel ContentReader; the GraphQL API adapts its
request's loaders (graphql_api/pages/json_ld.py). Both hide what is not public, and both answer `main_image` with
the kernel's one choice (content_models/kernel/presentation.py).
"""

from typing import Protocol


class StructuredDataSources(Protocol):
    def page_url(self, page) -> str:
        """The page's absolute portal URL."""

    def language_code(self, page) -> str:
        """The code of the locale the page is written in."""

    def main_image(self, page):
        """The page's main image (content_models.kernel.presentation.page_main_image), or None."""

    def rendition(self, image, name: str):
        """A named rendition of `image` (media/renditions.py), or None when it cannot be made."""

    def absolute(self, url: str) -> str:
        """A media URL made absolute."""

    def organizer(self, page):
        """An event's public organising association page (any locale), or None."""

    def topics(self, page) -> list:
        """The page's topics, in its locale where translated."""

    def service_points(self, page) -> list:
        """A service page's service points, in its locale where translated."""
