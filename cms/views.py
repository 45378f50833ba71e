"""/healthz/, what a load balancer and the container health check ask, answered within a second in every fault;
and development's MEDIA_URL, which serves public renditions only."""

import posixpath
import time

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import Http404, JsonResponse
from django.views.static import serve
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from cms.unavailable import DATABASE_UNAVAILABLE_ERRORS, RETRY_AFTER_SECONDS, database_unavailable_log


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DATABASE_UNAVAILABLE_ERRORS as error:  # the detail goes to the logs, never to the caller
        database_unavailable_log(error, "/healthz/")
        return "unavailable"
    return "ok"


def _cache() -> str:
    """"ok" or "unavailable" for Redis (whose backend answers at once while its circuit is open, and otherwise
    within its sub-second timeout); "local" for a per-process memory cache, which cannot fail."""
    health = getattr(caches["default"], "health", None)
    return health() if health is not None else "local"


def _timed(check) -> tuple[str, float]:
    started = time.perf_counter()
    return check(), (time.perf_counter() - started) * 1000


@require_GET
@never_cache
def healthz(request):
    """JSON: `status` is "ok", "degraded" (the cache is down: the site serves, only slower) or "unavailable" (the
    database is down: 503, take this instance out of rotation), with the state of each part. `Server-Timing` says
    how long each check took here, apart from any wait in the server's queue."""
    (database, database_ms), (cache, cache_ms) = _timed(_database), _timed(_cache)
    parts = {"database": database, "cache": cache}
    if database != "ok":
        response = JsonResponse({"status": "unavailable", **parts}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    else:
        response = JsonResponse({"status": "degraded" if cache == "unavailable" else "ok", **parts})
    response["Server-Timing"] = f"database;dur={database_ms:.1f}, cache;dur={cache_ms:.1f}"
    return response


# The folder Wagtail writes renditions to: the only part of MEDIA_ROOT that is public.
PUBLIC_MEDIA_FOLDER = "images/"


def public_media(request, path: str):
    """Development's MEDIA_URL: public renditions only; originals, documents and private renditions are never
    served here, even with DEBUG (a development server may be reachable by others)."""
    if not posixpath.normpath(path).startswith(PUBLIC_MEDIA_FOLDER):
        raise Http404
    return serve(request, posixpath.normpath(path), document_root=settings.MEDIA_ROOT)
