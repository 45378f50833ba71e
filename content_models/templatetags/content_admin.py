"""Template tags of the content's admin screens."""

from django import template

from ..translation_preview import translation_preview_modes as _translation_preview_modes

register = template.Library()


@register.simple_tag
def translation_preview_modes(translation):
    return _translation_preview_modes(translation) if translation is not None else []
