"""Write the counts waiting in Redis to the database (INSIGHTS_BUFFER=redis). Every web process does it by
itself every INSIGHTS_FLUSH_SECONDS; from cron this is a safety net for sites where no process ran lately."""

from django.core.management.base import BaseCommand

from insights.buffer import flush


class Command(BaseCommand):
    help = "Write the readers' counts waiting in this process and in Redis to the database."

    def handle(self, *args, **options):
        written = flush()
        if options["verbosity"]:
            self.stdout.write(f"{written} counter(s) written")
