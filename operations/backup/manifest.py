"""The manifest: what a backup holds and how to check it, written last so that only a complete backup has one.

It records the versions that made the backup, the migrations applied in the database, the number of rows of every
table, where the files came from, and the size and sha256 of every file in the backup.
"""

import io
import json
from dataclasses import asdict, dataclass, field

from .errors import BackupInvalid
from .stores import HashingReader, Store

MANIFEST_NAME = "manifest.json"
FORMAT = 1


@dataclass(frozen=True)
class FileEntry:
    path: str  # inside the backup: database/..., files/<storage alias>/<name>
    size: int
    sha256: str


@dataclass
class Manifest:
    name: str
    created_at: str
    finished_at: str
    versions: dict[str, str]
    database: dict[str, str]  # vendor, path (of the dump, also in files)
    migrations: dict[str, list[str]]  # app label -> applied migration names
    counts: dict[str, int]  # table -> rows
    storages: dict[str, str]  # storage alias -> where its files came from
    files: list[FileEntry]
    # Files the database refers to that were not in the store when the backup was made.
    missing: list[dict[str, str]] = field(default_factory=list)
    format: int = FORMAT

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), indent=1, ensure_ascii=False).encode()

    @classmethod
    def from_json(cls, data: bytes) -> "Manifest":
        try:
            raw = json.loads(data)
            if raw.get("format") != FORMAT:
                raise BackupInvalid(
                    f"The manifest is in format {raw.get('format')!r}; this release reads format {FORMAT}."
                )
            raw["files"] = [FileEntry(**entry) for entry in raw["files"]]
            return cls(**raw)
        except BackupInvalid:
            raise
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            raise BackupInvalid(f"The manifest is damaged and cannot be read ({error}).") from error

    @property
    def size(self) -> int:
        return sum(entry.size for entry in self.files)

    def files_under(self, prefix: str) -> list[FileEntry]:
        return [entry for entry in self.files if entry.path.startswith(prefix)]


def manifest_write(store: Store, manifest: Manifest) -> None:
    store.write(MANIFEST_NAME, io.BytesIO(manifest.to_json()))


def manifest_read(store: Store) -> Manifest:
    try:
        with store.open(MANIFEST_NAME) as stream:
            data = stream.read()
    except FileNotFoundError:
        raise BackupInvalid(
            f"{store.describe()} has no {MANIFEST_NAME}: the backup is incomplete (it was interrupted)."
        ) from None
    return Manifest.from_json(data)


def entry_verify(store: Store, entry: FileEntry) -> str | None:
    """What is wrong with one file of the backup, or None."""
    try:
        with store.open(entry.path) as stream:
            reader = HashingReader(stream)
            while reader.read(1024 * 1024):
                pass
    except FileNotFoundError:
        return f"{entry.path}: missing"
    digest = reader.digest()
    if digest.size != entry.size:
        return f"{entry.path}: {digest.size} bytes, the manifest says {entry.size}"
    if digest.sha256 != entry.sha256:
        return f"{entry.path}: its checksum does not match the manifest (the file is damaged)"
    return None


def manifest_verify(store: Store, manifest: Manifest) -> None:
    """Every file is there with its size and checksum; otherwise BackupInvalid naming the first problems."""
    problems = [problem for entry in manifest.files if (problem := entry_verify(store, entry))]
    if problems:
        shown = "; ".join(problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
        raise BackupInvalid(f"The backup {manifest.name} is damaged: {shown}.")
