"""Mark addresses bounced or complained, by hand or from a file of provider events (one JSON object a line).

    manage.py newsletter_feedback bounce person@example.org            # hard bounce
    manage.py newsletter_feedback bounce person@example.org --soft
    manage.py newsletter_feedback complaint person@example.org
    manage.py newsletter_feedback --file events.jsonl                  # {"type": "bounce", "email": ..., ...}
"""

import json

from django.core.management.base import BaseCommand, CommandError

from newsletter.views import feedback_apply


class Command(BaseCommand):
    help = "Record bounces and complaints: hard bounces and complaints stop future sends."

    def add_arguments(self, parser):
        parser.add_argument("type", nargs="?", choices=["bounce", "complaint"])
        parser.add_argument("email", nargs="?")
        parser.add_argument("--soft", action="store_true", help="a temporary (soft) bounce")
        parser.add_argument("--message-id", default="")
        parser.add_argument("--file", help="JSON lines, the same events the webhook accepts")

    def handle(self, *args, type=None, email=None, soft=False, message_id="", file=None, **options):
        if file:
            with open(file, encoding="utf-8") as lines:
                events = [json.loads(line) for line in lines if line.strip()]
        elif type and email:
            events = [{"type": type, "email": email, "permanent": not soft, "message_id": message_id}]
        else:
            raise CommandError("Give a type and an address, or --file.")
        known = sum(bool(feedback_apply(event)) for event in events)
        # Counts only: addresses are personal data and do not belong in logs.
        self.stdout.write(f"{len(events)} event(s), {known} matched a subscriber")
