"""Private files on local disk, for the admin: what a signed URL is on S3.

Without a bucket, originals, documents and private collections' renditions sit under MEDIA_ROOT next to the public
renditions; only the public ones are served under MEDIA_URL (cms/urls.py in development, the reverse proxy in
production). The private storage's URLs point here instead: an admin view that serves a file only to a user who
holds a permission on the image or document it belongs to (its collection's choose or change permission).

The file is served from the admin's origin, where an editor is logged in: it gets its own policy,
`default-src 'none'` (as Wagtail gives documents), so nothing in it runs or loads, and only raster images and PDFs
open in the browser; anything else downloads.
"""

import mimetypes
import posixpath

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

from media.models import CustomRendition

PERMISSIONS = ["choose", "change"]
INLINE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp", "image/avif", "application/pdf"})


def _owner(path: str):
    """The image or document whose file (original or rendition) is `path`, or None."""
    rendition = CustomRendition.objects.filter(file=path).select_related("image").first()
    if rendition is not None:
        return rendition.image
    return get_image_model().objects.filter(file=path).first() or get_document_model().objects.filter(file=path).first()


def private_file(request, path: str):
    path = posixpath.normpath(path).lstrip("/")
    if path.startswith("..") or path in {"", "."}:
        raise Http404
    owner = _owner(path)
    if owner is None:
        raise Http404
    policy = policy_registry.get_by_type(type(owner))
    if not policy.user_has_any_permission_for_instance(request.user, PERMISSIONS, owner):
        raise Http404  # the same answer as for a file that does not exist
    try:
        handle = default_storage.open(path, "rb")
    except FileNotFoundError as error:
        raise Http404 from error
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = FileResponse(
        handle, content_type=content_type, as_attachment=content_type not in INLINE_TYPES,
        filename=posixpath.basename(path),
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"  # kept: django-csp never replaces a set policy
    return response
