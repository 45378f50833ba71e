"""Preview of a snippet's translation from wagtail-localize's translation editor.

wagtail-localize previews translations of pages only (its preview view answers 404 for anything else), so a
translator of a previewable snippet (a newsletter issue's Arabic edition, a service point) could not see their
work. This view does for snippets what wagtail-localize does for pages: the source with the translated strings
saved so far (untranslated ones fall back to the source's), rendered by the snippet's own `serve_preview`. The
link to it sits in the translation editor's header (templates/wagtail_localize/admin/includes/generic_header.html).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.views.decorators.http import require_GET
from wagtail.models import Page, PreviewableMixin
from wagtail_localize.models import Translation

from content_models.kernel.untranslated import untranslated_record


def _previewable_snippet_model(translation: Translation):
    model = translation.source.specific_content_type.model_class()
    if model is None or issubclass(model, Page) or not issubclass(model, PreviewableMixin):
        return None
    if getattr(model, "snippet_viewset", None) is None:
        return None
    return model


def translation_preview_modes(translation: Translation) -> list[tuple[str, str]]:
    """[(label, url)] of every preview mode of the translated snippet; empty for pages and other snippets."""
    model = _previewable_snippet_model(translation)
    if model is None:
        return []
    instance = translation.source.as_instance()
    return [(label, translation_preview_url(translation, mode)) for mode, label in instance.preview_modes]


def translation_preview_url(translation: Translation, mode: str = "") -> str:
    """Wagtail's default preview mode is "": a URL without a mode."""
    if mode:
        return reverse("snippet_translation_preview", args=[translation.pk, mode])
    return reverse("snippet_translation_preview", args=[translation.pk])


@require_GET
def snippet_translation_preview(request, translation_id: int, mode: str = ""):
    translation = get_object_or_404(Translation, pk=translation_id)
    model = _previewable_snippet_model(translation)
    if model is None:
        raise Http404
    if not model.snippet_viewset.permission_policy.user_has_permission(request.user, "change"):
        raise PermissionDenied
    try:
        instance = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    except model.DoesNotExist:
        raise Http404 from None  # not yet created in the target language: "Translate" creates it
    if mode not in dict(instance.preview_modes):
        raise Http404
    untranslated_record(instance)  # as a save would: the strings still in the source's language say so
    return instance.make_preview_request(request, mode)


urlpatterns = [
    path("translations/<int:translation_id>/preview/", snippet_translation_preview, name="snippet_translation_preview"),
    path(
        "translations/<int:translation_id>/preview/<str:mode>/",
        snippet_translation_preview,
        name="snippet_translation_preview",
    ),
]
