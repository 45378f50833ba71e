"""What distribution does when content changes: one place wiring Wagtail's and Django's signals to the social
outbox, the publish webhooks and the national portal. Connected once, from DistributionConfig.ready().

Publishing never fails because of distribution. Receivers run inside the editor's transaction (Wagtail publishes,
moves and deletes atomically) and only *note* the change; after the commit a task applies it (changes.py):
- best effort: a failure there is logged, and the page stays published, with its audit-log entry written;
- retried: the task tries again with backoff where the task backend can defer (the database backend and its
  `db_worker`); it applies a change in one transaction, so a retry starts from nothing;
- a publish that rolls back notes nothing (on_commit), and a change noted twice does no harm (posts already out
  are not posted again; an unpublished-then-republished page is not retracted).
What a change destroys is read while noting it, guarded by a savepoint: a deleted page's paths and posts, a moved
page's old paths, the pages a deleted snippet was shown on. If even that fails, the change is logged and lost
rather than the editor's write.
"""

import functools
import logging
import threading

from django.db import transaction
from django.db.models.signals import post_save, pre_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from cms.tasks import task_enqueue
from content_models.models import ServicePoint, Topic

from .changes import public_subtree_paths, was_public, webhooks_on
from .models import SocialDelivery
from .webhooks.events import page_reference, path_entry, snippet_event

logger = logging.getLogger(__name__)


def change_note(change: dict) -> None:
    """Apply `change` in a task once the writing transaction commits; nothing of it can raise into the write."""
    task_enqueue("distribution.tasks.content_change_distribute", change)


def _noted_before_the_write(describe):
    """Run a receiver that reads what the write will destroy; on failure log it and let the write go on."""

    @functools.wraps(describe)
    def receiver(sender, instance, **kwargs):
        try:
            with transaction.atomic():  # a savepoint: a failed read must not abort the editor's transaction
                change = describe(sender, instance, **kwargs)
        except Exception:
            logger.exception("Distribution could not note a change of %r; posts and webhooks skip it", instance)
            return
        if change is not None:
            change_note(change)

    return receiver


def _published(sender, instance, **kwargs):
    change_note({"event": "page.published", "page_id": instance.pk})


def _unpublished(sender, instance, **kwargs):
    # Wagtail unpublishes a page before deleting it: then only this note says where it was (no query needed).
    change_note({
        "event": "page.unpublished",
        "page": page_reference(instance),
        "path": path_entry(language=instance.locale.language_code, url_path=instance.url_path),
        "tree_path": instance.path,
    })


@_noted_before_the_write
def _deleting(sender, instance, **kwargs):
    # Wagtail's own pre_delete receiver has already unpublished a live page (page_unpublished went out), so
    # `live` is False here: every page that was ever published gets its "deleted" change; drafts get none.
    if instance.first_published_at is None:
        return None
    public = webhooks_on() and was_public(instance)
    return {
        "event": "page.deleted",
        "page": page_reference(instance),
        "path": path_entry(language=instance.locale.language_code, url_path=instance.url_path) if public else None,
        # The delete leaves these without a page: noted now, retracted after the commit.
        "deliveries": list(SocialDelivery.objects.filter(page=instance).values_list("pk", flat=True)),
    }


# Public paths of a subtree before its move, from pre_page_move to post_page_move (same thread, same request).
_before_move = threading.local()


@_noted_before_the_write
def _moving(sender, instance, url_path_before, url_path_after, **kwargs):
    if url_path_before != url_path_after and webhooks_on():
        # Read before the move: a page moved under a restricted section was public at its old address only.
        _before_move.paths = public_subtree_paths(instance)
    return None


def _moved(sender, instance, url_path_before, url_path_after, **kwargs):
    old_paths = getattr(_before_move, "paths", [])
    _before_move.paths = []
    if url_path_before == url_path_after or not webhooks_on():
        return  # reordered among its siblings: no address changed
    change_note({"event": "page.moved", "page_id": instance.pk, "old_paths": old_paths})


def _snippet_saved(sender, instance, **kwargs):
    if webhooks_on():
        change_note({"event": "snippet.changed", "model": instance._meta.label, "pk": instance.pk})


@_noted_before_the_write
def _snippet_deleting(sender, instance, **kwargs):
    if not webhooks_on():
        return None
    return {"event": "snippet.deleted", "record": snippet_event(instance=instance, deleted=True)}


def lifecycle_connect() -> None:
    page_published.connect(_published, dispatch_uid="distribution.published")
    page_unpublished.connect(_unpublished, dispatch_uid="distribution.unpublished")
    pre_page_move.connect(_moving, dispatch_uid="distribution.moving")
    post_page_move.connect(_moved, dispatch_uid="distribution.moved")
    # The base class catches every page type, and each page of a deleted subtree.
    pre_delete.connect(_deleting, sender=Page, dispatch_uid="distribution.page_deleting")
    for model in (Topic, ServicePoint):
        post_save.connect(_snippet_saved, sender=model, dispatch_uid=f"distribution.saved.{model._meta.label}")
        pre_delete.connect(_snippet_deleting, sender=model, dispatch_uid=f"distribution.deleting.{model._meta.label}")
