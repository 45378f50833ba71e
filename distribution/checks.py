"""`manage.py check` says when distribution is half-configured, instead of failing quietly at the first publish."""

from django.conf import settings
from django.core.checks import Error, Warning, register

from .channels import ADAPTERS, REQUIRED_KEYS, UNPUBLISH_POLICIES, channel_config, channel_missing_keys


@register()
def distribution_settings_check(app_configs=None, **kwargs):
    messages = []
    for channel in ADAPTERS:
        config = channel_config(channel)
        if config.get("enabled") and channel_missing_keys(channel):
            messages.append(Warning(
                f"The {channel} channel is enabled but {', '.join(channel_missing_keys(channel))} is not set: it "
                "stays off.",
                hint=f"Set the DISTRIBUTION_{channel.upper()}_* variables ({', '.join(REQUIRED_KEYS[channel])}).",
                id="distribution.W001",
            ))
        if config.get("on_unpublish", "flag") not in UNPUBLISH_POLICIES:
            messages.append(Warning(
                f"Unknown on_unpublish policy {config['on_unpublish']!r} for {channel}: posts are flagged instead.",
                hint=f"Use one of {', '.join(UNPUBLISH_POLICIES)}.",
                id="distribution.W002",
            ))
    if settings.DISTRIBUTION_WEBHOOK_URLS and not settings.DISTRIBUTION_WEBHOOK_SECRET:
        messages.append(Error(
            "DISTRIBUTION_WEBHOOK_URLS is set but DISTRIBUTION_WEBHOOK_SECRET is empty: webhooks are never sent "
            "unsigned.",
            id="distribution.E001",
        ))
    return messages
