"""What a post says by default, and the message an adapter sends (text, language, image at the network's size).

A page's title, summary, portal address and image are the content kernel's, as in the API, feeds and newsletters.
"""

import logging
import mimetypes
import posixpath

from django.conf import settings

from content_models.kernel.presentation import page_summary
from content_models.kernel.reader import ContentReader
from content_models.kernel.urls import page_portal_url
from media.renditions import image_renditions_get

from .base import Outgoing
from .limits import text_length, text_limit

logger = logging.getLogger(__name__)
ELLIPSIS = "…"


def page_share_image(page):
    """The page's main image (the kernel's order: sharing image first), or None when it has no public one."""
    return ContentReader().main_image(page)


def post_text_default(*, page, channel: str, has_image: bool = False) -> str:
    """Title, summary and the page's portal address, the summary shortened to fit the network's limit."""
    url = page_portal_url(page)
    title, summary = page.title.strip(), page_summary(page)
    limit = text_limit(channel=channel, has_image=has_image)

    def compose(text_summary: str) -> str:
        return "\n\n".join(part for part in (title, text_summary, url) if part)

    text = compose(summary)
    if limit is None or text_length(channel=channel, text=text) <= limit:
        return text
    over = text_length(channel=channel, text=text) - limit
    shortened = summary[: max(0, len(summary) - over - len(ELLIPSIS) - 1)].rstrip()
    return compose(shortened + ELLIPSIS if shortened else "")


def rendition_name(channel: str) -> str:
    """The named rendition (media.renditions) a network gets: each crops and compresses differently."""
    return settings.DISTRIBUTION_CHANNELS.get(channel, {}).get("rendition") or "social"


def outgoing_build(*, delivery, post) -> Outgoing:
    """The message for one delivery. Text and language come from the delivery (what was approved)."""
    message = Outgoing(
        text=delivery.text,
        language=delivery.language,
        link=page_portal_url(post.page) if post and post.page_id else "",
        idempotency_key=str(delivery.idempotency_key),
        progress=dict(delivery.progress or {}),
    )
    image = post.image if post is not None else None
    if image is None:
        return message
    name = rendition_name(delivery.channel)
    rendition = image_renditions_get(image, name).get(name)
    if rendition is None:
        # Better a post without its image than no post: the failure is in the log for an editor to see.
        logger.warning("No %s rendition for image %s: posting without it", name, image.pk)
        return message
    with rendition.file.open("rb") as handle:
        message.image = handle.read()
    message.image_name = posixpath.basename(rendition.file.name)
    message.image_content_type = mimetypes.guess_type(message.image_name)[0] or "image/jpeg"
    url = rendition.url  # relative with local storage, absolute with an object store
    message.image_url = url if url.startswith(("http://", "https://")) else settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
    message.alt_text = post.alt_text
    return message
