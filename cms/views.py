"""/healthz/: what a load balancer and the container health check ask, answered within a second in every fault."""

from django.core.cache import caches
from django.db import connection
from django.http import JsonResponse
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


@require_GET
@never_cache
def healthz(request):
    """JSON: `status` is "ok", "degraded" (the cache is down: the site serves, only slower) or "unavailable" (the
    database is down: 503, take this instance out of rotation), with the state of each part."""
    parts = {"database": _database(), "cache": _cache()}
    if parts["database"] != "ok":
        response = JsonResponse({"status": "unavailable", **parts}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return JsonResponse({"status": "degraded" if parts["cache"] == "unavailable" else "ok", **parts})
