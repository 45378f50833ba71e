"""Distribution's own tables. Pages are referenced by foreign key: content_models knows nothing of these."""

from .national import NationalPortalItem
from .outbox import DeliveryKind, DeliveryState, SocialDelivery
from .social import Channel, SendMode, SocialPost
from .webhooks import WebhookDelivery, WebhookEvent

__all__ = [
    "Channel",
    "DeliveryKind",
    "DeliveryState",
    "NationalPortalItem",
    "SendMode",
    "SocialDelivery",
    "SocialPost",
    "WebhookDelivery",
    "WebhookEvent",
]
