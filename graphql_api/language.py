"""Queries run in the default language, whatever the request's Accept-Language says.

What a query returns is chosen by its `locale` arguments, never by the reader's browser: the response cache keys
on the GraphQL request alone (caching/responses.py) and HTTP caches get no `Vary: Accept-Language`
(middleware.LanguageIndependentMiddleware). Running queries in one fixed language keeps that true even if a
resolver one day reaches a translated string. Mutations keep the request's language: their `message`s are for
people (the newsletter's, docs/newsletter.md), and their responses are never cached.
"""

from django.conf import settings
from django.utils import translation
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType


class QueriesInDefaultLanguage(SchemaExtension):
    def on_execute(self):
        if self.execution_context.operation_type is OperationType.QUERY:
            with translation.override(settings.LANGUAGE_CODE):
                yield
        else:
            yield
