"""System checks: the privacy threshold may be raised, never lowered below five."""

from django.conf import settings
from django.core.checks import Error, register

PRIVACY_FLOOR = 5


@register()
def min_count_check(app_configs, **kwargs):
    if settings.INSIGHTS_MIN_COUNT < PRIVACY_FLOOR:
        return [
            Error(
                f"INSIGHTS_MIN_COUNT is {settings.INSIGHTS_MIN_COUNT}: a count under {PRIVACY_FLOOR} can identify "
                "a person, and the reports never show one.",
                hint=f"Set INSIGHTS_MIN_COUNT to {PRIVACY_FLOOR} or more.",
                id="insights.E001",
            )
        ]
    if settings.INSIGHTS_BUFFER not in {"memory", "redis"}:
        return [Error("INSIGHTS_BUFFER must be 'memory' or 'redis'.", id="insights.E002")]
    if settings.INSIGHTS_BUFFER == "redis" and not settings.INSIGHTS_REDIS_URL:
        return [Error("INSIGHTS_BUFFER is 'redis' but neither INSIGHTS_REDIS_URL nor REDIS_URL is set.",
                      id="insights.E003")]
    return []
