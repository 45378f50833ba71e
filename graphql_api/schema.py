"""The root schema: composes the domain queries and mutations and adds the cross-cutting extensions. No resolvers here."""

import strawberry
from django.apps import apps
from strawberry.extensions import (
    DisableIntrospection,
    MaxTokensLimiter,
    ParserCache,
    SchemaExtension,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry_django.optimizer import DjangoOptimizerExtension
from wagtail.fields import StreamField
from wagtail.models import Page

from .associations.schema import Mutation as AssociationsMutation
from .caching.responses import ResponseCache
from .conf import api_setting, is_production
from .cost import QueryCost
from .errors import ErrorCodes, MaskUnexpectedErrors, errors_log, suggestions_strip
from .language import QueriesInDefaultLanguage
from .insights.schema import Mutation as InsightsMutation
from .limits import QueryLimits
from .locales.schema import Query as LocalesQuery
from .newsletter.schema import Mutation as NewsletterMutation
from .newsletter.schema import Query as NewsletterQuery
from .operation import OperationSelection
from .operation_type import OperationTypeLabel
from .pages.schema import Query as PagesQuery
from .pages.types import PAGE_TYPES
from .preview.schema import Query as PreviewQuery
from .scalars import SCALAR_OVERRIDES
from .search.schema import Query as SearchQuery
from .snippets.schema import Query as SnippetsQuery
from .streamfield.registry import UnmappedBlockError
from .streamfield.types import registry as block_registry

Query = merge_types("Query", (LocalesQuery, PagesQuery, SnippetsQuery, SearchQuery, PreviewQuery, NewsletterQuery))
Mutation = merge_types("Mutation", (NewsletterMutation, AssociationsMutation, InsightsMutation))


class ListingOptimizer(DjangoOptimizerExtension):
    """strawberry-django's optimizer for the querysets of its own fields (our listings), without a hook per field.

    Its `resolve` hook would wrap every field of every response (a GraphQL middleware: a 20-block page has
    hundreds of fields) to optimise the querysets plain resolvers return; ours return none, they go through
    the request's loaders. strawberry-django's fields still optimise their querysets themselves while the
    extension is active (`on_execute`), which is what gives a listing its totalCount in the same query.
    """

    resolve = SchemaExtension.resolve


class ApiSchema(strawberry.Schema):
    """In production, no error suggests a name: strawberry only drops its "Did you mean" for unknown fields,
    graphql-core also suggests arguments, input fields, enum values and types (docs/api.md)."""

    def process_errors(self, errors, execution_context=None) -> None:
        if self.config.disable_field_suggestions:
            suggestions_strip(errors)
        errors_log(errors, execution_context)  # instead of strawberry's traceback at ERROR for every error


def check_mappings() -> None:
    """Fail the schema build when a page model or a StreamField block has no GraphQL type."""
    models = apps.get_app_config("content_models").get_models()
    unmapped_pages = [
        model.__name__ for model in models if issubclass(model, Page) and model not in PAGE_TYPES
    ]
    if unmapped_pages:
        raise UnmappedBlockError(f"Page models without a GraphQL type (graphql_api/pages/types.py): {unmapped_pages}")
    stream_blocks = [
        field.stream_block
        for model in apps.get_app_config("content_models").get_models()
        for field in model._meta.get_fields()
        if isinstance(field, StreamField)
    ]
    block_registry.check(*stream_blocks)


def build_schema(*, production: bool) -> strawberry.Schema:
    extensions = [
        ErrorCodes,
        QueryLimits,
        lambda: MaxTokensLimiter(max_token_count=api_setting("MAX_TOKENS")),
        lambda: ParserCache(maxsize=256),
        OperationSelection,
        lambda: ValidationCache(maxsize=256),
        OperationTypeLabel,
        QueryCost,
        ResponseCache,
        QueriesInDefaultLanguage,
        # Only select/prefetch hints: `only()` would defer columns that Wagtail's page methods read row by row.
        lambda: ListingOptimizer(enable_only_optimization=False),
    ]
    if production:
        extensions = [MaskUnexpectedErrors, *extensions, DisableIntrospection]
    return ApiSchema(
        query=Query,
        mutation=Mutation,
        types=[*PAGE_TYPES.values(), *block_registry.graphql_types()],
        extensions=extensions,
        scalar_overrides=SCALAR_OVERRIDES,
        config=StrawberryConfig(
            disable_field_suggestions=production,
            relay_max_results=api_setting("MAX_PAGE_SIZE"),
        ),
    )


check_mappings()
schema = build_schema(production=is_production())
