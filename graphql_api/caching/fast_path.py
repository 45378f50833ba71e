"""The response cache's lookup for GET, made by the view before strawberry reads the request.

A warm cached GET (a persisted query's hash, or `query`, with `variables` and `operationName`) is what CDNs and
portals send most; serving it through strawberry's request parsing, extension runner and operation-type check
cost several times the lookup itself. This lookup reads only the query string, makes the same key the
ResponseCache extension makes (`response_key`) and returns the stored entry when it was computed in the current
content state.

Why serving before validation is safe: an entry exists only where the ResponseCache extension stored one, that
is for a query (never a mutation) that validated against a schema with the same fingerprint and limits (both in
the key), executed without errors and read nothing private (previewPage marks its response private: never
stored). The key holds everything that selects what runs (the document's sha256, the variables, the operation
name as requested), so an entry can only be served to a request that would run the same operation with the same
variables. Whatever does not parse here exactly as strawberry would parse it falls through to the normal path,
which answers it (often with an error) as before.
"""

import functools
import json

from django.http import QueryDict

from cms.unavailable import DATABASE_UNAVAILABLE_ERRORS
from graphql_api.conf import api_setting

from .documents import normalised_for_hash, normalised_sha256, raw_sha256
from .outage import content_state_read_remembered, stale_servable
from .persisted import PersistedQuery, PersistedQueryError, persisted_query_hash
from .responses import Policy, ResponsePlan, response_cache_get, response_key, response_key_settings


class _NotSeenYet(Exception):
    """A persisted query's hash whose document this process has not normalised yet (caching/documents.py)."""


def _json_param(params: QueryDict, name: str):
    """The JSON object of a parameter, or None when absent; raises ValueError where strawberry would refuse it.

    Read with json.loads, as strawberry reads it, not orjson: orjson reads an integer past 64 bits as a float,
    which would make another key than the normal path's. Speed does not matter here: the result is memoised.
    """
    raw = params.get(name)
    if raw is None:
        return None
    value = json.loads(raw)  # "" raises too: strawberry refuses an empty `variables` or `extensions`
    if value is not None and type(value) is not dict:
        raise ValueError(f"`{name}` is not an object")
    return value


@functools.lru_cache(maxsize=256)
def _request_key(
    query_string: str, encoding: str | None, schema, settings: tuple
) -> tuple[str, str | None, PersistedQuery | None] | None:
    """(key, operation name, document to register) of a query string, or None when this lookup does not apply.

    A pure function of its arguments (`settings` is response_key_settings(), which the key depends on), memoised:
    a cached GET repeats the same few query strings, and parsing one (percent-decoding, JSON, two sha256) cost
    as much as the rest of the lookup. At most 256 query strings of at most MAX_REQUEST_BYTES each are kept.
    """
    params = QueryDict(query_string, encoding=encoding)  # as request.GET reads it
    query = params.get("query")
    try:
        extensions = _json_param(params, "extensions")
        variables = _json_param(params, "variables")
        sha256 = persisted_query_hash(extensions)
    except (ValueError, PersistedQueryError):  # json.JSONDecodeError is a ValueError
        return None
    persisted = None
    if sha256 is None:
        if query is None:  # GraphiQL, or no operation at all
            return None
        document_key = normalised_sha256(query)
    elif query is not None:
        if raw_sha256(query) != sha256:
            return None  # the normal path refuses the mismatch
        persisted = PersistedQuery(sha256, query, register=True)
        document_key = normalised_sha256(query)
    else:
        document_key = normalised_for_hash(sha256)
        if document_key is None:
            # Not memoised: once the normal path has run this document, the next request finds its key.
            raise _NotSeenYet
    if document_key is None:
        return None  # not a document: the normal path answers it
    operation_name = params.get("operationName")
    key = response_key(
        schema=schema, document_sha256=document_key, variables=variables, operation_name=operation_name
    )
    return key, operation_name, persisted


def cached_get_lookup(request, *, schema) -> tuple[ResponsePlan, PersistedQuery | None] | None:
    """The plan of a GET the response cache holds an entry for; None when it holds none or the request is unusual.

    The plan carries the content state it read; `plan.hit` is the entry when it was stored in that same state, else
    None (the normal path then reuses the state rather than reading it again). With the database down, the entry
    when outage.py allows serving it stale (`plan.stale`); otherwise the database error goes up to the view. The
    PersistedQuery is set when the request sent a document with its hash: the normal path would register it, and
    so must a hit.
    """
    if api_setting("RESPONSE_CACHE_SECONDS") <= 0:
        return None
    try:
        parsed = _request_key(
            request.META.get("QUERY_STRING", ""), request.encoding, schema, response_key_settings()
        )
    except _NotSeenYet:
        return None
    if parsed is None:
        return None
    key, operation_name, persisted = parsed
    entry = response_cache_get(key)
    if entry is None:
        return None  # no SQL spent: a request the normal path refuses still costs none
    # Read after the entry, which is fine: an entry is never older than its stamp (content_models/kernel/generation.py).
    try:
        state = content_state_read_remembered()
    except DATABASE_UNAVAILABLE_ERRORS:
        if not stale_servable(entry):
            raise  # the view answers 503
        return ResponsePlan(policy=Policy.NO_STORE, key=key, hit=entry, stale=True), persisted
    plan = ResponsePlan(
        policy=Policy.PUBLIC, key=key, state=state, operation_name=operation_name, request_read=True
    )
    if entry.state_key == state.key:
        plan.hit = entry
    return plan, persisted
