"""/graphql/: GET and POST, one operation per request, bounded in size, cached; GraphiQL only in development.

Caching (graphql_api/caching): a GET the response cache holds is answered first, before strawberry reads anything
(caching/fast_path.py); otherwise persisted queries are resolved before strawberry reads the request, the response
cache is consulted by a schema extension once the document has validated, and this view stores the encoded body
and sets ETag / Cache-Control, answering 304 to a matching If-None-Match. Both ways give the same bytes and headers.

HTTP (docs/api.md, "Over HTTP"): HEAD is answered as GET without the body; only mutations depend on the request's
Accept-Language (language.py), so the other responses lose what LocaleMiddleware adds (middleware.py); request
errors carry no `data` (GraphQL over HTTP).

Readers' demand (insights, docs/insights.md): the searches, pages and paths not found a response answers are kept
with it in the response cache and counted whenever it is served, hit, miss or 304; counting touches only a dict in
memory, never the database, and adds no SQL.
"""

import json
import logging

from cross_web import HTTPException
from django.http import HttpResponse, HttpResponseNotModified, JsonResponse
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from strawberry.django.views import GraphQLView
from strawberry.schema.exceptions import InvalidOperationTypeError

from cms.unavailable import DATABASE_UNAVAILABLE_ERRORS, RETRY_AFTER_SECONDS, database_unavailable_log
from content_models.kernel.generation import ContentState
from insights.demand import signals_record

from .caching.fast_path import cached_get_lookup
from .caching.persisted import (
    PersistedQuery,
    PersistedQueryError,
    persisted_query_resolve,
    persisted_query_store,
)
from .caching.responses import CachedResponse, Policy, ResponsePlan, etag_matches, etag_of, response_cache_set
from .conf import api_setting
from .context import ApiContext
from .errors import ErrorCode, add_codes, is_request_error
from .media.urls import media_urls_for
from .middleware import LANGUAGE_INDEPENDENT_ATTR

try:  # a fast encoder when installed; the standard library otherwise
    import orjson
except ImportError:  # pragma: no cover
    orjson = None

logger = logging.getLogger("graphql_api")


def error_response(code: ErrorCode, message: str, status: int, **headers: str) -> JsonResponse:
    """A request refused before GraphQL ran: no `data` key (GraphQL over HTTP), one log line at INFO."""
    logger.info("GraphQL request refused %s: %s", code.value, message, extra={"graphql_code": code.value})
    return _error_json(code, message, status, headers)


def _error_json(code: ErrorCode, message: str, status: int, headers: dict[str, str]) -> JsonResponse:
    response = JsonResponse({"errors": [{"message": message, "extensions": {"code": code.value}}]}, status=status)
    # A refusal may not hold for the next request (a persisted query gets registered): no cache may keep it.
    response["Cache-Control"] = "no-store"
    for name, value in headers.items():
        response[name] = value
    return response


class DatabaseUnavailable(Exception):
    """An operation met a database outage (its errors carry SERVICE_UNAVAILABLE)."""


def service_unavailable_response() -> JsonResponse:
    # Not logged per request: an outage is one throttled warning (cms/unavailable.py).
    return _error_json(
        ErrorCode.SERVICE_UNAVAILABLE,
        "The service is temporarily unavailable: try again in a few seconds.",
        503,
        {"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


# No CSRF protection, on purpose: CSRF abuses the cookies a browser attaches, and this API authenticates nobody by
# cookie or session. No resolver reads request.user or request.session; previews are authorised by a signed token
# in the query, the newsletter's mutations by the token from the subscriber's email, and the remaining mutations
# are open to anyone by design. A logged-in editor's cookie therefore unlocks nothing here (tested). Mutations are
# refused over GET, and POST must be application/json, which no HTML form can send and a script on another origin
# can send only after a CORS preflight, answered for CORS_ALLOWED_ORIGINS alone and never with credentials.
@method_decorator(csrf_exempt, name="dispatch")
class ApiView(GraphQLView):
    allow_queries_via_get = True
    context: ApiContext | None = None
    persisted_query: PersistedQuery | None = None
    state: ContentState | None = None  # read by the GET lookup that missed: the normal path reuses it
    counts_demand = True  # a HEAD is a probe (monitors, link checkers), not a reader: its signals are not counted

    def get_context(self, request, response) -> ApiContext:
        self.context = ApiContext(request=request, response=response)
        self.context.response_plan.state = self.state
        return self.context

    def dispatch(self, request, *args, **kwargs) -> HttpResponse:
        if request.method == "HEAD":
            # Answered as the GET it stands for (RFC 9110 9.3.2): same status and headers, no body.
            request.method = "GET"
            self.counts_demand = False
            response = self.dispatch(request, *args, **kwargs)
            if not response.streaming:
                response["Content-Length"] = str(len(response.content))
                response.content = b""
            return response
        try:
            with media_urls_for(request):
                response = self._dispatch(request)
        except DATABASE_UNAVAILABLE_ERRORS as error:
            database_unavailable_log(error, request.path)
            return service_unavailable_response()
        except DatabaseUnavailable:  # already logged with the operation's errors (errors_log)
            return service_unavailable_response()
        # Only a mutation's messages follow the request's language (language.py): every other response drops
        # LocaleMiddleware's Vary and Content-Language on the way out, so caches keep one copy for every reader.
        plan = self.context.response_plan if self.context is not None else None
        setattr(response, LANGUAGE_INDEPENDENT_ATTR, plan is None or plan.policy is not Policy.PRIVATE)
        return response

    def _dispatch(self, request) -> HttpResponse:
        rejection = self._reject(request)
        if rejection is not None:
            return rejection
        if request.method == "GET":
            looked_up = cached_get_lookup(request, schema=self.schema)
            if looked_up is not None:
                plan, persisted = looked_up
                if plan.stale:
                    return self._stale_response(plan)
                if plan.hit is not None:
                    if persisted is not None:  # the normal path registers a document sent with its hash
                        persisted_query_store(persisted, request)
                    self._demand_record(plan.hit.signals)
                    hit = HttpResponse(plan.hit.body, content_type="application/json")
                    return self._public_response(hit, plan, plan.hit.etag, "hit")
                self.state = plan.state
        try:
            return self.run(request=request)
        except PersistedQueryError as error:
            # 200 with a GraphQL error, as Apollo's servers answer: the client then sends the query itself.
            status = 200 if error.code is ErrorCode.PERSISTED_QUERY_NOT_FOUND else 400
            return error_response(error.code, error.message, status)
        except HTTPException as error:
            if isinstance(error.__cause__, InvalidOperationTypeError):
                return error_response(
                    ErrorCode.METHOD_NOT_ALLOWED, "Mutations must be sent with POST.", status=405, Allow="POST"
                )
            return error_response(ErrorCode.BAD_REQUEST, error.reason, error.status_code)

    def _reject(self, request) -> JsonResponse | None:
        """Refuse what is too big or batched before reading it as GraphQL (and before any SQL)."""
        limit = api_setting("MAX_REQUEST_BYTES")
        if request.method == "GET":
            too_large = len(request.META.get("QUERY_STRING", "")) > limit
        else:
            try:
                declared = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                declared = 0
            too_large = declared > limit or len(request.body) > limit
        if too_large:
            return error_response(ErrorCode.REQUEST_TOO_LARGE, f"Requests may be at most {limit} bytes.", status=413)
        if request.method == "GET":
            return None
        first = request.body.lstrip()[:1]
        if first == b"[":
            return error_response(ErrorCode.BATCHING_DISABLED, "Send one operation per request.", status=400)
        if first != b"{" and "json" in request.content_type:
            # A JSON string, number, true or null is JSON but no GraphQL request (strawberry would fail on it).
            return error_response(
                ErrorCode.BAD_REQUEST, 'The body must be a JSON object: {"query": "...", "variables": {...}}.', 400
            )
        return None

    def should_render_graphql_ide(self, request) -> bool:
        # A persisted query over GET has no `query` parameter, and a browser's fetch accepts */*: it is no IDE visit.
        return super().should_render_graphql_ide(request) and request.query_params.get("extensions") is None

    def parse_http_body(self, request):
        data = super().parse_http_body(request)
        if isinstance(data, list):  # batches are refused in _reject; strawberry refuses them again
            return data
        data, self.persisted_query = persisted_query_resolve(data)
        # The response cache's key holds the operation name as requested (see caching/responses.py).
        self.context.response_plan.operation_name = data.operation_name
        self.context.response_plan.request_read = True
        return data

    def process_result(self, request, result):
        add_codes(result.errors)
        if any(error.extensions["code"] == ErrorCode.SERVICE_UNAVAILABLE.value for error in result.errors or ()):
            raise DatabaseUnavailable  # one 503 for the whole request: partial data would only mislead
        if self.persisted_query is not None and self.persisted_query.register and result.data is not None:
            persisted_query_store(self.persisted_query, request)  # it parsed and validated: a real operation
        processed = super().process_result(request, result)
        if result.data is None and is_request_error(result.errors):
            # Nothing executed (parse, validation, operation or variable errors): GraphQL over HTTP says a request
            # error has no `data` entry, where `"data": null` would mean an execution that failed at the root.
            processed.pop("data", None)
        return processed

    def create_response(self, response_data, sub_response) -> HttpResponse:
        plan = self.context.response_plan if self.context is not None else None
        if plan is not None and plan.hit is not None:
            etag, body, source = plan.hit.etag, plan.hit.body, "hit"
            self._demand_record(plan.hit.signals)
        else:
            body = self.encode_json(response_data)
            body = body if isinstance(body, bytes) else body.encode()
            if len(body) > api_setting("MAX_RESPONSE_BYTES"):
                return self._too_large(len(body))
            etag, source = etag_of(body), "miss"
            signals = tuple(self.context.signals) if self.context is not None else ()
            self._demand_record(signals)
            if plan is not None and plan.store:
                response_cache_set(plan, CachedResponse(plan.state.key, etag, body, signals))
        response = HttpResponse(body, content_type="application/json")
        for name, value in sub_response.items():
            response[name] = value
        if sub_response.status_code:
            response.status_code = sub_response.status_code
        if plan is None:
            return response
        if plan.policy is Policy.PUBLIC:
            return self._public_response(response, plan, etag, source)
        response["Cache-Control"] = plan.cache_control()
        return response

    def _demand_record(self, signals: tuple) -> None:
        """Count what readers asked for (insights), on a miss and on every hit: the cache hides no demand. Only a
        dict in this process's memory changes; the counts reach the database out of band (insights/buffer.py)."""
        if self.counts_demand and signals:
            signals_record(signals)

    def _too_large(self, size: int) -> JsonResponse:
        """Nothing of an answer past MAX_RESPONSE_BYTES is sent (nor stored): a client pages instead."""
        limit = api_setting("MAX_RESPONSE_BYTES")
        return error_response(
            ErrorCode.RESPONSE_TOO_LARGE,
            f"The answer would be {size} bytes, more than the {limit} allowed: ask for fewer items or fields.",
            status=200,
        )

    def _public_response(self, response: HttpResponse, plan: ResponsePlan, etag: str, source: str) -> HttpResponse:
        """The caching headers of a public response, or a 304 when the client holds it: for both ways of serving."""
        response["Cache-Control"] = plan.cache_control()
        response["ETag"] = etag
        response["X-GraphQL-Cache"] = source
        # From META, not request.headers, which builds a dict of every header on first use.
        if self.request.method == "GET" and etag_matches(self.request.META.get("HTTP_IF_NONE_MATCH", ""), etag):
            not_modified = HttpResponseNotModified()  # no body, so no Content-Type either
            for name in ("ETag", "Cache-Control", "X-GraphQL-Cache"):
                not_modified[name] = response[name]
            return not_modified
        return response

    def _stale_response(self, plan: ResponsePlan) -> HttpResponse:
        """The last entry, served while the database is down (caching/outage.py): no HTTP cache may keep it."""
        response = HttpResponse(plan.hit.body, content_type="application/json")
        response["Cache-Control"] = "no-store"
        response["ETag"] = plan.hit.etag
        response["X-GraphQL-Cache"] = "stale"
        return response

    def encode_json(self, data: object) -> str | bytes:
        if orjson is not None:
            return orjson.dumps(data)
        return json.dumps(data, separators=(",", ":"))
