"""URLconf for the newsletter tests: the newsletter's public routes, the admin, and a GraphQL endpoint built
from graphql_api.newsletter alone (the composed root schema belongs to graphql_api/schema.py)."""

import strawberry
from django.urls import include, path
from strawberry.django.views import GraphQLView
from wagtail.admin import urls as wagtailadmin_urls

from graphql_api.newsletter.schema import Mutation, Query

schema = strawberry.Schema(query=Query, mutation=Mutation)

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("newsletter/", include("newsletter.urls")),
    path("graphql/", GraphQLView.as_view(schema=schema)),
]
