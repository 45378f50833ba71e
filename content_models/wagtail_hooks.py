"""Admin set-up of the content: snippet registration, previews of snippet translations, right-to-left editing."""

from django.templatetags.static import static
from django.urls import include, path
from django.utils.html import format_html, json_script
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.languages import CONTENT_LANGUAGES

from . import translation_preview
from .models import ServicePoint, Topic
from .snippet_views import TranslatableSnippetEditView


class TopicViewSet(SnippetViewSet):
    model = Topic
    edit_view_class = TranslatableSnippetEditView
    icon = "tag"
    menu_order = 200
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "description"]


class ServicePointViewSet(SnippetViewSet):
    model = ServicePoint
    edit_view_class = TranslatableSnippetEditView
    icon = "site"
    menu_order = 210
    list_display = ["name", "municipality", "province", "locale"]
    list_filter = ["province", "kind"]
    search_fields = ["name", "municipality", "address"]


register_snippet(TopicViewSet)
register_snippet(ServicePointViewSet)


@hooks.register("register_admin_urls")
def register_translation_preview_urls():
    return [path("content/", include(translation_preview.urlpatterns))]


@hooks.register("insert_global_admin_js")
def text_direction_follows_content():
    return format_html('<script src="{}" defer></script>', static("content_models/admin/text-direction.js"))


@hooks.register("insert_global_admin_css")
def text_direction_styles():
    return format_html('<link rel="stylesheet" href="{}">', static("content_models/admin/text-direction.css"))


@hooks.register("insert_editor_js")
def translation_editor_directions():
    """wagtail-localize's translation editor: source and translation each in its own language's direction."""
    directions = {language.code: language.direction for language in CONTENT_LANGUAGES}
    return format_html(
        '{}<script src="{}" defer></script>',
        json_script(directions, "content-language-directions"),
        static("content_models/admin/translation-editor-direction.js"),
    )
