"""What invalidates the response cache: every write to something the API serves bumps the content generation.

Connected once, from GraphqlApiConfig.ready(). The receivers run where the write runs, inside its transaction
when there is one (Wagtail publishes, moves and deletes atomically), so the bump commits with the content.
Scheduled publishing (`publish_scheduled`) and wagtail-localize's translation publishing go through the same
revision publishing and the same signals. Writes that bypass signals (`QuerySet.update()`, raw SQL) are not
seen: content must be written through models and Wagtail's actions, as the admin does.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    COMMENTS_RELATION_NAME,
    Collection,
    CollectionViewRestriction,
    Locale,
    PageViewRestriction,
    TranslatableMixin,
)
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from printing.models import PrintEdition

from .generation import content_generation_bump

# Saving a draft (save_revision) writes only these columns of the live row: nothing the API serves changes.
DRAFT_ONLY_FIELDS = frozenset(
    {"latest_revision", "latest_revision_created_at", "draft_title", "has_unpublished_changes", COMMENTS_RELATION_NAME}
)


def served_models() -> list[type]:
    """Models whose rows reach API responses: pages and snippets (every translatable model), media, privacy, and
    printed editions (made in the background after a publish: a new one must reach cached responses)."""
    translatable = [model for model in apps.get_models() if issubclass(model, TranslatableMixin)]
    return [
        *translatable,
        get_image_model(),
        get_document_model(),
        Collection,
        CollectionViewRestriction,
        PageViewRestriction,
        Locale,
        PrintEdition,
    ]


def _saved(sender, update_fields=None, **kwargs) -> None:
    if update_fields is not None and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    content_generation_bump()


def _changed(sender, **kwargs) -> None:
    content_generation_bump()


def invalidation_connect() -> None:
    # Per model rather than for every model: a post_delete receiver for all senders would stop Django's fast
    # (signal-free) bulk deletes everywhere, the newsletter's included.
    for model in served_models():
        post_save.connect(_saved, sender=model, dispatch_uid=f"graphql_api.saved.{model._meta.label}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"graphql_api.deleted.{model._meta.label}")
    # Publishing also saves the row (post_save above); these say so explicitly and cover moves, whose descendants
    # change through QuerySet.update().
    lifecycle = {
        "page_published": page_published,
        "page_unpublished": page_unpublished,
        "post_page_move": post_page_move,
        "published": published,
        "unpublished": unpublished,
    }
    for name, signal in lifecycle.items():
        signal.connect(_changed, dispatch_uid=f"graphql_api.{name}")
