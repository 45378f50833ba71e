"""What distribution does when content changes: one place wiring Wagtail's and Django's signals to the outbox,
the publish webhooks and the national portal. Connected once, from DistributionConfig.ready().

Receivers run inside the writing transaction (Wagtail publishes, moves and deletes atomically): rows they add
commit with the change, and sending waits for the commit (on_commit), so a rolled-back publish sends nothing.
"""

import threading

from django.conf import settings
from django.db.models.signals import post_save, pre_delete
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from cms.tasks import task_enqueue
from content_models.kernel.visibility import private_page_paths, visible_pages
from content_models.models import ServicePoint, Topic

from .models import NationalPortalItem
from .outbox.scheduling import page_posts_retract, page_posts_schedule
from .webhooks.events import (
    page_event_record,
    page_is_public,
    path_entry,
    public_translation_paths,
    snippet_event_record,
)


def _webhooks_on() -> bool:
    """No endpoint configured: skip the path queries altogether (seeding and imports stay cheap)."""
    return bool(settings.DISTRIBUTION_WEBHOOK_URLS)


def _published(sender, instance, **kwargs):
    if not page_is_public(instance):
        return  # restricted, expired or not yet live: nothing public changed
    page_posts_schedule(page=instance)
    if _webhooks_on():
        page_event_record(event_type="page.published", page=instance, paths=public_translation_paths(instance))
    if NationalPortalItem.objects.filter(page_id=instance.pk).exists():
        task_enqueue("distribution.tasks.national_package_email", instance.pk)


def _was_public(page) -> bool:
    return page.depth > 1 and not any(page.path.startswith(path) for path in private_page_paths())


def _unpublished(sender, instance, **kwargs):
    page_posts_retract(page=instance, reason=_("The page was unpublished"))
    if _webhooks_on() and _was_public(instance):
        paths = [path_entry(language=instance.locale.language_code, url_path=instance.url_path)]
        page_event_record(event_type="page.unpublished", page=instance,
                          paths=paths + public_translation_paths(instance, exclude_self=True))


def _deleting(sender, instance, **kwargs):
    # Wagtail's own pre_delete receiver has already unpublished a live page (page_unpublished went out), so
    # `live` is False here: every page that was ever published gets its "deleted" event; drafts get none.
    if instance.first_published_at is None:
        return
    page_posts_retract(page=instance, reason=_("The page was deleted"))
    if _webhooks_on() and _was_public(instance):
        paths = [path_entry(language=instance.locale.language_code, url_path=instance.url_path)]
        page_event_record(event_type="page.deleted", page=instance,
                          paths=paths + public_translation_paths(instance, exclude_self=True))


# Public paths of a subtree before its move, from pre_page_move to post_page_move (same thread, same request).
_before_move = threading.local()


def _public_subtree(page):
    subtree = Page.objects.descendant_of(page, inclusive=True).select_related("locale").order_by("path")
    return visible_pages(subtree, now=timezone.now(), private_paths=private_page_paths())


def _moving(sender, instance, url_path_before, url_path_after, **kwargs):
    if url_path_before == url_path_after or not _webhooks_on():
        return
    # Read before the move: a page moved under a restricted section was public at its old address only.
    _before_move.paths = {
        page.pk: path_entry(language=page.locale.language_code, url_path=page.url_path)
        for page in _public_subtree(instance)
    }


def _moved(sender, instance, url_path_before, url_path_after, **kwargs):
    if url_path_before == url_path_after or not _webhooks_on():
        return  # reordered among its siblings: no address changed
    old_paths = list(getattr(_before_move, "paths", {}).values())
    _before_move.paths = {}
    new_paths = [path_entry(language=page.locale.language_code, url_path=page.url_path)
                 for page in _public_subtree(instance)]
    if old_paths or new_paths:
        page_event_record(event_type="page.moved", page=instance, paths=old_paths + new_paths,
                          extra={"old_paths": old_paths, "new_paths": new_paths})


def _snippet_saved(sender, instance, **kwargs):
    if _webhooks_on():
        snippet_event_record(instance=instance)


def _snippet_deleting(sender, instance, **kwargs):
    if _webhooks_on():
        snippet_event_record(instance=instance, deleted=True)


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
