"""System checks: a wrong rendition spec fails `manage.py check` (and start-up), not the first page that uses it."""

from django.core.checks import Error, register
from wagtail.images.exceptions import InvalidFilterSpecError
from wagtail.images.models import Filter

from media.renditions import allowed_filter_specs, rendition_specs


@register()
def rendition_specs_check(app_configs=None, **kwargs):
    errors = []
    for name in rendition_specs():
        if not name.isidentifier():
            errors.append(
                Error(
                    f"Rendition name {name!r} is not an identifier.",
                    hint="Use lower_case_with_underscores: names become API enum values.",
                    id="media.E001",
                )
            )
    for spec in sorted(allowed_filter_specs()):
        try:
            Filter(spec).operations  # noqa: B018 - parsing the spec is the check
        except InvalidFilterSpecError as error:
            errors.append(
                Error(
                    f"Invalid image filter spec {spec!r}: {error}",
                    hint="See MEDIA_RENDITION_SPECS / MEDIA_ALLOWED_FILTER_SPECS and media/renditions.py.",
                    id="media.E002",
                )
            )
    return errors
