"""cms/settings/storage.py: S3 only when a bucket is named, with what S3-compatible stores need."""

import importlib

import pytest

import cms.settings.storage as storage_settings

S3_VARIABLES = (
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_ADDRESSING_STYLE",
    "AWS_S3_CUSTOM_DOMAIN",
)


@pytest.fixture
def reload_settings(monkeypatch):
    def reload(**env):
        for name in S3_VARIABLES:
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        return importlib.reload(storage_settings)

    yield reload
    monkeypatch.undo()
    importlib.reload(storage_settings)


def test_without_a_bucket_files_stay_on_local_disk(reload_settings):
    module = reload_settings()

    assert module.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert module.STORAGES["renditions"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert not hasattr(module, "WAGTAILDOCS_SERVE_METHOD")


def test_a_bucket_on_an_s3_compatible_store(reload_settings):
    module = reload_settings(AWS_STORAGE_BUCKET_NAME="interazioni", AWS_S3_ENDPOINT_URL="http://minio:9000")

    assert module.STORAGES["default"]["BACKEND"] == "media.storage.PrivateMediaStorage"
    assert module.STORAGES["renditions"]["BACKEND"] == "media.storage.PublicMediaStorage"
    assert module.STORAGES["staticfiles"]  # kept from base.py
    assert module.AWS_S3_ADDRESSING_STYLE == "path"
    assert module.AWS_S3_FILE_OVERWRITE is False
    assert module.WAGTAILDOCS_SERVE_METHOD == "redirect"
    assert set(module.__all__) >= {"STORAGES", "AWS_S3_ENDPOINT_URL", "WAGTAILDOCS_SERVE_METHOD"}


def test_a_bucket_on_aws_lets_boto_choose_the_addressing(reload_settings):
    module = reload_settings(AWS_STORAGE_BUCKET_NAME="interazioni")

    assert module.AWS_S3_ENDPOINT_URL is None
    assert module.AWS_S3_ADDRESSING_STYLE is None


def test_credentials_are_never_settings(reload_settings):
    module = reload_settings(AWS_STORAGE_BUCKET_NAME="interazioni", AWS_SECRET_ACCESS_KEY="s3cr3t")

    assert not any("SECRET" in name or "ACCESS_KEY" in name for name in module.__all__)
