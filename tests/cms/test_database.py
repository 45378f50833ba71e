"""The suite runs on the database the environment names: CI's second run must really be PostgreSQL."""

import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_database_backend_follows_database_url():
    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    assert connection.vendor == expected


@pytest.mark.django_db
def test_embedded_sqlite_runs_in_wal_mode(settings, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the embedded default only applies to SQLite")
    # The test database is in memory (where WAL does not apply); open the embedded settings on a real file.
    import sqlite3

    from cms.settings.base import EMBEDDED_SQLITE

    database = sqlite3.connect(tmp_path / "wal.sqlite3")
    database.executescript(EMBEDDED_SQLITE["OPTIONS"]["init_command"])
    assert database.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
