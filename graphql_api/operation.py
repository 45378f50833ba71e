"""Which operation of a document a request runs: the one `operationName` names, or the document's only one.

strawberry (0.341) passes graphql-core the document's *first* operation name when a request gives none, so a
document with several operations silently ran the first. The GraphQL spec's GetOperation (and GraphQL over HTTP)
make both a missing name among several operations and a name the document does not hold a request error.
"""

from graphql import GraphQLError, OperationDefinitionNode
from strawberry.extensions import SchemaExtension

from .errors import ErrorCode


def operation_error(document, operation_name: str | None) -> str | None:
    """Why no operation of `document` can run for `operation_name`; None when exactly one can."""
    operations = [node for node in document.definitions if isinstance(node, OperationDefinitionNode)]
    if operation_name is None:
        if not operations:
            return "The document contains no operation."
        if len(operations) > 1:
            return "The document contains several operations: name the one to run in `operationName`."
        return None
    if not any(node.name is not None and node.name.value == operation_name for node in operations):
        return f"The document contains no operation named {operation_name!r}."
    return None


class OperationSelection(SchemaExtension):
    def on_parse(self):
        yield
        context = self.execution_context
        if context.graphql_document is None:  # a syntax error: reported as such
            return
        # The name as the request gave it: `context.operation_name` already falls back to the first operation's.
        message = operation_error(context.graphql_document, context._provided_operation_name)
        if message is not None:
            raise GraphQLError(message, extensions={"code": ErrorCode.OPERATION_RESOLUTION_FAILURE.value})
