"""`python manage.py seed_demo`: a realistic multilingual demo site, safe to run again."""

import time

from django.core.management.base import BaseCommand

from content_models.demo import StepResult, demo_seed


class Command(BaseCommand):
    help = (
        "Create the demo site: the Italian home page and sections, topics, service points, images, "
        "documents, services, events, news, infographics and associations, translated into English, French "
        "and Arabic through wagtail-localize. Idempotent: a second run creates nothing."
    )

    def handle(self, *args, **options):
        verbose = options["verbosity"] >= 1
        started = time.monotonic()

        def progress(result: StepResult) -> None:
            if verbose:
                self.stdout.write(f"{result}  [{time.monotonic() - started:.1f} s]")

        results = demo_seed(progress=progress)
        created = sum(result.created for result in results)
        if verbose:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo site ready: {created} objects created in {time.monotonic() - started:.1f} s"
                )
            )
