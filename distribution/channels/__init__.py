"""Social channels: which are on (settings, credentials from the environment) and the adapter for each."""

from django.conf import settings

from .base import ChannelAdapter, ChannelError, Outgoing, Posted
from .facebook import FacebookAdapter
from .mastodon import MastodonAdapter
from .telegram import TelegramAdapter
from .webhook import WebhookAdapter

ADAPTERS: dict[str, type[ChannelAdapter]] = {
    "mastodon": MastodonAdapter,
    "telegram": TelegramAdapter,
    "facebook": FacebookAdapter,
    "webhook": WebhookAdapter,
}
# A channel switched on without these is treated as off (and `manage.py check` says so).
REQUIRED_KEYS = {
    "mastodon": ("base_url", "token"),
    "telegram": ("token", "chat_id"),
    "facebook": ("page_id", "token"),
    "webhook": ("url", "secret"),
}
UNPUBLISH_POLICIES = ("delete", "flag", "ignore")


def channel_config(channel: str) -> dict:
    return dict(settings.DISTRIBUTION_CHANNELS.get(channel) or {})


def channel_missing_keys(channel: str) -> list[str]:
    config = channel_config(channel)
    return [key for key in REQUIRED_KEYS[channel] if not config.get(key)]


def channel_is_enabled(channel: str) -> bool:
    return bool(channel_config(channel).get("enabled")) and not channel_missing_keys(channel)


def enabled_channels() -> list[str]:
    return [channel for channel in ADAPTERS if channel_is_enabled(channel)]


def channel_adapter(channel: str) -> ChannelAdapter:
    return ADAPTERS[channel](channel_config(channel))


def unpublish_policy(channel: str) -> str:
    """What unpublishing a page does to what it posted here: delete it, flag it for an editor, or nothing."""
    policy = channel_config(channel).get("on_unpublish") or "flag"
    return policy if policy in UNPUBLISH_POLICIES else "flag"


__all__ = [
    "ADAPTERS",
    "ChannelAdapter",
    "ChannelError",
    "Outgoing",
    "Posted",
    "channel_adapter",
    "channel_config",
    "channel_is_enabled",
    "enabled_channels",
    "unpublish_policy",
]
