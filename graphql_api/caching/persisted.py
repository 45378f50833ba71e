"""Automatic persisted queries, Apollo's protocol: a client sends the sha256 of a document instead of the document.

- `extensions: {"persistedQuery": {"version": 1, "sha256Hash": "<hex>"}}`, in the JSON body or, with GET, as the
  JSON `extensions` query parameter (so a GET URL stays short and a CDN can cache it).
- A hash without a query: the document stored under that hash runs. An unknown hash is the error
  PERSISTED_QUERY_NOT_FOUND (message `PersistedQueryNotFound`, which older Apollo clients look for); the client
  then sends the hash with the query.
- A hash with a query: the hash must be the query's sha256 (else BAD_REQUEST); the document is stored once it has
  proved to be a valid operation, so only documents that match their hash and validate are ever stored.

Documents live in the API's own cache (CACHES["graphql"]), bounded, and a client network registers at most
PERSISTED_QUERY_RATE new ones: Redis when REDIS_URL is set, shared by every process; local memory otherwise,
where a process that has not seen a hash yet answers NOT_FOUND and the protocol's retry teaches it. Not in the
database: anyone may register a document, and a cache forgets the ones nobody uses where a table would only grow.
"""

import dataclasses
import hashlib
import logging
import re

from django_ratelimit.core import is_ratelimited
from strawberry.http import GraphQLRequestData

from cms.client_ip import client_network_of
from graphql_api.conf import api_setting
from graphql_api.errors import ErrorCode

from .store import api_cache

_SHA256 = re.compile(r"[0-9a-f]{64}")
logger = logging.getLogger(__name__)


class PersistedQueryError(Exception):
    def __init__(self, code: ErrorCode, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclasses.dataclass(frozen=True)
class PersistedQuery:
    sha256: str
    document: str
    register: bool  # the client sent the document: store it once it proves valid


def document_sha256(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


def _key(sha256: str) -> str:
    return f"graphql_api:persisted:{sha256}"


def persisted_query_hash(extensions: dict | None) -> str | None:
    """The document's sha256 (lower case) the request's `persistedQuery` extension names; None without one."""
    extension = (extensions or {}).get("persistedQuery")
    if extension is None:
        return None
    if not isinstance(extension, dict) or extension.get("version") != 1:
        raise PersistedQueryError(ErrorCode.BAD_REQUEST, "Only version 1 of persisted queries is supported.")
    sha256 = extension.get("sha256Hash")
    sha256 = sha256.lower() if isinstance(sha256, str) else ""
    if not _SHA256.fullmatch(sha256):
        raise PersistedQueryError(ErrorCode.BAD_REQUEST, "`sha256Hash` must be 64 hexadecimal digits.")
    return sha256


def persisted_query_resolve(data: GraphQLRequestData) -> tuple[GraphQLRequestData, PersistedQuery | None]:
    """The request with its document filled in from the store when it only carried a hash."""
    sha256 = persisted_query_hash(data.extensions)
    if sha256 is None:
        return data, None
    if data.query is None:
        try:
            document = api_cache().get(_key(sha256))
        except Exception:  # the cache is down: the client's retry with the query still works
            logger.warning("Persisted query store unavailable", exc_info=True)
            document = None
        if document is None:
            raise PersistedQueryError(ErrorCode.PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound")
        return dataclasses.replace(data, query=document), PersistedQuery(sha256, document, register=False)
    if document_sha256(data.query) != sha256:
        raise PersistedQueryError(ErrorCode.BAD_REQUEST, "provided sha does not match query")
    return data, PersistedQuery(sha256, data.query, register=True)


def persisted_query_store(query: PersistedQuery, request=None) -> None:
    """Remember a document that proved valid; at most PERSISTED_QUERY_RATE new ones per client network (a client
    registering thousands is filling the store, not running a portal)."""
    if request is not None and is_ratelimited(
        request, group="graphql_api.persisted", key=lambda _group, r: client_network_of(r) or "unknown",
        rate=api_setting("PERSISTED_QUERY_RATE"), increment=True,
    ):
        logger.info("Persisted query not stored: registration rate reached")
        return
    try:
        api_cache().set(_key(query.sha256), query.document, timeout=api_setting("PERSISTED_QUERY_SECONDS"))
    except Exception:
        logger.warning("Persisted query store unavailable: not stored", exc_info=True)
