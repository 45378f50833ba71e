"""The admin form of every page type: what a user chooses must be something they may choose.

The admin's choosers only offer what a user may choose (pages through the `construct_page_chooser_queryset` hooks,
images and documents through their collection's "choose" permission), but a form posts plain ids: a hand-made POST
can put any page, image or document into a chooser field, a StreamField block or a rich-text link, and the
preview would then render it. Here every page, image and document a form submits, and that its page did not
already hold, is checked against what the user may choose; the rest is a form error, so neither a draft nor a
preview is ever made of it. What a page already refers to (an editor chose it) stays, whoever saves next.

Who may choose which pages: the `filter_choosable_pages` hook (pages, user) -> pages narrows it, as the page
chooser's own hook does for browsing; nothing narrows it by default.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permissions import policy_registry

CHOOSABLE_PAGES_HOOK = "filter_choosable_pages"

NOT_CHOOSABLE = _("“%(field)s” refers to something you cannot choose (%(kind)s %(ids)s). Choose it again from the list.")


def _kind(model) -> str | None:
    if model is None:
        return None
    if issubclass(model, Page):
        return "page"
    if issubclass(model, get_image_model()):
        return "image"
    if issubclass(model, get_document_model()):
        return "document"
    return None  # snippets (topics, service points) are the public taxonomy: anyone may pick them


def _model(model_or_content_type):
    if isinstance(model_or_content_type, int):
        return ContentType.objects.get_for_id(model_or_content_type).model_class()
    return model_or_content_type


def field_references(model_field, value) -> set[tuple[str, str]]:
    """(kind, id) of the pages, images and documents a field value refers to."""
    found = set()
    if value in (None, ""):
        return found
    if isinstance(model_field, (StreamField, RichTextField)):
        for model, object_id, _model_path, _content_path in model_field.extract_references(value):
            kind = _kind(_model(model))
            if kind and object_id not in (None, ""):
                found.add((kind, str(object_id)))
    elif isinstance(model_field, models.ForeignKey):
        kind = _kind(model_field.related_model)
        pk = value.pk if isinstance(value, models.Model) else value  # a chosen object, or the stored id
        if kind and pk is not None:
            found.add((kind, str(pk)))
    return found


def choosable_ids(user, kind: str, ids: set[str]) -> set[str]:
    """The subset of `ids` (of pages, images or documents) the user may choose."""
    numeric = {int(pk) for pk in ids if str(pk).isdigit()}
    if kind == "page":
        pages = Page.objects.filter(pk__in=numeric)
        for narrow in hooks.get_hooks(CHOOSABLE_PAGES_HOOK):
            pages = narrow(pages, user)
        allowed = pages.values_list("pk", flat=True)
    else:
        model = get_image_model() if kind == "image" else get_document_model()
        policy = policy_registry.get_by_type(model)
        allowed = policy.instances_user_has_permission_for(user, "choose").filter(pk__in=numeric)
        allowed = allowed.values_list("pk", flat=True)
    return {str(pk) for pk in allowed}


KIND_LABELS = {"page": _("page"), "image": _("image"), "document": _("document")}


def references_not_choosable(user, submitted: set, existing: set) -> dict[str, set[str]]:
    """kind -> ids among the `submitted` references that are new (not in `existing`) and not choosable by user."""
    new_by_kind: dict[str, set[str]] = defaultdict(set)
    for kind, pk in submitted - existing:
        new_by_kind[kind].add(pk)
    refused = {kind: ids - choosable_ids(user, kind, ids) for kind, ids in new_by_kind.items()}
    return {kind: ids for kind, ids in refused.items() if ids}


class PageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        user = getattr(self, "for_user", None)
        if user is None or user.is_superuser:
            return cleaned_data
        for name, value in list(cleaned_data.items()):
            try:
                model_field = self._meta.model._meta.get_field(name)
            except FieldDoesNotExist:  # form-only fields (comments, scheduling) hold no references
                continue
            # The instance still holds the page as it was (the latest revision): the form fills it in later.
            existing = field_references(model_field, getattr(self.instance, model_field.attname, None))
            refused = references_not_choosable(user, field_references(model_field, value), existing)
            for kind, ids in sorted(refused.items()):
                error = ValidationError(
                    NOT_CHOOSABLE,
                    code="not_choosable",
                    params={"field": model_field.verbose_name, "kind": KIND_LABELS[kind], "ids": ", ".join(sorted(ids))},
                )
                # StreamField and rich text show a form-wide message: their widgets expect errors per block.
                self.add_error(None if isinstance(model_field, (StreamField, RichTextField)) else name, error)
        return cleaned_data
