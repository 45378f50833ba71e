"""Stable error codes: every error leaving the API carries `extensions.code`, so clients branch on codes, not text.

graphql-core and strawberry raise plain errors without codes; `error_code()` classifies them in this one place,
and `errors_log()` logs them: a client's mistake in one line at INFO, a bug with its traceback at ERROR, a database
outage in one throttled warning (cms/unavailable.py).
"""

import enum
import logging
import re

from graphql import GraphQLError, GraphQLSyntaxError, OperationDefinitionNode
from strawberry.exceptions import StrawberryInputCoercionError
from strawberry.extensions import MaskErrors, SchemaExtension

from cms.unavailable import database_unavailable, database_unavailable_log

logger = logging.getLogger("graphql_api")


class ErrorCode(str, enum.Enum):
    BAD_REQUEST = "BAD_REQUEST"  # not a GraphQL request at all (wrong method, content type, JSON)
    METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED"  # a mutation sent with GET
    PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"  # an unknown hash: send the query with it
    BATCHING_DISABLED = "BATCHING_DISABLED"
    REQUEST_TOO_LARGE = "REQUEST_TOO_LARGE"
    GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
    TOO_MANY_TOKENS = "TOO_MANY_TOKENS"
    GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
    # No operation to run: `operationName` names none of the document's, or names none among several.
    OPERATION_RESOLUTION_FAILURE = "OPERATION_RESOLUTION_FAILURE"
    QUERY_TOO_DEEP = "QUERY_TOO_DEEP"
    TOO_MANY_ALIASES = "TOO_MANY_ALIASES"
    INTROSPECTION_DISABLED = "INTROSPECTION_DISABLED"
    BAD_USER_INPUT = "BAD_USER_INPUT"
    PAGE_SIZE_TOO_LARGE = "PAGE_SIZE_TOO_LARGE"
    QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"  # over MAX_COST fields, lists multiplied through (cost.py)
    RESPONSE_TOO_LARGE = "RESPONSE_TOO_LARGE"  # the answer is over MAX_RESPONSE_BYTES
    UNKNOWN_LOCALE = "UNKNOWN_LOCALE"
    SEARCH_QUERY_TOO_LONG = "SEARCH_QUERY_TOO_LONG"
    RENDITION_FILTER_NOT_ALLOWED = "RENDITION_FILTER_NOT_ALLOWED"
    INVALID_PREVIEW_TOKEN = "INVALID_PREVIEW_TOKEN"
    INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR"
    SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"  # the database cannot answer now: retry after `Retry-After`


class ApiError(Exception):
    """An error the client caused and can fix: its message is safe to show, even in production."""

    def __init__(self, code: ErrorCode, message: str):
        super().__init__(message)
        self.code = code


def error_code(error: GraphQLError) -> ErrorCode:
    given = (error.extensions or {}).get("code")
    if given in ErrorCode.__members__:
        return ErrorCode(given)
    original = error.original_error
    if isinstance(original, ApiError):
        return original.code
    if isinstance(original, StrawberryInputCoercionError):  # a variable a scalar cannot read: like an enum's
        return ErrorCode.GRAPHQL_VALIDATION_FAILED
    if database_unavailable(original):
        return ErrorCode.SERVICE_UNAVAILABLE
    if original is not None:
        return ErrorCode.INTERNAL_SERVER_ERROR
    message = error.message
    if isinstance(error, GraphQLSyntaxError):
        # graphql-core's token limit is reported as a syntax error; the message is its only distinguishing mark.
        return ErrorCode.TOO_MANY_TOKENS if "tokens" in message else ErrorCode.GRAPHQL_PARSE_FAILED
    if "exceeds maximum operation depth" in message:
        return ErrorCode.QUERY_TOO_DEEP
    if "aliases found" in message:
        return ErrorCode.TOO_MANY_ALIASES
    if "introspection has been disabled" in message:
        return ErrorCode.INTROSPECTION_DISABLED
    return ErrorCode.GRAPHQL_VALIDATION_FAILED


SERVER_SIDE = frozenset({ErrorCode.INTERNAL_SERVER_ERROR, ErrorCode.SERVICE_UNAVAILABLE})


# graphql-core appends its guesses to the message: "... Did you mean 'province'?", "... Did you mean the enum value
# 'GE'?", "... Did you mean 'A', 'B', or 'C'?". In production they would describe the schema to whoever guesses.
# Sometimes mid-message ("... Did you mean 'province'? Found: {...}."): a suggestion holds names, never a "?".
_SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


def suggestions_strip(errors) -> None:
    for error in errors or ():
        if "Did you mean" in error.message:
            error.message = _SUGGESTION.sub("", error.message)


def is_expected(error: GraphQLError) -> bool:
    """Client errors keep their message in production; anything else is masked."""
    return error_code(error) not in SERVER_SIDE


def is_request_error(errors) -> bool:
    """Errors raised before execution (parse, validation, operation, variables): none of them has a field path."""
    return bool(errors) and all(not error.path for error in errors)


def errors_log(errors, execution_context=None) -> None:
    """What the schema's process_errors does: every error once, before masking, with its code.

    Expected errors are the client's (a bad cursor, a page too large): one line at INFO, since anyone can send
    them at any rate and they need no action. Anything else is a bug: ERROR, with the traceback.
    """
    operation = _operation_name(execution_context)
    for error in errors or ():
        code = error_code(error)
        path = ".".join(str(key) for key in error.path or ())
        extra = {"graphql_code": code.value, "graphql_operation": operation, "graphql_path": path or None}
        if code is ErrorCode.SERVICE_UNAVAILABLE:  # an outage: one throttled line for all requests, no traceback
            database_unavailable_log(error.original_error, f"GraphQL operation {operation or '-'}")
        elif code is ErrorCode.INTERNAL_SERVER_ERROR:
            original = error.original_error or error
            logger.error(
                "GraphQL internal error at %s (operation %s): %s", path or "-", operation or "-", error.message,
                exc_info=(type(original), original, original.__traceback__), extra=extra,
            )
        else:
            logger.info(
                "GraphQL client error %s at %s (operation %s): %s", code.value, path or "-", operation or "-",
                error.message, extra=extra,
            )


def _operation_name(execution_context) -> str | None:
    """The name of the operation that ran: the requested one, else the document's only one.

    Not strawberry's `operation_name`, which names the first operation of a document that holds several.
    """
    if execution_context is None:
        return None
    requested = getattr(execution_context, "_provided_operation_name", None)
    document = execution_context.graphql_document
    if requested is not None or document is None:
        return requested
    operations = [node for node in document.definitions if isinstance(node, OperationDefinitionNode)]
    return operations[0].name.value if len(operations) == 1 and operations[0].name else None


def add_codes(errors) -> None:
    for error in errors or ():
        if not (error.extensions or {}).get("code"):
            error.extensions = {**(error.extensions or {}), "code": error_code(error).value}


class ErrorCodes(SchemaExtension):
    """Adds `extensions.code` to every error of the result, before masking.

    Errors raised by the parser cache's hook escape the operation hooks (strawberry catches them further out), so
    the view adds codes again to whatever result it is about to send.
    """

    def on_operation(self):
        yield
        add_codes(getattr(self.execution_context.result, "errors", None))


class MaskUnexpectedErrors(MaskErrors):
    """Production: unexpected errors lose their message (no SQL, no traceback) but keep a stable code."""

    def __init__(self):
        super().__init__(should_mask_error=lambda error: not is_expected(error), error_message="Internal server error.")

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        masked = super().anonymise_error(error)
        masked.extensions = {"code": error_code(error).value}  # the view answers SERVICE_UNAVAILABLE with 503
        return masked
