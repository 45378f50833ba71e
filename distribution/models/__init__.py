"""Distribution's own tables. Pages are referenced by foreign key: content_models knows nothing of these."""

from .national import NationalPortalItem
from .outbox import Delivery, DeliveryKind, DeliveryState
from .social import Channel, SendMode, SocialPost
from .webhooks import WebhookDelivery, WebhookEvent

__all__ = [
    "Channel",
    "Delivery",
    "DeliveryKind",
    "DeliveryState",
    "NationalPortalItem",
    "SendMode",
    "SocialPost",
    "WebhookDelivery",
    "WebhookEvent",
]
