"""Tells the Django request which kind of operation it ran, for the request metrics and logs (operations app)."""

from strawberry.extensions import SchemaExtension


class OperationTypeLabel(SchemaExtension):
    """Sets `request.graphql_operation_type` ("query", "mutation") once the document has validated."""

    def on_execute(self):
        request = getattr(self.execution_context.context, "request", None)
        if request is not None:
            request.graphql_operation_type = self.execution_context.operation_type.value
        yield
