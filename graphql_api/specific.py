"""Pages of any type as their most specific model, in one query.

Why not Wagtail's `PageQuerySet.specific()`: it reads the base rows, then runs one more query per page type, so
a page by path costs two queries and a list of mixed related pages one per type. Here the base query joins every
page type's table (`select_related` follows the multi-table inheritance links from `Page` down), and each row's
content type says which of the joined objects is the page. A type the joins do not reach (a page model of
another app, added later) is read on its own with `page.specific`, as before.
"""

from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from wagtail.models import Page


def _child_links(model) -> dict[type, str]:
    """The concrete models that inherit from `model` directly, with the name of the link from `model` to them."""
    return {
        relation.related_model: relation.name
        for relation in model._meta.related_objects
        if relation.one_to_one and relation.field.remote_field.parent_link
    }


@cache
def _chains() -> dict[type, tuple[str, ...]]:
    """For every page model, the links from Page down to it (ServicePage: ("servicepage",))."""
    chains: dict[type, tuple[str, ...]] = {Page: ()}
    pending = [Page]
    while pending:
        model = pending.pop()
        for child, name in _child_links(model).items():
            chains[child] = (*chains[model], name)
            pending.append(child)
    return chains


@cache
def _select_related_paths() -> tuple[str, ...]:
    return tuple("__".join(chain) for chain in _chains().values() if chain)


def specific_pages(queryset: QuerySet) -> list:
    """The pages of a `Page` queryset, each as its specific model, with the queryset's annotations copied over."""
    annotations = list(queryset.query.annotations)
    chains = _chains()
    pages = []
    for page in queryset.select_related(*_select_related_paths()):
        chain = chains.get(ContentType.objects.get_for_id(page.content_type_id).model_class())
        if chain is None:
            specific = page.specific
        else:
            specific = page
            for name in chain:
                specific = getattr(specific, name)  # cached by select_related: no query
        for name in annotations:
            setattr(specific, name, getattr(page, name))
        pages.append(specific)
    return pages


def specific_page(queryset: QuerySet):
    """The first page of the queryset as its specific model, or None."""
    pages = specific_pages(queryset[:1])
    return pages[0] if pages else None
