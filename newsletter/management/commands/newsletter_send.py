"""Run from cron every minute: start scheduled issues that are due, resume sends whose worker stopped."""

from django.core.management.base import BaseCommand

from newsletter import sending


class Command(BaseCommand):
    help = "Start due scheduled newsletter issues and resume interrupted sends."

    def handle(self, *args, **options):
        started = sending.dispatches_start_due()
        resumed = sending.dispatches_resume_stalled()
        self.stdout.write(f"started {len(started)} scheduled issue(s), resumed {len(resumed)} send(s)")
