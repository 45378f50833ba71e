"""What an operation costs, before it runs: every field it would resolve, lists multiplied through.

Depth, aliases and tokens bound a document's size, not its work: `events(first: 100) { edges { node { body {
...Blocks } } } }` under 30 aliases is a legal 6 KB query that resolves millions of fields. Here each field costs 1,
times the number of items of every list above it:

- a connection (`events`, `servicePages`, `search`, ...) holds `first` (or `last`) items, from the literal or the
  variables; without either, the most a connection returns (MAX_PAGE_SIZE);
- any other list of objects holds at most its entry in LIST_SIZES (a page's blocks, translations, ...), or
  DEFAULT_LIST_SIZE.

Fragments on an abstract type (a block, a page) count the most expensive concrete type, not their sum: an item is
one type. Past MAX_COST the operation is refused with QUERY_TOO_COMPLEX before any SQL runs. The figures are upper
bounds on purpose: a client asks for what it shows.
"""

from graphql import (
    ExecutionResult,
    FieldNode,
    GraphQLError,
    FragmentSpreadNode,
    GraphQLList,
    GraphQLNonNull,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    VariableNode,
    get_named_type,
    is_abstract_type,
)
from strawberry.extensions import SchemaExtension

from .conf import api_setting
from .errors import ApiError, ErrorCode

# The most items a list field holds (its block's max_num, the number of languages, ...). Others: DEFAULT_LIST_SIZE.
LIST_SIZES = {
    "body": 50,
    "translations": 9,
    "locales": 9,
    "breadcrumbs": 6,
    "pages": 12,
    "steps": 12,
    "howToAccess": 12,
    "figures": 12,
    "keyFigures": 12,
    "items": 20,
    "servicePoints": 20,
    "openingHours": 14,
    "socialLinks": 10,
    "topics": 10,
}
DEFAULT_LIST_SIZE = 20
CONNECTION_ITEM_LISTS = {"edges", "nodes"}


def _list_type(graphql_type) -> bool:
    if isinstance(graphql_type, GraphQLNonNull):
        graphql_type = graphql_type.of_type
    return isinstance(graphql_type, GraphQLList)


def _argument(node: FieldNode, names: tuple[str, ...], variables: dict):
    for argument in node.arguments or ():
        if argument.name.value in names:
            value = argument.value
            if isinstance(value, IntValueNode):
                return int(value.value)
            if isinstance(value, VariableNode):
                found = variables.get(value.name.value)
                return found if isinstance(found, int) else None
    return None


class CostCounter:
    def __init__(self, schema, document, variables: dict | None, *, page_size: int):
        self.schema = schema
        self.variables = variables or {}
        self.page_size = page_size
        self.fragments = {}
        self.operations = []
        for definition in document.definitions:
            if isinstance(definition, OperationDefinitionNode):
                self.operations.append(definition)
            elif hasattr(definition, "type_condition"):
                self.fragments[definition.name.value] = definition

    def operation_cost(self, operation_name: str | None) -> int:
        operation = next(
            (op for op in self.operations if operation_name is None or (op.name and op.name.value == operation_name)),
            None,
        )
        if operation is None:
            return 0
        root = self.schema.get_root_type(operation.operation)
        return self._selections(operation.selection_set, root, connection_size=None, seen=frozenset())

    def _selections(self, selection_set, parent_type, *, connection_size, seen) -> int:
        """Cost of one item of `parent_type` with these selections."""
        if selection_set is None:
            return 0
        common = 0
        by_concrete_type: dict[str, int] = {}
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                common += self._field(selection, parent_type, connection_size=connection_size, seen=seen)
                continue
            if isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in seen:
                    continue
                condition, inner, seen_inner = fragment.type_condition, fragment.selection_set, seen | {name}
            elif isinstance(selection, InlineFragmentNode):
                condition, inner, seen_inner = selection.type_condition, selection.selection_set, seen
            else:
                continue
            fragment_type = self.schema.get_type(condition.name.value) if condition else parent_type
            cost = self._selections(inner, fragment_type or parent_type, connection_size=connection_size,
                                    seen=seen_inner)
            if fragment_type is None or is_abstract_type(fragment_type) or fragment_type is parent_type:
                common += cost  # applies to every item
            else:
                by_concrete_type[fragment_type.name] = by_concrete_type.get(fragment_type.name, 0) + cost
        return common + max(by_concrete_type.values(), default=0)

    def _field(self, node: FieldNode, parent_type, *, connection_size, seen) -> int:
        name = node.name.value
        fields = getattr(parent_type, "fields", {})
        field = fields.get(name)
        if field is None:  # __typename, introspection, or unknown (validation has refused those already)
            return 1
        field_type = get_named_type(field.type)
        items = 1
        inner_connection = None
        if field_type.name.endswith("Connection"):
            requested = _argument(node, ("first", "last"), self.variables)
            inner_connection = min(requested, self.page_size) if requested is not None and requested >= 0 else self.page_size
        if _list_type(field.type) and node.selection_set is not None:
            if name in CONNECTION_ITEM_LISTS and connection_size is not None:
                items = connection_size
            else:
                items = LIST_SIZES.get(name, DEFAULT_LIST_SIZE)
        return 1 + items * self._selections(
            node.selection_set, field_type, connection_size=inner_connection, seen=seen
        )


def operation_cost(schema, document, *, variables: dict | None, operation_name: str | None, page_size: int) -> int:
    """The cost of the operation a request runs (see the module's docstring)."""
    return CostCounter(schema, document, variables, page_size=page_size).operation_cost(operation_name)


class QueryCost(SchemaExtension):
    """Refuses an operation that costs more than MAX_COST, before it executes and before any SQL (the response
    cache is not consulted for it either)."""

    def on_execute(self):
        execution = self.execution_context
        if execution.graphql_document is not None and execution.result is None:
            limit = api_setting("MAX_COST")
            cost = operation_cost(
                execution.schema._schema, execution.graphql_document, variables=execution.variables,
                operation_name=execution.operation_name, page_size=api_setting("MAX_PAGE_SIZE"),
            )
            if cost > limit:
                message = (
                    f"This query would resolve about {cost} fields, more than the {limit} allowed: ask for fewer "
                    "items (`first`) or fewer fields, or split it."
                )
                error = GraphQLError(message, original_error=ApiError(ErrorCode.QUERY_TOO_COMPLEX, message))
                execution.result = ExecutionResult(data=None, errors=[error])
        yield
