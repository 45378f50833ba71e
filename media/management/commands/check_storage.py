"""`manage.py check_storage`: can this deployment write, read and delete media? Exits non-zero when it cannot."""

from django.core.management.base import BaseCommand, CommandError

from media.health import storage_check


class Command(BaseCommand):
    help = (
        "Check the media stores: reachable, and a probe object can be written, read back and deleted in each "
        "(originals and documents; renditions). Exits with status 1 on any failure."
    )
    # The store is checked on its own: an operator must get this answer even when something else fails the checks.
    requires_system_checks = ()

    def add_arguments(self, parser):
        parser.add_argument(
            "--urls",
            action="store_true",
            help="Also fetch the probes over HTTP from this machine: the rendition URL must open as it is, the "
            "private URL only with its signature.",
        )

    def handle(self, *args, urls=False, **options):
        steps = storage_check(check_urls=urls)
        for step in steps:
            mark = self.style.SUCCESS("OK  ") if step.ok else self.style.ERROR("FAIL")
            self.stdout.write(f"{mark} {step.store:<10} {step.name:<9} {step.detail}")
        if not all(step.ok for step in steps):
            raise CommandError("The media store is not working: see the FAIL lines above.")
        self.stdout.write(self.style.SUCCESS("Media storage works."))
