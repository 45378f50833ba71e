"""The Content-Security-Policy (django-csp). Imported at the end of base.py.

What a page may load and run: its own scripts, styles, fonts and icons; images from this server and the media
store; frames from this server (the admin's preview panel) and the video sites our video block accepts. No inline
script runs, no eval, no plugin, no form posts elsewhere, no other site frames us. The admin's form and listing
screens add 'unsafe-inline' scripts, which Wagtail's widgets still need (cms/csp.py says where and why); previews,
login and password reset do not. Styles keep 'unsafe-inline': Wagtail's admin sets style attributes from its
scripts, and a style cannot run code. The API is left out: it answers JSON, and GraphiQL boots from an inline
script. tests/cms/test_csp.py opens the page editor, choosers, the preview and the translation editor in Chromium
with this policy and fails on any violation.
"""

from urllib.parse import urlsplit

from csp.constants import NONE, SELF, UNSAFE_INLINE

from .base import AWS_STORAGE_BUCKET_NAME, INSTALLED_APPS, MIDDLEWARE, env

__all__ = ["CONTENT_SECURITY_POLICY", "INSTALLED_APPS", "MIDDLEWARE"]

INSTALLED_APPS = [*INSTALLED_APPS, "csp"]
MIDDLEWARE = [*MIDDLEWARE, "cms.csp.AdminContentSecurityPolicyMiddleware"]


def _origin(url: str) -> str | None:
    parts = urlsplit(url if "//" in url else f"https://{url}")
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else None


def _media_origins() -> list[str]:
    """Where the admin's thumbnails and signed previews come from when files are in a bucket."""
    if not AWS_STORAGE_BUCKET_NAME:
        return []
    origins = [
        _origin(env.str("AWS_S3_ENDPOINT_URL", default="")),
        _origin(env.str("AWS_S3_CUSTOM_DOMAIN", default="")),
    ]
    if not env.str("AWS_S3_ENDPOINT_URL", default=""):
        origins.append("https://*.amazonaws.com")  # AWS itself: the bucket's regional host
    return [origin for origin in origins if origin]


VIDEO_FRAMES = ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"]

CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/graphql/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *_media_origins()],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "media-src": [SELF, *_media_origins()],
        "frame-src": [SELF, *VIDEO_FRAMES],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}
