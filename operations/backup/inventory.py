"""What a database holds, read through any DB-API cursor: applied migrations, rows per table, files referred to.

The backup reads it in the same snapshot it dumps (PostgreSQL) or from the copy it made (SQLite), so the manifest
describes exactly the dump; the restore reads the counts again to prove the load complete.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.core.files.storage import storages
from django.db import models
from django.utils.functional import LazyObject, empty


@dataclass(frozen=True)
class Inventory:
    migrations: dict[str, list[str]]
    counts: dict[str, int]
    references: dict[str, set[str]]  # storage alias -> file names


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _unwrapped(storage):
    if isinstance(storage, LazyObject):  # default_storage and media's rendition storage are lazy
        if storage._wrapped is empty:
            storage._setup()
        storage = storage._wrapped
    return storage


def storage_alias(storage, name: str | None = None) -> str:
    """The STORAGES alias a file of a file field lives in. A storage that routes each name to one of several stores
    (media's renditions: public ones, and private collections' in the private store) says which with `store_for`."""
    storage = _unwrapped(storage)
    if name is not None and hasattr(storage, "store_for"):
        storage = _unwrapped(storage.store_for(name))
    for alias in storages.backends:
        if alias != "staticfiles" and storages[alias] is storage:
            return alias
    return "default"


def file_fields() -> list[tuple[str, str, object]]:
    """(table, column, storage) of every file field of every installed model."""
    found = []
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.local_concrete_fields:
            if isinstance(field, models.FileField):
                found.append((model._meta.db_table, field.column, field.storage))
    return found


def table_counts(cursor, tables: set[str]) -> dict[str, int]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {_quote(table)}")  # noqa: S608 - names come from the catalogue
        counts[table] = cursor.fetchone()[0]
    return counts


def inventory_read(cursor, tables: set[str]) -> Inventory:
    """Everything the manifest says about the database, for the tables that exist in it."""
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    migrations: dict[str, list[str]] = defaultdict(list)
    for app, name in cursor.fetchall():
        migrations[app].append(name)
    counts = table_counts(cursor, tables)
    references: dict[str, set[str]] = defaultdict(set)
    for table, column, storage in file_fields():
        if table in tables:
            cursor.execute(
                f"SELECT {_quote(column)} FROM {_quote(table)} WHERE {_quote(column)} <> ''"  # noqa: S608
            )
            for (name,) in cursor.fetchall():
                if name:
                    references[storage_alias(storage, name)].add(name)
    return Inventory(dict(migrations), counts, dict(references))
