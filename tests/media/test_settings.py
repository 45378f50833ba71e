"""cms/settings/storage.py: S3 only when a bucket is named, with what S3-compatible stores need."""

import environ
import pytest

from cms.settings.storage import storage_settings

BASE_STORAGES = {"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
S3_VARIABLES = (
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_ADDRESSING_STYLE",
    "AWS_S3_CUSTOM_DOMAIN",
)


@pytest.fixture
def settings_for(monkeypatch):
    def read(**env):
        for name in S3_VARIABLES:
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        return storage_settings(environ.Env(), BASE_STORAGES)

    return read


def test_without_a_bucket_files_stay_on_local_disk(settings_for):
    settings = settings_for()

    assert settings["STORAGES"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert settings["STORAGES"]["renditions"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert "WAGTAILDOCS_SERVE_METHOD" not in settings


def test_a_bucket_on_an_s3_compatible_store(settings_for):
    settings = settings_for(AWS_STORAGE_BUCKET_NAME="interazioni", AWS_S3_ENDPOINT_URL="http://minio:9000")

    assert settings["STORAGES"]["default"]["BACKEND"] == "media.storage.PrivateMediaStorage"
    assert settings["STORAGES"]["renditions"]["BACKEND"] == "media.storage.PublicMediaStorage"
    assert settings["STORAGES"]["staticfiles"] == BASE_STORAGES["staticfiles"]  # kept from base.py
    assert settings["AWS_S3_ADDRESSING_STYLE"] == "path"
    assert settings["AWS_S3_FILE_OVERWRITE"] is False
    assert settings["WAGTAILDOCS_SERVE_METHOD"] == "redirect"


def test_a_bucket_on_aws_lets_boto_choose_the_addressing(settings_for):
    settings = settings_for(AWS_STORAGE_BUCKET_NAME="interazioni")

    assert settings["AWS_S3_ENDPOINT_URL"] is None
    assert settings["AWS_S3_ADDRESSING_STYLE"] is None


def test_credentials_are_never_settings(settings_for):
    settings = settings_for(AWS_STORAGE_BUCKET_NAME="interazioni", AWS_SECRET_ACCESS_KEY="s3cr3t")

    assert not any("SECRET" in name or "ACCESS_KEY" in name for name in settings)


def test_base_settings_take_them(settings):
    assert settings.STORAGES["renditions"]["BACKEND"].endswith("FileSystemStorage")
    assert hasattr(settings, "MEDIA_PREGENERATE_RENDITIONS") and settings.WAGTAILIMAGES_RENDITION_STORAGE
