"""What print does when content changes, wired once from PrintingConfig.ready().

- A content page published (scheduled publishing and wagtail-localize's translations included): its editions are
  made in the background, after the commit. Publishing never waits for, or fails because of, print.
- A page unpublished, or put under a privacy restriction (it or an ancestor): its editions, and the bilingual
  editions that print it beside a translation, are deleted with the change; their files once it commits.
- A restriction lifted, or a page moved (its address, hence its QR code, changed): the subtree's editions are made
  again (the job drops them if the pages are not public where they now are).
- A help desk saved: its card, and the service pages that show it, are made again.
- A page deleted: its edition rows go with it (foreign keys), their files once that commits.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from content_models.models import ServicePage, ServicePoint

from .jobs import print_job_request
from .models import PrintEdition
from .rendering.sections import BUILDERS
from .services import page_editions_withdraw
from .storage import pdf_delete_on_commit

logger = logging.getLogger(__name__)

PRINTED_PAGE_MODELS = tuple(model for model in BUILDERS if issubclass(model, Page))


def print_on_publish() -> bool:
    return getattr(settings, "PRINT_ON_PUBLISH", True)


def _request_after_commit(**subject) -> None:
    def request():
        try:
            print_job_request(**subject)
        except Exception:  # a channel never breaks a publish; the admin's "Print" page can ask again
            logger.exception("Could not queue the print editions of %s", subject)

    transaction.on_commit(request)


def _published(sender, instance, **kwargs):
    if print_on_publish() and isinstance(instance, PRINTED_PAGE_MODELS):
        _request_after_commit(page_id=instance.pk)


def _unpublished(sender, instance, **kwargs):
    page_editions_withdraw([instance.pk])


def _subtree_content_ids(page) -> list[int]:
    subtree = Page.objects.filter(path__startswith=page.path, depth__gte=page.depth)
    return list(subtree.values_list("pk", flat=True))


def _restricted(sender, instance, **kwargs):
    page_editions_withdraw(_subtree_content_ids(instance.page))


def _restriction_lifted(sender, instance, **kwargs):
    if print_on_publish():
        _subtree_refresh(instance.page)


def _subtree_refresh(page) -> None:
    live = Page.objects.filter(path__startswith=page.path, live=True).type(*PRINTED_PAGE_MODELS)
    for page_id in live.values_list("pk", flat=True):
        _request_after_commit(page_id=page_id)


def _moved(sender, instance, url_path_before, url_path_after, **kwargs):
    if url_path_before != url_path_after and print_on_publish():
        _subtree_refresh(instance)


def _service_point_saved(sender, instance, raw=False, **kwargs):
    if raw or not print_on_publish():
        return
    _request_after_commit(service_point_id=instance.pk)
    source = instance.get_translation_or_none(instance.locale.get_default()) or instance
    pages = ServicePage.objects.filter(service_points=source, live=True).values_list("pk", flat=True)
    for page_id in pages:
        _request_after_commit(page_id=page_id)


def _edition_deleted(sender, instance, **kwargs):
    pdf_delete_on_commit(instance.file_name)


def lifecycle_connect() -> None:
    page_published.connect(_published, dispatch_uid="printing.published")
    page_unpublished.connect(_unpublished, dispatch_uid="printing.unpublished")
    post_page_move.connect(_moved, dispatch_uid="printing.moved")
    post_save.connect(_restricted, sender=PageViewRestriction, dispatch_uid="printing.restricted")
    post_delete.connect(
        _restriction_lifted, sender=PageViewRestriction, dispatch_uid="printing.restriction_lifted"
    )
    post_save.connect(_service_point_saved, sender=ServicePoint, dispatch_uid="printing.service_point_saved")
    post_delete.connect(_edition_deleted, sender=PrintEdition, dispatch_uid="printing.edition_deleted")
