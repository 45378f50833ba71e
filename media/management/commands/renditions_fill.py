"""`manage.py renditions_fill`: make the named renditions that are missing (docs/media.md, "Named renditions")."""

from django.core.management.base import BaseCommand, CommandError

from media.renditions import rendition_specs
from media.renditions_fill import renditions_fill


class Command(BaseCommand):
    help = (
        "Create the named renditions (media/renditions.py) that are missing, for every image, in batches. "
        "Idempotent: run it after a release that adds or changes a rendition, or after a restore. Exits with "
        "status 1 when some images could not be processed (their originals are missing or the store is down)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "names", nargs="*", help=f"Rendition names (default: all of {', '.join(rendition_specs())})."
        )
        parser.add_argument(
            "--batch-size", type=int, default=100, help="Images read per query (default 100)."
        )

    def handle(self, *args, names, batch_size, verbosity=1, **options):
        self.verbosity = verbosity
        unknown = sorted(set(names) - set(rendition_specs()))
        if unknown:
            raise CommandError(
                f"Unknown rendition names: {', '.join(unknown)}; known: {', '.join(rendition_specs())}"
            )
        result = renditions_fill(names=names or None, batch_size=batch_size, progress=self._progress)
        self.stdout.write(f"{result.images} images checked, {result.created} renditions created")
        if result.failed:
            raise CommandError(
                f"{len(result.failed)} images could not be processed (ids {', '.join(map(str, result.failed[:20]))}"
                f"{' ...' if len(result.failed) > 20 else ''}): see the warnings above."
            )

    def _progress(self, result):
        if self.verbosity >= 2:
            self.stdout.write(f"... {result.images} images, {result.created} renditions created")
