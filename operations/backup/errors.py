"""What a backup or a restore refuses or fails with: each carries a message an operator can act on."""


class BackupError(Exception):
    """The backup could not be written; nothing that looks complete was left behind."""


class BackupInvalid(BackupError):
    """The backup is incomplete, corrupt or cannot be restored by this release: nothing was touched."""


class RestoreRefused(BackupError):
    """The restore would overwrite data (or cannot start): nothing was touched."""
