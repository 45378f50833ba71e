"""Backups and restores of everything the CMS owns: the database, originals, documents and renditions.

See docs/operations.md, "Backups". The services are `backup_create` and `backup_restore`; `target_open` gives the
folder or bucket backups are kept in.
"""

from .create import BackupResult, backup_create
from .errors import BackupError, BackupInvalid, RestoreRefused
from .restore import RestoreResult, backup_restore, backup_verify
from .targets import target_open

__all__ = [
    "BackupError",
    "BackupInvalid",
    "BackupResult",
    "RestoreRefused",
    "RestoreResult",
    "backup_create",
    "backup_restore",
    "backup_verify",
    "target_open",
]
