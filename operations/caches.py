"""Emptying Django's caches after a release or a restore: what they hold was computed from other code or data."""

import logging

from django.conf import settings
from django.core.cache import caches

logger = logging.getLogger(__name__)


def caches_clear() -> list[str]:
    """Clear every configured cache; returns the aliases that could not be cleared (logged, never raised: a cache
    that is down holds nothing stale that could be served from it)."""
    failed = []
    for alias in settings.CACHES:
        try:
            # False: the Redis backend met a fault, which it answers instead of raising (cms/redis_cache.py).
            cleared = caches[alias].clear() is not False
        except Exception:
            logger.warning("Cache %r could not be cleared", alias, exc_info=True)
            cleared = False
        if not cleared:
            failed.append(alias)
    return failed
