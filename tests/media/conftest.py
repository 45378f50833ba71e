"""A real S3 protocol server for the media tests: moto's, on loopback, started once per test session.

Nothing of boto3 is mocked: django-storages talks HTTP to the server exactly as it talks to MinIO or AWS, and the
tests fetch URLs with requests as a browser would. Each test gets its own bucket, set up as docs/media.md tells
operators to (private by default, the public prefix readable by anyone).
"""

import json
import logging
import socket
import uuid
from dataclasses import dataclass

import boto3
import pytest
from django.core.cache import cache
from moto.server import ThreadedMotoServer
from wagtail.users.models import UserProfile

REGION = "us-east-1"
PUBLIC_PREFIX = "public"


@dataclass(frozen=True)
class S3:
    endpoint: str
    bucket: str
    client: object  # a boto3 S3 client, for looking inside the bucket

    def keys(self, prefix: str = "") -> list[str]:
        response = self.client.list_objects_v2(Bucket=self.bucket, Prefix=prefix)
        return sorted(item["Key"] for item in response.get("Contents", []))

    def body(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.bucket, Key=key)["Body"].read()


@pytest.fixture(scope="session")
def s3_server():
    logging.getLogger("werkzeug").setLevel(
        logging.WARNING
    )  # one line per request is noise in failure reports
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def _public_read_policy(bucket: str) -> str:
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "PublicRenditions",
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": ["s3:GetObject"],
                    "Resource": [f"arn:aws:s3:::{bucket}/{PUBLIC_PREFIX}/*"],
                }
            ],
        }
    )


def s3_settings_apply(settings, *, endpoint: str, bucket: str) -> None:
    """What cms/settings/storage.py sets when AWS_STORAGE_BUCKET_NAME is in the environment."""
    settings.AWS_STORAGE_BUCKET_NAME = bucket
    settings.AWS_S3_ENDPOINT_URL = endpoint
    settings.AWS_ACCESS_KEY_ID = "testing"
    settings.AWS_SECRET_ACCESS_KEY = "testing"
    settings.AWS_S3_REGION_NAME = REGION
    settings.AWS_S3_ADDRESSING_STYLE = "path"
    settings.AWS_S3_SIGNATURE_VERSION = "s3v4"
    settings.AWS_QUERYSTRING_EXPIRE = 600
    settings.AWS_S3_FILE_OVERWRITE = False
    settings.AWS_DEFAULT_ACL = None
    settings.MEDIA_PUBLIC_LOCATION = PUBLIC_PREFIX
    settings.MEDIA_PUBLIC_ACL = ""
    # A store that is down must fail fast in tests too.
    settings.MEDIA_STORE_MAX_ATTEMPTS = 1
    settings.MEDIA_STORE_CONNECT_TIMEOUT = 2
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "media.storage.PrivateMediaStorage"},
        "renditions": {"BACKEND": "media.storage.PublicMediaStorage"},
    }


@pytest.fixture
def s3(settings, s3_server):
    """Media stored in a fresh bucket of the S3 server; returns what a test needs to look inside it."""
    bucket = f"media-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name=REGION,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=bucket)
    client.put_bucket_policy(Bucket=bucket, Policy=_public_read_policy(bucket))
    s3_settings_apply(settings, endpoint=s3_server, bucket=bucket)
    return S3(endpoint=s3_server, bucket=bucket, client=client)


@pytest.fixture
def closed_port_endpoint():
    """The address of a store that is down: a loopback port nothing listens on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture(autouse=True)
def _renditions_cache_clear():
    # Wagtail caches renditions by image id in the default cache; ids come back after each test's rollback.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def admin_client(admin_client, admin_user):
    """pytest-django's superuser client, with the admin in English so tests can read its messages."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    return admin_client
