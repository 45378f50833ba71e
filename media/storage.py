"""Where media files live: one private store for originals and documents, one public store for renditions.

Both are django-storages' S3Storage (AWS S3 or an S3-compatible store: MinIO, Ceph, Garage) when
AWS_STORAGE_BUCKET_NAME is set, and the local disk otherwise; cms/settings/storage.py picks them.

- ``PrivateMediaStorage`` (the default storage): original images and documents. Objects carry no public ACL and
  every URL is signed and expires (AWS_QUERYSTRING_EXPIRE). Documents reach readers through Wagtail's serve view,
  which checks collection privacy before redirecting to such a URL.
- ``PublicMediaStorage`` (the "renditions" storage): image renditions, under their own prefix
  (MEDIA_PUBLIC_LOCATION) that a bucket policy makes readable to anyone. URLs are plain, built locally.

Neither ``url()`` calls the store: django-storages signs (or formats) the URL in-process, so building the URLs of
a page of images costs no request. Only saving a file checks whether its name is taken (one HEAD per upload,
because AWS_S3_FILE_OVERWRITE is False).
"""

import posixpath

from boto3.exceptions import Boto3Error
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from django.core.files.storage import InvalidStorageError, Storage, default_storage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.deconstruct import deconstructible
from django.utils.functional import LazyObject, empty
from storages.backends.s3 import S3Storage
from storages.utils import setting as storage_setting

from media.privacy import PRIVATE_RENDITIONS_PREFIX

# What a store that is down, unreachable or misconfigured raises: botocore's network and credential errors, the
# store's own refusals (ClientError), boto3's transfer errors (S3UploadFailedError) and, on local disk, OSError.
STORAGE_ERRORS = (BotoCoreError, ClientError, Boto3Error, OSError)

PUBLIC_CACHE_CONTROL = "public, max-age=86400"


class _MediaS3Storage(S3Storage):
    # Never replace an object that has the same name: an upload gets a free name instead (one HEAD on save).
    file_overwrite = False

    def __init__(self, **options):
        super().__init__(**options)
        # An editor waiting on a store that is down should get an answer in seconds, not after botocore's default
        # 60 s connect timeout times five attempts. Values from AWS_S3_CLIENT_CONFIG, if set, take precedence.
        ours = {
            "connect_timeout": storage_setting("MEDIA_STORE_CONNECT_TIMEOUT", 5),
            "read_timeout": storage_setting("MEDIA_STORE_READ_TIMEOUT", 30),
            "retries": {"mode": "standard", "max_attempts": storage_setting("MEDIA_STORE_MAX_ATTEMPTS", 3)},
        }
        if self.endpoint_url:
            # boto3 >= 1.36 sends CRC checksums by default, which several S3-compatible stores reject:
            # https://github.com/boto/boto3/issues/4392
            ours |= {
                "request_checksum_calculation": "when_required",
                "response_checksum_validation": "when_required",
            }
        self.client_config = Config(**ours).merge(self.client_config)


class PrivateMediaStorage(_MediaS3Storage):
    """Originals and documents: private objects, reached only through signed URLs that expire."""

    querystring_auth = True
    # A custom domain (a CDN) cannot carry an S3 signature: private URLs always point at the store itself.
    custom_domain = None
    default_acl = None  # the bucket's own policy: private


class PublicMediaStorage(_MediaS3Storage):
    """Renditions: public objects under their own prefix, with plain URLs built without calling the store."""

    querystring_auth = False

    def get_default_settings(self):
        defaults = super().get_default_settings()
        return {
            **defaults,
            "location": posixpath.join(
                defaults["location"], storage_setting("MEDIA_PUBLIC_LOCATION", "public")
            ),
            # Stores that honour object ACLs may use "public-read"; others (MinIO, Garage, AWS buckets with ACLs
            # disabled) rely on a bucket policy for the prefix instead. See docs/media.md.
            "default_acl": storage_setting("MEDIA_PUBLIC_ACL") or None,
        }

    def get_object_parameters(self, name):
        # A day, not a year: when an image is deleted and another uploaded with the same file name, its renditions
        # can get the same names back.
        return {"CacheControl": PUBLIC_CACHE_CONTROL, **super().get_object_parameters(name)}


@deconstructible(path="media.storage.RenditionStorage")
class RenditionStorage(Storage):
    """Renditions: the "renditions" (public) store, except those of private collections' images, whose names start
    with PRIVATE_RENDITIONS_PREFIX and live in the private store (media/privacy.py). Every call goes to the store
    the name belongs to."""

    def __init__(self):
        try:
            self.public = storages["renditions"]
        except InvalidStorageError:
            self.public = storages["default"]
        self.private = storages["default"]

    def store_for(self, name: str) -> Storage:
        """The store `name` lives in (also read by the backup's inventory, operations/backup/inventory.py)."""
        return self.private if str(name).startswith(PRIVATE_RENDITIONS_PREFIX) else self.public

    def open(self, name, mode="rb"):
        return self.store_for(name).open(name, mode)

    def save(self, name, content, max_length=None):
        return self.store_for(name).save(name, content, max_length=max_length)

    def get_valid_name(self, name):
        return self.public.get_valid_name(name)

    def get_available_name(self, name, max_length=None):
        return self.store_for(name).get_available_name(name, max_length=max_length)

    def generate_filename(self, filename):
        return self.store_for(filename).generate_filename(filename)

    def delete(self, name):
        return self.store_for(name).delete(name)

    def exists(self, name):
        return self.store_for(name).exists(name)

    def listdir(self, path):
        return self.store_for(path).listdir(path)

    def size(self, name):
        return self.store_for(name).size(name)

    def url(self, name):
        return self.store_for(name).url(name)

    def path(self, name):
        return self.store_for(name).path(name)

    def get_accessed_time(self, name):
        return self.store_for(name).get_accessed_time(name)

    def get_created_time(self, name):
        return self.store_for(name).get_created_time(name)

    def get_modified_time(self, name):
        return self.store_for(name).get_modified_time(name)


class _RenditionStorage(LazyObject):
    """The renditions' storage, resolved on first use and again after the settings change (as default_storage)."""

    def _setup(self):
        self._wrapped = RenditionStorage()


rendition_storage = _RenditionStorage()


def get_rendition_storage():
    """WAGTAILIMAGES_RENDITION_STORAGE points here: Wagtail calls it once, when the rendition model is built."""
    return rendition_storage


@receiver(setting_changed)
def _storages_reset(*, setting, **kwargs):
    # Django forgets default_storage when STORAGES changes; storages also read AWS_* and MEDIA_* settings when they
    # are made, so a change to those must make them anew too (override_settings in tests, mostly).
    if setting in {"STORAGES", "WAGTAILIMAGES_RENDITION_STORAGE"} or setting.startswith(("AWS_", "MEDIA_")):
        storages._storages = {}
        default_storage._wrapped = empty
        rendition_storage._wrapped = empty
