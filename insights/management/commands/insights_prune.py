"""Delete readers' counts and feedback older than INSIGHTS_RETENTION_MONTHS (every process also does it once a
day by itself; run this from cron when processes are short-lived, or to prune at once after lowering it)."""

from django.core.management.base import BaseCommand

from insights.services import counts_prune, retention_start


class Command(BaseCommand):
    help = "Delete insights counts and page feedback older than the retention period."

    def handle(self, *args, **options):
        start = retention_start()
        deleted = counts_prune()
        if options["verbosity"]:
            summary = ", ".join(f"{name} {count}" for name, count in deleted.items())
            self.stdout.write(f"kept from {start.isoformat()}; deleted: {summary}")
