from django.urls import path

from .conf import is_production
from .schema import schema
from .views import ApiView

urlpatterns = [
    path("", ApiView.as_view(schema=schema, graphql_ide=None if is_production() else "graphiql"), name="graphql"),
]
