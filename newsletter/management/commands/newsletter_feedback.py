"""Mark addresses bounced or complained, by hand or from a file of provider events (one JSON object a line).

    manage.py newsletter_feedback bounce person@example.org            # hard bounce
    manage.py newsletter_feedback bounce person@example.org --soft
    manage.py newsletter_feedback complaint person@example.org
    manage.py newsletter_feedback --file events.jsonl                  # {"id": ..., "type": "bounce", "email": ...}

The same service as the webhook (newsletter.feedback): the whole file is validated first and applied in one
transaction; events with an "id" already processed (by the webhook or an earlier run) are skipped.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from newsletter.feedback import FeedbackPayloadError, feedback_event_parse, feedback_events_apply


class Command(BaseCommand):
    help = "Record bounces and complaints: hard bounces and complaints stop future sends."

    def add_arguments(self, parser):
        parser.add_argument("type", nargs="?", choices=["bounce", "complaint"])
        parser.add_argument("email", nargs="?")
        parser.add_argument("--soft", action="store_true", help="a temporary (soft) bounce")
        parser.add_argument("--message-id", default="")
        parser.add_argument("--file", help="JSON lines, the same events the webhook accepts")

    def handle(self, *args, type=None, email=None, soft=False, message_id="", file=None, **options):
        try:
            if file:
                events = self._read(file)
            elif type and email:
                raw = {"type": type, "email": email, "permanent": not soft, "message_id": message_id}
                events = [feedback_event_parse(raw, where="arguments")]
            else:
                raise CommandError("Give a type and an address, or --file.")
        except FeedbackPayloadError as error:
            raise CommandError(f"Nothing recorded: {error}") from None
        result = feedback_events_apply(events=events)
        # Counts only: addresses are personal data and do not belong in logs.
        self.stdout.write(
            f"{result.received} event(s), {result.matched} matched a subscriber, "
            f"{result.duplicates} already processed"
        )

    def _read(self, path: str):
        events = []
        with open(path, encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                where = f"line {number}"
                try:
                    raw = json.loads(line)
                except ValueError:
                    raise FeedbackPayloadError(f"{where}: not JSON") from None
                events.append(feedback_event_parse(raw, where=where))
        return events
