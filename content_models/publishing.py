"""Publication gates: another app may hold back the publication of a page, and the change of what readers see.

Every way Wagtail and wagtail-localize publish a page ends in ``Page.publish()`` (workflow approvals, bulk actions,
scheduled publishing, localize's "Sync translated pages" and translation editor). ``BasePage.publish`` asks
``publication_requested``'s receivers first; a receiver that returns True has held the publication back (and done
what it does instead), and the page is not published.

A live page's row is what readers get (the API reads it), and Wagtail only changes it by publishing a revision.
wagtail-localize does not: updating a live translation saves the page itself, translated strings and all, before
(and whether or not) it publishes (``TranslationSource.create_or_update_translation``). So ``BasePage.save`` asks
``live_content_write_requested`` too: when held, the fields whose content would change keep their stored value and
the page is marked as having unpublished changes; the caller's revision still gets the new content.

content_models knows nothing of who holds what back: the associations app holds back its members' pages.
"""

from django.db import models
from django.dispatch import Signal

# sender: the page's class; kwargs: page, revision, user (None for code, scheduled publishing and
# wagtail-localize, which publish without one). A receiver returns True to hold the publication back.
publication_requested = Signal()
# sender: the page's class; kwargs: page (live, about to be saved whole). A receiver returns True to hold it back.
live_content_write_requested = Signal()

# What Wagtail itself maintains on the row: never held back (tree position, state, revisions, locks, ownership).
BOOKKEEPING_FIELDS = frozenset(
    {
        "id", "page_ptr", "content_type", "path", "depth", "numchild", "url_path", "live", "has_unpublished_changes",
        "first_published_at", "last_published_at", "live_revision", "latest_revision", "latest_revision_created_at",
        "draft_title", "locked", "locked_at", "locked_by", "owner", "expired", "locale", "translation_key",
        "alias_of",
    }
)


def _held(signal, **kwargs) -> bool:
    return any(held is True for _receiver, held in signal.send(**kwargs))


def publication_held(*, page, revision, user) -> bool:
    return _held(publication_requested, sender=type(page), page=page, revision=revision, user=user)


def live_content_write_held(*, page) -> bool:
    return _held(live_content_write_requested, sender=type(page), page=page)


def unchanged_content_fields(page) -> list[str] | None:
    """The fields to save so that the row keeps its live content: every field but the content that changed.

    None when no content changed (the whole row may be saved as it is).
    """
    stored = type(page).objects.get(pk=page.pk)
    fields = [
        field for field in page._meta.concrete_fields
        if not field.primary_key and not isinstance(field, models.ManyToManyField)
    ]
    changed = {
        field.name for field in fields
        if field.name not in BOOKKEEPING_FIELDS
        and field.get_prep_value(field.value_from_object(page)) != field.get_prep_value(field.value_from_object(stored))
    }
    changed |= {
        field.name for field in page._meta.many_to_many
        if {obj.pk for obj in getattr(page, field.name).all()} != {obj.pk for obj in getattr(stored, field.name).all()}
    }
    if not changed:
        return None
    kept = [field.name for field in fields if field.name not in changed]
    return kept + ["has_unpublished_changes"]
