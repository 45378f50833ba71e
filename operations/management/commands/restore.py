"""`manage.py restore NAME|latest`: a verified backup into an empty database and store (docs/operations.md)."""

from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, backup_restore, backup_verify, target_open


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup`. Checks the whole backup first (manifest, sizes, checksums, "
        "release) and refuses a damaged or incomplete one before touching anything. Refuses a database or media "
        "store that is not empty unless --force. Applies the migrations this release adds, then clears the caches."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="The backup's name (see `manage.py backup --list`), or 'latest'.")
        parser.add_argument("--target", help="A folder or s3://bucket/prefix (default: BACKUP_TARGET).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the database and the files of a deployment that is not empty.",
        )
        parser.add_argument(
            "--verify-only",
            action="store_true",
            help="Check the backup (manifest, checksums, release) and stop.",
        )

    def handle(self, *args, verbosity=1, name, target=None, force=False, verify_only=False, **options):
        self.verbosity = verbosity
        try:
            source = target_open(target)
            if name == "latest":
                complete = source.complete()
                if not complete:
                    raise CommandError(f"No complete backup in {source.describe()}.")
                name = complete[-1]
            if verify_only:
                manifest = backup_verify(source.open(name), self._progress)
                self.stdout.write(self.style.SUCCESS(f"Backup {manifest.name} is complete and intact."))
                return
            result = backup_restore(target=source, name=name, force=force, progress=self._progress)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if result.renditions_dropped:
            self.stdout.write(
                f"renditions whose file was missing, to be made again: {result.renditions_dropped}"
            )
        self.stdout.write(
            self.style.SUCCESS(f"Restored {result.name}: {result.files} files, {result.seconds:.1f} s")
        )

    def _progress(self, line: str) -> None:
        if self.verbosity >= 1:
            self.stdout.write(line)
