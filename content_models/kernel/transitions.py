"""When published content changes by time alone: the next go-live or expiry of a live page.

A live page disappears when its `expire_at` passes and (if its row says so) appears when its `go_live_at` passes,
with nobody saving anything. Every cache of published content ends there: generation.py stamps the next one on
the content state. Pages that are not live only appear when `publish_scheduled` publishes them, which bumps the
generation like any publish.
"""

import datetime

from django.db.models import Min, Q
from wagtail.models import Page


def next_transition_after(now: datetime.datetime) -> datetime.datetime | None:
    """The first instant after `now` at which a live page goes live or expires by time alone."""
    times = Page.objects.filter(live=True).aggregate(
        go_live=Min("go_live_at", filter=Q(go_live_at__gt=now)),
        expiry=Min("expire_at", filter=Q(expire_at__gt=now)),
    )
    return min((time for time in times.values() if time is not None), default=None)
