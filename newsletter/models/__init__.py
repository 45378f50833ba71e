"""The newsletter's data: who subscribed (and how they consented), the issues, and one delivery per recipient."""

from .deliveries import Delivery, Dispatch
from .issues import NewsletterIssue
from .subscribers import Consent, Subscriber

__all__ = ["Consent", "Delivery", "Dispatch", "NewsletterIssue", "Subscriber"]
