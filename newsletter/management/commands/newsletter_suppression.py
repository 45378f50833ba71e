"""The office's view of the suppression list: is an address suppressed, and lift a suppression.

    manage.py newsletter_suppression check person@example.org
    manage.py newsletter_suppression lift person@example.org    # e.g. a bounce that was the provider's mistake

Lifting never re-subscribes anyone: the person subscribes again and confirms by email (double opt-in).
"""

from django.core.management.base import BaseCommand, CommandError

from newsletter import services
from newsletter.errors import NewsletterError
from newsletter.models import Subscriber
from newsletter.suppression import suppression_reason


class Command(BaseCommand):
    help = "Check or lift the suppression of an address (bounced, spam report, unsubscribed then erased)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["check", "lift"])
        parser.add_argument("email")

    def handle(self, *args, action, email, **options):
        try:
            email = services.email_normalise(email)
        except NewsletterError:
            raise CommandError("Not a valid email address.") from None
        if action == "lift":
            lifted = services.subscriber_suppression_lift(email=email)
            self.stdout.write("lifted: the address may subscribe again" if lifted else "the address was not suppressed")
            return
        reason = suppression_reason(email)
        status = Subscriber.objects.filter(email__iexact=email).values_list("status", flat=True).first()
        self.stdout.write(f"suppressed: {reason or 'no'}; subscriber: {status or 'none'}")
