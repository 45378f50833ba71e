"""Send what is due in the social outbox and the publish webhooks: for cron (e.g. every minute).

Publishing enqueues sending at once; this command picks up scheduled posts, retries and claims left by a worker
that died. Safe to run concurrently: every delivery is claimed before it is sent.
"""

from django.core.management.base import BaseCommand

from distribution.outbox.processing import deliveries_process_due
from distribution.webhooks.sending import webhook_deliveries_process_due


class Command(BaseCommand):
    help = "Send due social posts and publish webhooks, and retry failed ones whose time has come."

    def handle(self, *args, **options):
        social = deliveries_process_due()
        webhooks = webhook_deliveries_process_due()
        self.stdout.write(f"social: {_summary(social)}; webhooks: {_summary(webhooks)}")


def _summary(counts: dict[str, int]) -> str:
    return ", ".join(f"{state} {count}" for state, count in sorted(counts.items())) or "nothing due"
