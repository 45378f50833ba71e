"""The response cache's name for a document: its normalised form, so comments and layout make no new entry.

`{ locales { code } }`, the same with a comment, and the same spread over lines are one operation: keyed on the raw
text's sha256, each would be a miss (and a way past the cache, filling it). The key uses the sha256 of
graphql-core's printed document (no comments, canonical whitespace) instead.

Normalising costs a parse, so it is remembered twice, both bounded:
- per document text (an LRU of NORMALISED_TEXTS entries): what the normal path and a GET with `query` use;
- per raw sha256 (the last RAW_HASHES hashes seen): what a persisted query's GET needs, since it carries only the
  hash of the text the client registered. Until this process has seen that text run once, the GET takes the
  normal path, which remembers it.
"""

import functools
import hashlib
from collections import OrderedDict

from graphql import GraphQLError, parse, print_ast

from graphql_api.conf import api_setting

NORMALISED_TEXTS = 1024
RAW_HASHES = 4096
_by_raw_hash: OrderedDict[str, str] = OrderedDict()


def raw_sha256(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


@functools.lru_cache(maxsize=NORMALISED_TEXTS)
def _normalised(document: str) -> str | None:
    try:
        parsed = parse(document, no_location=True, max_tokens=api_setting("MAX_TOKENS"))
    except GraphQLError:
        return None  # not a document: the normal path answers it, and nothing is stored for it
    return hashlib.sha256(print_ast(parsed).encode()).hexdigest()


def normalised_sha256(document: str) -> str | None:
    """The key name of a document's text (None when it does not parse), remembered under its raw hash too."""
    normalised = _normalised(document)
    if normalised is not None:
        raw = raw_sha256(document)
        _by_raw_hash[raw] = normalised
        _by_raw_hash.move_to_end(raw)
        while len(_by_raw_hash) > RAW_HASHES:
            _by_raw_hash.popitem(last=False)
    return normalised


def normalised_for_hash(raw_hash: str) -> str | None:
    """The key name of the document whose raw text has this sha256, if this process has seen it."""
    return _by_raw_hash.get(raw_hash)
