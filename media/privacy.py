"""Which collections are private, and keeping the files of their images out of the public store.

A collection under a view restriction (password, login, groups), and every collection under it, is private: its
images and documents are not the public site's. Documents already go through Wagtail's serve view, which applies
the restriction. Image renditions are files in the public store; those of a private collection's images are
written under PRIVATE_RENDITIONS_PREFIX instead, in the private store (signed, expiring URLs with S3; the
permission-checked view of media.views on local disk), so a thumbnail URL seen once in the admin opens nothing.
When a collection becomes private or public, or an image moves between collections, its renditions are deleted
and made again, where they now belong, the next time they are asked for.
"""

from django.db.models import Q
from wagtail.models import Collection, CollectionViewRestriction

PRIVATE_RENDITIONS_PREFIX = "private-renditions/"


def private_collection_ids() -> frozenset[int]:
    """Collections under a view restriction, with their descendants: images and documents in them hide."""
    paths = list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))
    if not paths:
        return frozenset()
    subtree = Q()
    for path in paths:
        subtree |= Q(path__startswith=path)
    return frozenset(Collection.objects.filter(subtree).values_list("pk", flat=True))


def collection_subtree_images(collection):
    from wagtail.images import get_image_model

    return get_image_model().objects.filter(collection__path__startswith=collection.path)


def renditions_forget(images) -> int:
    """Delete the renditions of these images (Wagtail deletes their files after the commit); returns how many."""
    from media.models import CustomRendition

    deleted, _per_model = CustomRendition.objects.filter(image__in=images).delete()
    return deleted
