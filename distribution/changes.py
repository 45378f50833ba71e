"""What a content change makes, once it has committed: social posts, publish webhooks, the national package.

lifecycle.py notes each change (a small JSON-able dict) while the editor's transaction runs; the task
`distribution.tasks.content_change_distribute` applies it here after the commit, in a transaction of its own, so
the rows it adds commit together or not at all (and a retry starts from nothing). Everything that can be read
again after the commit is read here (whether the page is public now, its paths in every locale); only what the
change destroys (a deleted page's paths and posts, a moved page's old paths, a deleted snippet's pages) was read
before, and comes in the change.
"""

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.tasks import task_enqueue

from content_models.kernel.visibility import private_page_paths, visible_pages

from .models import SocialDelivery, NationalPortalItem
from .outbox.scheduling import page_posts_retract, page_posts_schedule, posts_retract
from .webhooks.events import (
    event_record,
    page_event_record,
    page_is_public,
    page_reference,
    path_entry,
    public_translation_paths,
    snippet_event,
)


def webhooks_on() -> bool:
    """No endpoint configured: skip the path queries altogether (seeding and imports stay cheap)."""
    return bool(settings.DISTRIBUTION_WEBHOOK_URLS)


def was_public(page) -> bool:
    return _was_public_at(page.path)


def public_subtree_paths(page) -> list[dict]:
    subtree = Page.objects.descendant_of(page, inclusive=True).select_related("locale").order_by("path")
    public = visible_pages(subtree, now=timezone.now(), private_paths=private_page_paths())
    return [path_entry(language=p.locale.language_code, url_path=p.url_path) for p in public]


def _published(change: dict) -> None:
    page = Page.objects.filter(pk=change["page_id"]).select_related("locale").first()
    if page is None or not page.live or not page_is_public(page):
        return  # unpublished or deleted since, restricted, expired or not yet live: nothing public to announce
    page_posts_schedule(page=page)
    if webhooks_on():
        page_event_record(event_type="page.published", page=page_reference(page),
                          paths=public_translation_paths(page))
    if NationalPortalItem.objects.filter(page_id=page.pk).exists():
        task_enqueue("distribution.tasks.national_package_email", page.pk)


def _unpublished(change: dict) -> None:
    reference = change["page"]
    page = Page.objects.filter(pk=reference["id"]).select_related("locale").first()
    if page is not None and page.live:
        return  # published again since: nothing to retract
    if page is not None:
        page_posts_retract(page=page, reason=_("The page was unpublished"))
    # else deleted in the same transaction: the "deleted" change retracts its posts; portals hear both.
    if webhooks_on() and _was_public_at(change["tree_path"]):
        page_event_record(event_type="page.unpublished", page=reference,
                          paths=[change["path"], *_other_public_translations(reference)])


def _was_public_at(tree_path: str) -> bool:
    depth = len(tree_path) // Page.steplen
    return depth > 1 and not any(tree_path.startswith(path) for path in private_page_paths())


def _other_public_translations(reference: dict) -> list[dict]:
    translations = Page.objects.filter(translation_key=reference["translation_key"]).exclude(pk=reference["id"])
    public = visible_pages(translations.select_related("locale"), now=timezone.now(),
                           private_paths=private_page_paths()).order_by("locale_id")
    return [path_entry(language=p.locale.language_code, url_path=p.url_path) for p in public]


def _deleted(change: dict) -> None:
    posts_retract(SocialDelivery.objects.filter(pk__in=change["deliveries"]), page=None,
                  reason=_("The page was deleted"))
    if webhooks_on() and change["path"] is not None:
        reference = change["page"]
        page_event_record(event_type="page.deleted", page=reference,
                          paths=[change["path"], *_other_public_translations(reference)])


def _moved(change: dict) -> None:
    page = Page.objects.filter(pk=change["page_id"]).select_related("locale").first()
    if page is None or not webhooks_on():
        return
    old_paths, new_paths = change["old_paths"], public_subtree_paths(page)
    if old_paths or new_paths:
        page_event_record(event_type="page.moved", page=page_reference(page), paths=old_paths + new_paths,
                          extra={"old_paths": old_paths, "new_paths": new_paths})


def _snippet_changed(change: dict) -> None:
    if not webhooks_on():
        return
    instance = apps.get_model(change["model"]).objects.filter(pk=change["pk"]).first()
    if instance is not None:  # deleted since: the "deleted" change reports it
        event_record(**snippet_event(instance=instance))


def _snippet_deleted(change: dict) -> None:
    if webhooks_on():
        event_record(**change["record"])


APPLY = {
    "page.published": _published,
    "page.unpublished": _unpublished,
    "page.deleted": _deleted,
    "page.moved": _moved,
    "snippet.changed": _snippet_changed,
    "snippet.deleted": _snippet_deleted,
}


def content_change_apply(change: dict) -> None:
    """Make the posts, events and packages of one committed change, all or nothing."""
    with transaction.atomic():
        APPLY[change["event"]](change)
