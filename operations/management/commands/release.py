"""`manage.py release`: the one release step of an upgrade (docs/operations.md, "Upgrades")."""

from django.core.management.base import BaseCommand

from operations.release import release_run


class Command(BaseCommand):
    help = (
        "Run before new code serves: migrate, compile the message catalogues, make the missing named renditions, "
        "clear the caches. Safe to run twice. Exits with status 1 when a migration fails."
    )

    def handle(self, *args, **options):
        report = release_run(progress=self.stdout.write)
        for warning in report.warnings:
            self.stderr.write(self.style.WARNING(warning))
        self.stdout.write(self.style.SUCCESS("Release step complete."))
