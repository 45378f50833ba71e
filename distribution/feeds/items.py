"""Feed items: what every format says about one page, computed once per feed from the batch-loaded sources.

The link, the summary and the image are the content kernel's (the same as the API's `seo`, JSON-LD, newsletter
teasers and social posts).
"""

import dataclasses
import datetime
import mimetypes

from django.utils import timezone

from cms.languages import get_content_language
from content_models.kernel.presentation import page_summary
from content_models.models import NewsPage

from .conf import feeds_setting
from .content import page_content_html

IMAGE_SPEC = "social"  # JPEG 1200x630: every feed reader and calendar shows JPEG; some still refuse WebP


@dataclasses.dataclass(frozen=True)
class FeedImage:
    url: str
    width: int
    height: int
    mime_type: str
    alt: str


@dataclasses.dataclass(frozen=True)
class FeedItem:
    page: object
    title: str
    link: str
    guid: str
    summary: str
    content_html: str
    pubdate: datetime.datetime
    updateddate: datetime.datetime
    categories: tuple[str, ...]
    image: FeedImage | None
    language: str
    direction: str


def page_guid(page, language_code: str) -> str:
    """Stable across edits, moves and slug changes: the translation key names a page in every locale."""
    return f"tag:{feeds_setting('UID_DOMAIN')},2025:page/{page.translation_key}/{language_code}"


def page_pubdate(page) -> datetime.datetime:
    """When the item appeared; a news item's editorial date wins when it differs from the publication day."""
    published = page.first_published_at or page.last_published_at or timezone.now()
    if isinstance(page, NewsPage) and page.date and timezone.localtime(published).date() != page.date:
        return timezone.make_aware(datetime.datetime.combine(page.date, datetime.time(9)))
    return published


def feed_item(page, ctx) -> FeedItem:
    language = get_content_language(ctx.language_code(page))
    image = ctx.main_image(page)
    rendition = ctx.rendition(image, IMAGE_SPEC)
    feed_image = None
    if rendition is not None:
        url = ctx.absolute(rendition.url)
        feed_image = FeedImage(
            url=url, width=rendition.width, height=rendition.height,
            mime_type=mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg",
            alt="" if image.is_decorative else image.default_alt_text,
        )
    pubdate = page_pubdate(page)
    return FeedItem(
        page=page,
        title=page.title,
        link=ctx.page_url(page),
        guid=page_guid(page, language.code),
        summary=page_summary(page),
        content_html=page_content_html(page, ctx),
        pubdate=pubdate,
        updateddate=max(page.last_published_at or pubdate, pubdate),
        categories=tuple(topic.name for topic in ctx.topics(page)),
        image=feed_image,
        language=language.code,
        direction=language.direction,
    )
