"""/metrics/ in Prometheus' text format, for those metrics_access lets in."""

import os

from django.http import Http404, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest, multiprocess

from .access import Access, metrics_access
from .collectors import DatabaseStateCollector

_database_state = CollectorRegistry(auto_describe=False)
_database_state.register(DatabaseStateCollector())


def _process_metrics() -> bytes:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # Several gunicorn workers: every worker's instruments, whichever worker answers (gunicorn.conf.py).
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest(REGISTRY)


@require_GET
@never_cache
def metrics(request):
    access = metrics_access(request)
    if access is Access.DISABLED:
        raise Http404
    if access is Access.DENIED:
        response = HttpResponse("Unauthorized\n", status=401, content_type="text/plain")
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    return HttpResponse(
        _process_metrics() + generate_latest(_database_state), content_type=CONTENT_TYPE_LATEST
    )
