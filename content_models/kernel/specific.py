"""Pages of any type as their most specific model, in one query.

Why not Wagtail's `PageQuerySet.specific()`: it reads the base rows, then runs one more query per page type, so
a page by path costs two queries and a list of mixed related pages one per type. Here the base query joins every
page type's table (`select_related` follows the multi-table inheritance links from `Page` down), and each row's
content type says which of the joined objects is the page. A type the joins do not reach (a page model of
another app, added later) is read on its own with `page.specific`, as before.

Joining every page type is not free: compiling the query and building a row of eleven tables costs more than
the query itself. A caller that knows which models the rows are of (a ContentReader remembers the model of each
page it has served, for the content state: memo.py) names them in `models`, and only those are joined; a row of
another model still comes out right, with its own query.
"""

from collections.abc import Iterable
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
def _select_related_paths(models: frozenset | None) -> tuple[str, ...]:
    chains = _chains()
    wanted = chains.values() if models is None else (chains[model] for model in models if model in chains)
    return tuple("__".join(chain) for chain in wanted if chain)


def specific_pages(queryset: QuerySet, models: Iterable[type] | None = None) -> list:
    """The pages of a `Page` queryset, each as its specific model, with the queryset's annotations copied over.

    `models`: the page models the rows are expected to be of (None: any).
    """
    annotations = list(queryset.query.annotations)
    joined = None if models is None else frozenset(models)
    chains = _chains()
    pages = []
    for page in queryset.select_related(*_select_related_paths(joined)):
        model = ContentType.objects.get_for_id(page.content_type_id).model_class()
        chain = chains.get(model) if joined is None or model in joined or model is Page else None
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


def specific_page(queryset: QuerySet, models: Iterable[type] | None = None):
    """The first page of the queryset as its specific model, or None."""
    pages = specific_pages(queryset[:1], models)
    return pages[0] if pages else None
