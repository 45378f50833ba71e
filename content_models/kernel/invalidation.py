"""The one list of what changes published content: every such write bumps the content generation.

Publishing, unpublishing, moving and deleting a page; saving or deleting any translatable model (pages, topics,
service points, their translations), an image, a document, a collection, a privacy restriction (of a page or a
collection) or a locale, and of any model marked `reaches_readers` (printed editions). Saving a draft does not: it only touches the page row's draft columns.

Connected once, from ContentModelsConfig.ready(); the API's response cache, the feeds and the newsletter's web
view all key on the one generation, so none of them connects signals of its own. The receivers run where the
write runs, inside its transaction when there is one (Wagtail publishes, moves and deletes atomically), so the
bump commits with the content, and a rolled-back write bumps nothing. The bump is one row update in the same
database: no cache is touched at publish time. Scheduled publishing (`publish_scheduled`) and wagtail-localize's
translation publishing go through the same revision publishing and the same signals. Writes that bypass signals
(`QuerySet.update()`, raw SQL) are not seen: content must be written through models and Wagtail's actions, as
the admin does.
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

from .generation import content_generation_bump

# Saving a draft (save_revision) writes only these columns of the live row: nothing published changes.
DRAFT_ONLY_FIELDS = frozenset(
    {"latest_revision", "latest_revision_created_at", "draft_title", "has_unpublished_changes", COMMENTS_RELATION_NAME}
)


def served_models() -> list[type]:
    """Models whose rows reach readers: pages and snippets (every translatable model), media, privacy, locales, and
    any model that says its rows are published content (`reaches_readers = True`: printed editions, made in the
    background after a publish, must reach cached API responses). The attribute keeps the kernel free of imports
    of the apps built on it."""
    translatable = [model for model in apps.get_models() if issubclass(model, TranslatableMixin)]
    declared = [model for model in apps.get_models() if getattr(model, "reaches_readers", False)]
    return [
        *translatable,
        *declared,
        get_image_model(),
        get_document_model(),
        Collection,
        CollectionViewRestriction,
        PageViewRestriction,
        Locale,
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
        post_save.connect(_saved, sender=model, dispatch_uid=f"content_models.kernel.saved.{model._meta.label}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"content_models.kernel.deleted.{model._meta.label}")
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
        signal.connect(_changed, dispatch_uid=f"content_models.kernel.{name}")
