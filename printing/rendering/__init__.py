"""Content to print HTML: block renderers, what each kind of content shows, and the edition's document."""

from django.apps import apps
from wagtail.fields import StreamField

from content_models.models.mixins import TopicPage

from . import blocks as _renderers  # noqa: F401 - registers the block renderers
from .registry import UnmappedBlockError, registry
from .sections import BUILDERS, UnmappedSubjectError


def check_mappings() -> None:
    """Fail start-up when a block or a content page type has no print rendering (called from the app's ready())."""
    models = list(apps.get_app_config("content_models").get_models())
    registry.check(
        *(
            field.stream_block
            for model in models
            for field in model._meta.get_fields()
            if isinstance(field, StreamField)
        )
    )
    unmapped = [model.__name__ for model in models if issubclass(model, TopicPage) and model not in BUILDERS]
    if unmapped:
        raise UnmappedSubjectError(
            f"Content page types without a print layout (printing/rendering/sections.py): {unmapped}"
        )


__all__ = ["UnmappedBlockError", "UnmappedSubjectError", "check_mappings", "registry"]
