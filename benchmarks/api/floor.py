"""The floor: what this Django stack costs when a view does nothing but return bytes it already has.

The in-process step writes each cached workload's GraphQL response body to BENCH_FLOOR_DIR; this view reads
them once and answers with the same bytes and content type. nginx serves the same files as static files.
"""

from functools import cache
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpResponse


@cache
def _bodies() -> dict[str, bytes]:
    folder = Path(settings.BENCH_FLOOR_DIR)
    return {path.stem: path.read_bytes() for path in folder.glob("*.json")} if settings.BENCH_FLOOR_DIR else {}


def prebuilt_response(request, name: str) -> HttpResponse:
    try:
        body = _bodies()[name]
    except KeyError:
        raise Http404(name) from None
    return HttpResponse(body, content_type="application/json")
