import posixpath

from django.conf import settings
from django.db import connection
from django.http import Http404, JsonResponse
from django.views.static import serve
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@require_GET
@never_cache
def healthz(request):
    """Liveness and readiness for load balancers and the container health check: the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any database failure means "not ready"; the detail goes to the logs, not the caller
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


# The folder Wagtail writes renditions to: the only part of MEDIA_ROOT that is public.
PUBLIC_MEDIA_FOLDER = "images/"


def public_media(request, path: str):
    """Development's MEDIA_URL: public renditions only; originals, documents and private renditions are never
    served here, even with DEBUG (a development server may be reachable by others)."""
    if not posixpath.normpath(path).startswith(PUBLIC_MEDIA_FOLDER):
        raise Http404
    return serve(request, posixpath.normpath(path), document_root=settings.MEDIA_ROOT)
