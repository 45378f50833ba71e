"""Fixtures of the operations tests: content worth backing up, files on the S3 protocol server, database helpers.

Backups read the database through their own connection (pg_dump, or SQLite's backup API), so the tests that make
one are transactional: what they seed is committed, as on a live site.
"""

import uuid

import boto3
import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection

from tests.factories import DocumentFactory, ImageFactory, NewsPageFactory, ServicePageFactory, png_bytes
from tests.media.conftest import REGION, closed_port_endpoint, s3, s3_server  # noqa: F401 (fixtures)


def bucket_create(endpoint: str, name: str):
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=name)
    return client


@pytest.fixture
def backup_bucket(s3_server, monkeypatch, settings):  # noqa: F811 (the fixture imported above)
    """A second bucket on the S3 server for the backups themselves: s3://<name>/nightly."""
    name = f"backups-{uuid.uuid4().hex[:12]}"
    client = bucket_create(s3_server, name)
    settings.BACKUP_S3_ENDPOINT_URL = s3_server
    settings.BACKUP_S3_REGION_NAME = REGION
    monkeypatch.setenv("BACKUP_AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("BACKUP_AWS_SECRET_ACCESS_KEY", "testing")
    return f"s3://{name}/nightly", client, name


def tables_drop() -> None:
    """Empty the database completely, as a new server's would be (the test's own way, not the code under test)."""
    quote = connection.ops.quote_name
    tables = connection.introspection.table_names()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP TABLE {', '.join(map(quote, tables))} CASCADE")
        else:
            cursor.execute("PRAGMA foreign_keys = OFF")
            for table in tables:
                cursor.execute(f"DROP TABLE IF EXISTS {quote(table)}")  # FTS5 drops its shadow tables itself
            cursor.execute("PRAGMA foreign_keys = ON")
    assert connection.introspection.table_names() == []


@pytest.fixture
def small_site(migrations_data, locales, sections, translate):
    """A service page with an image and a document in its body, translated into Arabic, and a news page."""
    from content_models.models import NewsIndexPage, ServiceIndexPage

    image = ImageFactory(
        title="Sportello", file=ContentFile(png_bytes(640, 480, (200, 40, 40)), name="sportello.png")
    )
    document = DocumentFactory(title="Modulo di iscrizione")
    service = ServicePageFactory(
        parent=sections[ServiceIndexPage],
        title="Corsi di italiano L2",
        slug="corsi-di-italiano-l2",
        body=[
            ("paragraph", "<p>Corsi gratuiti di lingua italiana per adulti.</p>"),
            ("image", {"image": image, "caption": "Lo sportello", "alt_text": "Persone allo sportello"}),
            ("document", {"document": document, "title": "Modulo", "description": "Da compilare"}),
        ],
    )
    translate(service, "ar", title="دورات اللغة الإيطالية", summary="دورات مجانية للكبار.")
    news = NewsPageFactory(
        parent=sections[NewsIndexPage], title="Nuovi corsi a settembre", slug="nuovi-corsi"
    )
    return {"service": service, "news": news, "image": image, "document": document}


@pytest.fixture(autouse=True)
def _caches_clear():
    # API responses are stamped with the content generation, which starts again from the same numbers in every
    # transactional test: a response a previous test stored must not be served to this one.
    cache.clear()
    yield
    cache.clear()
