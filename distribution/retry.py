"""When a failed delivery is tried again: one policy for social posts and publish webhooks.

Exponential backoff with full jitter (so a receiver that comes back is not hit by every delivery at once), capped,
and a server's own `Retry-After` wins when it asks for longer.
"""

import random
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

from django.utils import timezone

BASE_SECONDS = 30
CAP_SECONDS = 6 * 3600
MAX_ATTEMPTS = 8


def retry_delay(*, attempt: int, retry_after: str | None = None, rng: random.Random | None = None) -> timedelta:
    """The wait before attempt number `attempt + 1`, after `attempt` failed ones (attempt >= 1)."""
    ceiling = min(CAP_SECONDS, BASE_SECONDS * 2 ** max(attempt - 1, 0))
    seconds = (rng or random).uniform(ceiling / 2, ceiling)
    asked = retry_after_seconds(retry_after)
    if asked is not None:
        seconds = max(seconds, min(asked, CAP_SECONDS))
    return timedelta(seconds=seconds)


def retry_after_seconds(value: str | None, *, now: datetime | None = None) -> float | None:
    """A `Retry-After` header as seconds: either delta-seconds or an HTTP date (RFC 9110 §10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, (when - (now or timezone.now())).total_seconds())


def attempts_exhausted(attempt: int) -> bool:
    return attempt >= MAX_ATTEMPTS
