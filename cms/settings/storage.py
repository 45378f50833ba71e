"""Where uploaded media live, and how uploads are accepted: `storage_settings(env, storages)`; see docs/media.md.

Without AWS_STORAGE_BUCKET_NAME, files stay on the local disk under MEDIA_ROOT (var/media). With it, they go to
an S3 bucket (AWS S3, or an S3-compatible store: MinIO, Ceph, Garage):
- originals and documents are private objects reached through signed URLs that expire; documents go through
  Wagtail's serve view, which checks collection privacy, then redirects to such a URL;
- renditions go under a public prefix (MEDIA_PUBLIC_LOCATION) with plain URLs, built without calling the store.

Credentials are not settings: django-storages and boto3 read AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY from the
environment themselves, or use the machine's role, so they never sit in Django's settings or in task arguments.

A function of the environment and of base.py's STORAGES, which base.py calls: this module imports nothing of the
settings package.
"""

import environ


def storage_settings(env: environ.Env, storages: dict) -> dict:
    """The media settings for this environment, by name; `storages` is STORAGES as base.py has it so far."""
    settings = {
        # Admin upload forms that store the file while validating, so a store that is down is a form error.
        "WAGTAILIMAGES_IMAGE_FORM_BASE": "media.forms.ImageForm",
        "WAGTAILDOCS_DOCUMENT_FORM_BASE": "media.forms.DocumentForm",
        "WAGTAILIMAGES_RENDITION_STORAGE": "media.storage.get_rendition_storage",
        # Named renditions this deployment adds to media/renditions.py's list ({"name": "filter spec"}), and raw
        # filter specs the API may accept besides the named ones.
        "MEDIA_RENDITION_SPECS": {},
        "MEDIA_ALLOWED_FILTER_SPECS": [],
        # Make the named renditions of an image as soon as it is saved (a task), so no request has to.
        "MEDIA_PREGENERATE_RENDITIONS": env.bool("MEDIA_PREGENERATE_RENDITIONS", default=True),
        # A public read never makes a rendition: the ones it finds missing are enqueued (one task) by a thread of
        # the process this often, and the same one not again for RETRY seconds (media/rendition_misses.py).
        "MEDIA_RENDITION_MISSES_FLUSH_SECONDS": env.float("MEDIA_RENDITION_MISSES_FLUSH_SECONDS", default=5.0),
        "MEDIA_RENDITION_MISSES_RETRY_SECONDS": env.float("MEDIA_RENDITION_MISSES_RETRY_SECONDS", default=600.0),
        # Where a reader is sent to log in before opening a document of a login-only collection. Headless, we
        # mount no Wagtail front-end login (Wagtail's default would be a server error): the people who may open
        # such documents are the CMS's own users, who log in to the admin.
        "WAGTAIL_FRONTEND_LOGIN_URL": env.str("WAGTAIL_FRONTEND_LOGIN_URL", default="/admin/login/"),
        # Guesses at a password-protected collection's password (media/passwords.py), django-ratelimit's syntax.
        "MEDIA_PASSWORD_RATE_LIMIT_IP": env.str("MEDIA_PASSWORD_RATE_LIMIT_IP", default="10/15m"),
        "MEDIA_PASSWORD_RATE_LIMIT_RESTRICTION": env.str("MEDIA_PASSWORD_RATE_LIMIT_RESTRICTION", default="100/h"),
        "AWS_STORAGE_BUCKET_NAME": env.str("AWS_STORAGE_BUCKET_NAME", default=""),
    }
    if not settings["AWS_STORAGE_BUCKET_NAME"]:
        settings["STORAGES"] = {
            **storages,
            # Originals, documents and private collections' renditions: their URLs go to the admin's
            # permission-checked view (media/views.py), never to MEDIA_URL, which serves public renditions only.
            "default": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"base_url": "/admin/private-media/"},
            },
            "renditions": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        }
        return settings
    return settings | _s3_settings(env, storages)


def _s3_settings(env: environ.Env, storages: dict) -> dict:
    # Empty for AWS itself; the store's address for MinIO, Ceph, Garage... (e.g. http://minio:9000).
    endpoint_url = env.str("AWS_S3_ENDPOINT_URL", default="") or None
    return {
        "AWS_S3_ENDPOINT_URL": endpoint_url,
        "AWS_S3_REGION_NAME": env.str("AWS_S3_REGION_NAME", default="") or None,
        # S3-compatible stores rarely have a DNS name per bucket: path style (endpoint/bucket/key) works everywhere.
        "AWS_S3_ADDRESSING_STYLE": env.str("AWS_S3_ADDRESSING_STYLE", default="path" if endpoint_url else "") or None,
        "AWS_S3_SIGNATURE_VERSION": env.str("AWS_S3_SIGNATURE_VERSION", default="s3v4"),
        # A prefix for every object, when the bucket is shared.
        "AWS_LOCATION": env.str("AWS_LOCATION", default=""),
        # Signed URLs are made per request (the serve view redirects), so they only need to live long enough to be
        # used.
        "AWS_QUERYSTRING_EXPIRE": env.int("AWS_QUERYSTRING_EXPIRE", default=600),
        # A CDN or public host for renditions (e.g. media.example.org); private URLs ignore it, they must be signed.
        "AWS_S3_CUSTOM_DOMAIN": env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None,
        "AWS_S3_URL_PROTOCOL": env.str("AWS_S3_URL_PROTOCOL", default="https:"),
        "AWS_S3_FILE_OVERWRITE": False,
        "AWS_DEFAULT_ACL": None,
        "MEDIA_PUBLIC_LOCATION": env.str("MEDIA_PUBLIC_LOCATION", default="public"),
        # "public-read" for stores that honour object ACLs; empty when a bucket policy opens the public prefix.
        "MEDIA_PUBLIC_ACL": env.str("MEDIA_PUBLIC_ACL", default=""),
        "MEDIA_STORE_CONNECT_TIMEOUT": env.float("MEDIA_STORE_CONNECT_TIMEOUT", default=5),
        "MEDIA_STORE_READ_TIMEOUT": env.float("MEDIA_STORE_READ_TIMEOUT", default=30),
        "MEDIA_STORE_MAX_ATTEMPTS": env.int("MEDIA_STORE_MAX_ATTEMPTS", default=3),
        "STORAGES": {
            **storages,
            "default": {"BACKEND": "media.storage.PrivateMediaStorage"},
            "renditions": {"BACKEND": "media.storage.PublicMediaStorage"},
        },
        # Through Wagtail's serve view, which applies collection privacy, then a redirect to a signed URL.
        "WAGTAILDOCS_SERVE_METHOD": "redirect",
    }
