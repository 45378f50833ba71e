"""The server-side response cache and the HTTP caching headers of /graphql/.

A successful query's response is stored in the API's own cache (CACHES["graphql"], store.py: bounded in memory,
or Redis) under a key made of the document's sha256 (normalised: comments and layout do not count, documents.py),
the variables, the operation name as the request gave it, the schema (with its validation rules and limits),
GRAPHQL_CACHE_VERSION and the base of media URLs, stamped with the content state it was computed in
(content_models/kernel/generation.py): it is served only while a fresh read of the state gives the same stamp. The only part of the
request beyond its GraphQL parameters is the host it came in on, and only when media URLs are built from it
(GRAPHQL_MEDIA_BASE_URL unset); no other header is part of the key: nothing the API returns depends on one (the
locale is an argument, page URLs come from settings, nobody is authenticated, the language of the request is
ignored).

Two lookups, one key (`response_key`): a GET is looked up by the view before strawberry reads anything
(fast_path.py), and any request by the ResponseCache extension once its document is parsed and validated, before
it executes. The state is read only when the cache holds an entry for the key or the document executes, so
refused documents cost no SQL and a hit costs one query (the generation). What is stored, and the headers:

| response | stored here | Cache-Control | ETag / 304 |
| --- | --- | --- | --- |
| a query without errors | yes | `public, max-age=…, stale-while-revalidate=…` | yes |
| a mutation, or anything that read `previewPage` | no | `private, no-store` | no |
| any error | no | `no-store` | no |
"""

import dataclasses
import datetime
import enum
import hashlib
import json
import logging
from typing import NamedTuple

from django.utils.http import parse_etags
from graphql import ExecutionResult as GraphQLExecutionResult
from strawberry.extensions import FieldExtension, SchemaExtension
from strawberry.types.graphql import OperationType

from content_models.kernel.generation import ContentState
from graphql_api.conf import api_setting
from graphql_api.media.urls import current_media_base_url
from media.renditions import renditions_missed_here

from .documents import normalised_sha256
from .outage import content_state_read_remembered
from .store import api_cache

logger = logging.getLogger(__name__)

VALIDATION_LIMITS = ("MAX_DEPTH", "MAX_ALIASES", "MAX_TOKENS")


class Policy(enum.Enum):
    PUBLIC = "public"
    PRIVATE = "private"
    NO_STORE = "no-store"


class CachedResponse(NamedTuple):
    state_key: str  # ContentState.key of the reader that computed it: served only to readers of the same state
    etag: str
    body: bytes
    # What the request asked for, as insights' anonymous signals (searches, pages, paths not found): counted
    # again at every hit, so the cache hides no demand.
    signals: tuple = ()


@dataclasses.dataclass
class ResponsePlan:
    """What the view does with this request's response; filled in by ResponseCache while the operation runs."""

    policy: Policy = Policy.NO_STORE
    key: str | None = None
    state: ContentState | None = None  # set before execution when the view's lookup already read it
    hit: CachedResponse | None = None
    private: bool = False  # set by PrivateResponse fields
    store: bool = False
    # The operation name as the request gave it (None: the document's first operation), recorded by the view when
    # it reads the request; the key is made only then, so the view's GET lookup can make the same key unparsed.
    operation_name: str | None = None
    request_read: bool = False
    stale: bool = False  # `hit` is served while the database is down (outage.py)

    def max_age(self) -> tuple[int, int]:
        """Seconds HTTP caches may serve the response, then serve it stale while revalidating.

        Never past the next go-live or expiry: an HTTP cache must not keep an expired page either.
        """
        max_age, stale = api_setting("CACHE_MAX_AGE"), api_setting("CACHE_STALE_WHILE_REVALIDATE")
        if self.state is not None and self.state.valid_until is not None:
            left = max(0, int((self.state.valid_until - self.state.now) / datetime.timedelta(seconds=1)))
            max_age = min(max_age, left)
            stale = min(stale, left - max_age)
        return max_age, stale

    def cache_control(self) -> str:
        if self.policy is Policy.PUBLIC:
            max_age, stale = self.max_age()
            return f"public, max-age={max_age}, stale-while-revalidate={stale}"
        if self.policy is Policy.PRIVATE:
            return "private, no-store"
        return "no-store"


def etag_of(body: bytes) -> str:
    """Of the body, not of the key: after a publish that did not change this response, clients still get a 304."""
    return f'"{hashlib.sha256(body).hexdigest()[:32]}"'


def etag_matches(if_none_match: str, etag: str) -> bool:
    if not if_none_match:
        return False
    tags = parse_etags(if_none_match)
    # Weak comparison (RFC 9110 13.1.2), as for any GET.
    return "*" in tags or etag.removeprefix("W/") in {tag.removeprefix("W/") for tag in tags}


def response_cache_get(key: str) -> CachedResponse | None:
    """The entry stored under `key`, whatever its state: the caller compares `state_key` with its own state."""
    # The cache only saves work: when it is down (Redis restarting), the API executes instead of failing.
    try:
        value = api_cache().get(key)
    except Exception:
        logger.warning("Response cache unavailable: executing", exc_info=True)
        return None
    # Stored as a plain tuple: the cheapest thing to unpickle after bytes, on every hit.
    if type(value) is not tuple or len(value) != len(CachedResponse._fields):
        return None
    return CachedResponse._make(value)


def response_cache_set(plan: ResponsePlan, response: CachedResponse) -> None:
    if len(response.body) > api_setting("RESPONSE_CACHE_MAX_BYTES"):
        return  # a few huge answers would push out many ordinary ones: sent, not kept
    if renditions_missed_here():
        return  # it shows fallbacks for renditions being made: kept, it would outlive them until the next publish
    timeout = api_setting("RESPONSE_CACHE_SECONDS")
    if plan.state is not None and plan.state.valid_until is not None:
        # The key is dead after valid_until anyway: free the memory then.
        left = (plan.state.valid_until - plan.state.now) / datetime.timedelta(seconds=1)
        timeout = min(timeout, max(1, int(left) + 1))
    try:
        api_cache().set(plan.key, tuple(response), timeout=timeout)
    except Exception:
        logger.warning("Response cache unavailable: not stored", exc_info=True)


def _schema_fingerprint(schema) -> str:
    # Part of the key: after a deploy that changes the schema, no old response is served from a shared cache. The
    # extensions are in it too: a hit served before validation must come from a schema that validates alike (a
    # production schema refuses introspection, a development one does not).
    fingerprint = getattr(schema, "_api_fingerprint", None)
    if fingerprint is None:
        extensions = [getattr(extension, "__name__", type(extension).__name__) for extension in schema.extensions]
        material = f"{schema.as_str()}\n{extensions}"
        fingerprint = schema._api_fingerprint = hashlib.sha256(material.encode()).hexdigest()[:16]
    return fingerprint


def response_key_settings() -> tuple:
    """The settings a key depends on: GRAPHQL_CACHE_VERSION, the limits validation applies (a response served
    without validating must have passed the same ones) and the base of its media URLs (the request's own host
    unless GRAPHQL_MEDIA_BASE_URL is set: graphql_api/media/types.py)."""
    return (
        api_setting("CACHE_VERSION"),
        *(api_setting(name) for name in VALIDATION_LIMITS),
        current_media_base_url(),
    )


def response_key(*, schema, document_sha256: str, variables, operation_name: str | None) -> str:
    """The one key of a response, for both lookups: the view's GET fast path and the ResponseCache extension.

    `operation_name` is the request's own (None when it named none), not the one strawberry resolves from the
    document, so that a lookup that has not parsed the document makes the same key.
    """
    material = json.dumps(
        [
            response_key_settings(),
            _schema_fingerprint(schema),
            document_sha256,
            operation_name,
            variables or {},
        ],
        sort_keys=True,
        separators=(",", ":"),
        default=str,
    )
    return "graphql_api:response:" + hashlib.sha256(material.encode()).hexdigest()


class ResponseCache(SchemaExtension):
    """Serves a stored response instead of executing, and decides what may be stored afterwards.

    It only acts when the context carries a ResponsePlan (the API view's context does); a schema executed directly
    (tests, scripts) runs as if it were absent.
    """

    def on_execute(self):
        execution = self.execution_context
        plan: ResponsePlan | None = getattr(execution.context, "response_plan", None)
        if plan is None or execution.result is not None:  # no plan, or refused already (cost.QueryCost)
            yield
            return
        if execution.operation_type is not OperationType.QUERY:
            plan.policy = Policy.PRIVATE
            yield
            return
        if plan.state is None:
            plan.state = content_state_read_remembered()
        # The visibility rules (go-live, expiry) use the instant the state was read at, and the reference data
        # (locales, restrictions) memoised for this content state (content_models/kernel/memo.py).
        execution.context.loader.use_state(plan.state)
        if plan.request_read and api_setting("RESPONSE_CACHE_SECONDS") > 0:
            plan.key = response_key(
                schema=execution.schema,
                document_sha256=normalised_sha256(execution.query),
                variables=execution.variables,
                operation_name=plan.operation_name,
            )
            entry = response_cache_get(plan.key)
            plan.hit = entry if entry is not None and entry.state_key == plan.state.key else None
        if plan.hit is not None:
            # strawberry skips execution when a result is already there; the view sends the stored body.
            execution.result = GraphQLExecutionResult(data={}, errors=None)
            plan.policy = Policy.PUBLIC
            yield
            return
        yield
        result = execution.result
        if result is None or result.errors or result.data is None:
            return
        plan.policy = Policy.PRIVATE if plan.private else Policy.PUBLIC
        plan.store = plan.policy is Policy.PUBLIC and plan.key is not None


class PrivateResponse(FieldExtension):
    """On a field whose answer depends on who asks (previewPage's token): the response is never stored."""

    def resolve(self, next_, source, info, **kwargs):
        plan = getattr(info.context, "response_plan", None)
        if plan is not None:
            plan.private = True
        return next_(source, info, **kwargs)
