"""Dump and load the database: pg_dump's custom format on PostgreSQL, SQLite's online backup API on SQLite.

Both dumps are consistent while the site keeps writing. On PostgreSQL the backup opens a read-only repeatable-read
transaction, exports its snapshot, and pg_dump dumps that same snapshot while the inventory (counts, migrations,
file names) is read in it. On SQLite the backup API copies the database page by page (restarting if a writer
changes it meanwhile) and the inventory is read from the copy.
"""

import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, connections

from .errors import BackupError, BackupInvalid
from .inventory import Inventory, inventory_read, table_counts

DUMP_NAMES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


@dataclass(frozen=True)
class Dump:
    path: Path
    vendor: str
    server_version: str
    inventory: Inventory


def _pg_command(program: str, *arguments: str) -> tuple[list[str], dict[str, str]]:
    """A libpq program with the connection of DATABASES["default"] (password and TLS options in its environment)."""
    settings_dict = connection.settings_dict
    psql, extra_env = connection.client.settings_to_cmd_args_env(settings_dict, [])
    # psql's arguments end with the database name; pg_restore would read a trailing name as its input file.
    options, dbname = psql[1:-1], psql[-1]
    if shutil.which(program) is None:
        raise BackupError(f"{program} is not installed (Debian: postgresql-client).")
    return [program, *options, f"--dbname={dbname}", *arguments], {**os.environ, **(extra_env or {})}


def _run(command: list[str], env: dict[str, str], what: str) -> str:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(
            f"{what} failed ({command[0]} exited with {result.returncode}): {result.stderr.strip()}"
        )
    return result.stdout


def _tables(wrapper, cursor) -> set[str]:
    return set(wrapper.introspection.table_names(cursor))


def _postgresql_dump(directory: Path) -> Dump:
    path = directory / DUMP_NAMES["postgresql"]
    snapshot_connection = connections.create_connection("default")
    try:
        with snapshot_connection.cursor() as cursor:
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot(), current_setting('server_version')")
            snapshot, version = cursor.fetchone()
            command, env = _pg_command(
                "pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={path}"
            )
            _run(command, env, "pg_dump")
            inventory = inventory_read(cursor, _tables(snapshot_connection, cursor))
            cursor.execute("COMMIT")
    finally:
        snapshot_connection.close()
    return Dump(path, "postgresql", f"PostgreSQL {version}", inventory)


def _sqlite_dump(directory: Path) -> Dump:
    path = directory / DUMP_NAMES["sqlite"]
    source = connections.create_connection("default")
    try:
        source.ensure_connection()
        copy = sqlite3.connect(path)
        try:
            source.connection.backup(copy)
            # A self-contained file: no -wal beside it, readable from a read-only folder.
            copy.execute("PRAGMA journal_mode=DELETE")
            tables = {row[0] for row in copy.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            inventory = inventory_read(copy.cursor(), tables - {"sqlite_sequence"})
        finally:
            copy.close()
    except sqlite3.Error as error:
        raise BackupError(f"Copying the SQLite database failed: {error}") from error
    finally:
        source.close()
    return Dump(path, "sqlite", f"SQLite {sqlite3.sqlite_version}", inventory)


def database_dump(directory: Path) -> Dump:
    """A consistent dump of DATABASES["default"] in `directory`, with the inventory of that same state."""
    if connection.vendor == "postgresql":
        return _postgresql_dump(directory)
    if connection.vendor == "sqlite":
        return _sqlite_dump(directory)
    raise BackupError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")


def dump_check(path: Path, vendor: str) -> None:
    """The dump can be read back (on top of its checksum): pg_restore lists it, SQLite finds it intact."""
    if vendor == "postgresql":
        command, env = _pg_command("pg_restore", "--list", str(path))
        command = [part for part in command if not part.startswith("--dbname=")]
        try:
            _run(command, env, "Reading the dump")
        except BackupError as error:
            raise BackupInvalid(str(error)) from error
        return
    try:
        check = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = check.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            check.close()
    except sqlite3.Error as error:
        raise BackupInvalid(f"The SQLite copy cannot be read: {error}") from error
    if result != "ok":
        raise BackupInvalid(f"The SQLite copy is damaged: {result}")


def database_tables() -> set[str]:
    with connection.cursor() as cursor:
        return _tables(connection, cursor)


def database_wipe() -> None:
    """Drop every table of DATABASES["default"] (restore --force)."""
    tables = sorted(database_tables())
    if not tables:
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP TABLE {', '.join(quote(table) for table in tables)} CASCADE")
            return
        cursor.execute("PRAGMA foreign_keys = OFF")
        try:
            for table in tables:
                cursor.execute(f"DROP TABLE IF EXISTS {quote(table)}")  # FTS5 drops its shadow tables itself
        finally:
            cursor.execute("PRAGMA foreign_keys = ON")


def database_load(path: Path, vendor: str) -> None:
    """Load a dump into DATABASES["default"], which must be empty."""
    if vendor == "postgresql":
        command, env = _pg_command(
            "pg_restore",
            "--exit-on-error",
            "--single-transaction",
            "--no-owner",
            "--no-privileges",
            str(path),
        )
        _run(command, env, "pg_restore")
        return
    connection.ensure_connection()
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        source.backup(connection.connection)
    finally:
        source.close()
    # The copy was made in rollback-journal mode; the embedded settings want WAL again.
    connection.close()


def database_counts(tables: set[str]) -> dict[str, int]:
    with connection.cursor() as cursor:
        return table_counts(cursor, tables)
