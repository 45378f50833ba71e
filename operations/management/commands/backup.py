"""`manage.py backup`: one complete, timestamped backup to BACKUP_TARGET, then retention (docs/operations.md)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, backup_create, target_open


class Command(BaseCommand):
    help = (
        "Back up the database and every file it refers to (originals, documents, renditions) to BACKUP_TARGET, "
        "a folder or s3://bucket/prefix, with a manifest written last; then keep the newest BACKUP_KEEP backups. "
        "Safe while the site serves and from cron. Exits with status 1, keeping nothing, on any failure."
    )

    def add_arguments(self, parser):
        parser.add_argument("--target", help="A folder or s3://bucket/prefix (default: BACKUP_TARGET).")
        parser.add_argument(
            "--keep",
            type=int,
            default=None,
            help="Complete backups to keep (default: BACKUP_KEEP; 0 keeps all).",
        )
        parser.add_argument(
            "--list", action="store_true", help="List the complete backups in the target and exit."
        )

    def handle(self, *args, verbosity=1, target=None, keep=None, list=False, **options):
        self.verbosity = verbosity
        try:
            destination = target_open(target)
            if list:
                for name in destination.complete():
                    self.stdout.write(name)
                return
            keep = settings.BACKUP_KEEP if keep is None else keep
            result = backup_create(target=destination, keep=keep, progress=self._progress)
        except BackupError as error:
            raise CommandError(str(error)) from error
        manifest = result.manifest
        for item in manifest.missing:
            self.stderr.write(
                self.style.WARNING(f"missing in the store, not backed up: {item['storage']}/{item['name']}")
            )
        if self.verbosity < 1:  # cron mails what a job prints: nothing when all went well
            return
        for name in result.removed:
            self.stdout.write(f"removed (retention): {name}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup {result.name} complete in {result.target}: {len(manifest.files)} files, "
                f"{manifest.size} bytes, {result.seconds:.1f} s"
            )
        )

    def _progress(self, line: str) -> None:
        if self.verbosity >= 1:
            self.stdout.write(line)
