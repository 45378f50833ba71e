"""Reads for the admin: what each channel did for a page, in a fixed number of queries."""

from distribution.channels import ADAPTERS, channel_is_enabled
from distribution.models import SocialDelivery, SocialPost, WebhookDelivery


def page_channel_status(*, page) -> list[dict]:
    """One row per channel: is it on, the page's post, its latest deliveries (post, delete or flag)."""
    posts = {post.channel: post for post in SocialPost.objects.filter(page=page)}
    deliveries: dict[str, list[SocialDelivery]] = {}
    for delivery in SocialDelivery.objects.filter(page=page).order_by("-created_at", "-id")[:200]:
        deliveries.setdefault(delivery.channel, []).append(delivery)
    return [
        {
            "channel": channel,
            "label": dict(SocialPost._meta.get_field("channel").choices)[channel],
            "enabled": channel_is_enabled(channel),
            "post": posts.get(channel),
            "latest": (deliveries.get(channel) or [None])[0],
            "deliveries": deliveries.get(channel, [])[:5],
        }
        for channel in ADAPTERS
    ]


def page_webhook_deliveries(*, page, limit: int = 10):
    return WebhookDelivery.objects.filter(event__object_id=page.pk, event__payload__object="page").select_related(
        "event"
    ).order_by("-id")[:limit]


def page_posts_summary(*, page) -> dict[str, int]:
    """Counts of the page's post deliveries by state, in one query (for the label of the page header button)."""
    from django.db.models import Count

    rows = SocialDelivery.objects.filter(page=page, kind="post").values("state").annotate(n=Count("pk"))
    return {row["state"]: row["n"] for row in rows}
