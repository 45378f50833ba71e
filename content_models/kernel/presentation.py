"""What a page shows of itself wherever it appears: its main image and its summary, each chosen in one order.

The API's `seo` and `jsonLd`, feed items, newsletter teasers, social posts and print all call these, so one event
shows the same picture and the same words in every channel.

Main image: the first *public* one of
1. `social_image`, the sharing image of the Promote tab, which the editor chose for exactly this use (a card
   that stands for the page elsewhere);
2. the page type's own image: `main_image` (news), `image` (infographics), `logo` (associations).
A page type has at most one of the second kind. An image in a private collection is skipped, not shown and not
a reason to show nothing: the next one in the order is used.

Summary: the page's `summary` (two or three plain sentences written for lists, search results and newsletters),
else its `search_description` (Wagtail's field on every page, the only text index pages and the home have).
"""

from collections.abc import Callable
from functools import cache

# In order; a page model has the first one (every page) and at most one of the others.
MAIN_IMAGE_FIELDS = ("social_image", "main_image", "image", "logo")


@cache
def main_image_attnames(model: type) -> tuple[str, ...]:
    """The foreign key columns of MAIN_IMAGE_FIELDS that `model` has, in order (`social_image_id`, ...)."""
    names = {field.name: field.attname for field in model._meta.concrete_fields}
    return tuple(names[name] for name in MAIN_IMAGE_FIELDS if name in names)


def page_main_image(page, image_for: Callable[[object, str], object | None]):
    """The page's main image, or None. `image_for(page, attname)` returns the image if it is public, else None.

    Consumers pass their own batch loader (the API loads a field for a whole listing at once, feeds and the
    newsletter from a ContentReader), so the choice is made here and the loading stays theirs.
    """
    for attname in main_image_attnames(type(page)):
        if getattr(page, attname, None) is not None:
            image = image_for(page, attname)
            if image is not None:
                return image
    return None


def page_summary(page) -> str:
    """The page's short text for other channels: its summary, else its search description; never None."""
    return (getattr(page, page_summary_field(page), "") or "").strip()


def page_summary_field(page) -> str:
    """The field page_summary reads (`summary` or `search_description`): untranslated.py says whether it is."""
    return "summary" if (getattr(page, "summary", "") or "").strip() else "search_description"
