"""The newsletter's data: who subscribed (and how they consented), the issues, and one delivery per recipient."""

from .deliveries import Delivery, Dispatch
from .issues import NewsletterIssue
from .subscribers import Consent, Subscriber
from .suppression import ProcessedFeedbackEvent, Suppression

__all__ = ["Consent", "Delivery", "Dispatch", "NewsletterIssue", "ProcessedFeedbackEvent", "Subscriber", "Suppression"]
