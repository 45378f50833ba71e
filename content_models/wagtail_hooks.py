"""Admin registration of the snippets: searchable, filterable lists in every locale."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ServicePoint, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_order = 200
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "description"]


class ServicePointViewSet(SnippetViewSet):
    model = ServicePoint
    icon = "site"
    menu_order = 210
    list_display = ["name", "municipality", "province", "locale"]
    list_filter = ["province", "kind"]
    search_fields = ["name", "municipality", "address"]


register_snippet(TopicViewSet)
register_snippet(ServicePointViewSet)
