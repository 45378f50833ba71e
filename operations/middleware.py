"""One middleware, first in the chain: a request id for every log line, one request line, the request metrics.

The request line (logger ``operations.requests``) keeps: request id, method, path (credentials in it masked, see
`path_for_log`), the matched route, status, duration, response size, and for the GraphQL API the operation type,
persisted or not, and the response cache result. It never keeps the client's address, the user, the user agent,
cookies, or the query string (a GraphQL GET carries its variables there).
"""

import logging
import re
import time
import uuid

from operations.logs import request_id_var
from operations.metrics.instruments import area_of, graphql_observe, request_observe

logger = logging.getLogger("operations.requests")

# An id set by our reverse proxy (X-Request-ID) is kept, so its logs and ours join; anything else is replaced.
INCOMING_ID = re.compile(r"^[A-Za-z0-9._:-]{8,64}$")
# URL parameters that are credentials (the newsletter's personal key, password-reset tokens): masked in logs.
SECRET_PARAMETER = re.compile(r"key|token|uid|secret|signature|password", re.IGNORECASE)
MAX_LOGGED_PATH = 200


def path_for_log(request) -> str:
    path = request.path
    match = getattr(request, "resolver_match", None)
    if match is not None:
        for name, value in match.kwargs.items():
            if SECRET_PARAMETER.search(name) and str(value):
                path = path.replace(str(value), f"<{name}>")
    return path[:MAX_LOGGED_PATH]


def _persisted(request) -> bool:
    # Apollo's automatic persisted queries: extensions.persistedQuery, in the query string (GET) or the JSON body.
    if request.method == "GET":
        return "persistedQuery" in request.META.get("QUERY_STRING", "")
    try:
        return b'"persistedQuery"' in request.body
    except Exception:  # a body read as a stream, or refused as too large: not ours to read again
        return False


class RequestObservabilityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = incoming if INCOMING_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = request_id_var.set(request_id)
        try:
            response = self.get_response(request)
            seconds = time.perf_counter() - started
            response["X-Request-ID"] = request_id
            self._observe(request, response, seconds)
            return response
        finally:
            request_id_var.reset(token)

    def _observe(self, request, response, seconds: float) -> None:
        status = response.status_code
        request_observe(path=request.path, method=request.method, status=status, seconds=seconds)
        fields = {
            "method": request.method,
            "path": path_for_log(request),
            "route": getattr(getattr(request, "resolver_match", None), "route", None),
            "status": status,
            "duration_ms": round(seconds * 1000, 2),
            "bytes": None if response.streaming else len(response.content),
        }
        if area_of(request.path) == "graphql":
            cache = response.get("X-GraphQL-Cache", "none")
            # Set by graphql_api's OperationTypeLabel when strawberry ran; a cached GET is answered before it runs
            # and is always a query (mutations are refused over GET).
            operation = getattr(request, "graphql_operation_type", None) or (
                "query" if cache == "hit" else "none"
            )
            persisted = _persisted(request)
            graphql_observe(operation=operation, persisted=persisted, cache=cache, seconds=seconds)
            fields |= {"graphql_operation": operation, "graphql_persisted": persisted, "graphql_cache": cache}
        # Django's own logger writes a server error with its traceback; this line only counts it.
        level = logging.WARNING if status >= 500 else logging.INFO
        logger.log(level, "%s %s %s", request.method, fields["path"], status, extra=fields)
