"""What makes every cached feed stale: connected once from DistributionConfig.ready().

Pages: publish (scheduled publishing and wagtail-localize's translations included), unpublish, move, delete;
saving a draft changes nothing a feed shows. Everything feeds show besides pages (topics, service points, images
and their collections, documents, privacy restrictions, locales): any save or delete. Writes that bypass
signals (`QuerySet.update()`, raw SQL) are not seen, as for the API's cache.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from content_models.models import ServicePoint, Topic

from .caching import feeds_generation_bump


def _changed(sender, **kwargs) -> None:
    feeds_generation_bump()


def _page_deleted(sender, instance, **kwargs) -> None:
    # One receiver for every page model (a delete sends post_delete for the specific model and for Page).
    if isinstance(instance, Page):
        feeds_generation_bump()


def feeds_invalidation_connect() -> None:
    for signal, name in ((page_published, "published"), (page_unpublished, "unpublished"),
                         (post_page_move, "moved")):
        signal.connect(_changed, dispatch_uid=f"distribution.feeds.page_{name}")
    post_delete.connect(_page_deleted, sender=Page, dispatch_uid="distribution.feeds.page_deleted")
    for model in (Topic, ServicePoint, get_image_model(), get_document_model(), Collection,
                  CollectionViewRestriction, PageViewRestriction, Locale):
        post_save.connect(_changed, sender=model, dispatch_uid=f"distribution.feeds.saved.{model._meta.label}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"distribution.feeds.deleted.{model._meta.label}")
