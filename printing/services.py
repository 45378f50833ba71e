"""Writes of the print channel: keep a subject's editions current, remove those that must not exist, typeset a
preview. Tasks (tasks.py) and the admin call these; nothing here runs on a public request.
"""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from cms.languages import get_content_language

from .content import ContentSnapshot
from .formats import Edition, editions_for
from .models import PrintEdition, PrintSettings
from .rendering.context import RenderContext
from .rendering.document import EditionDocument, subject_document
from .storage import edition_file_name, pdf_delete, pdf_delete_on_commit, pdf_save
from .typesetting import Typeset, typeset

logger = logging.getLogger(__name__)


@dataclass
class RefreshOutcome:
    typeset: list[str] = field(default_factory=list)  # edition keys made anew
    unchanged: list[str] = field(default_factory=list)  # found identical: not typeset again
    removed: list[str] = field(default_factory=list)

    def merge(self, other: "RefreshOutcome") -> "RefreshOutcome":
        self.typeset += other.typeset
        self.unchanged += other.unchanged
        self.removed += other.removed
        return self


def _subject_filter(obj) -> dict:
    return {"page_id": obj.pk} if isinstance(obj, Page) else {"service_point_id": obj.pk}


def _subject_name(obj) -> str:
    return f"page-{obj.pk}" if isinstance(obj, Page) else f"service-point-{obj.pk}"


def _language(obj, content: ContentSnapshot) -> str:
    return content.page_language(obj) if isinstance(obj, Page) else obj.locale.language_code


def _italian_original(obj, content: ContentSnapshot):
    """The public Italian version a bilingual edition prints beside `obj` (None: no bilingual edition)."""
    if isinstance(obj, Page):
        return content.translation(obj, settings.LANGUAGE_CODE)
    locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    return obj.get_translation_or_none(locale) if locale is not None else None


def edition_document(obj, edition: Edition, content: ContentSnapshot) -> EditionDocument:
    """The HTML of one edition of `obj` (a page translation or a help desk) and its fingerprint."""
    italian = _italian_original(obj, content) if edition.bilingual else None
    if edition.bilingual and italian is None:
        raise LookupError(f"{obj} has no public Italian original to print beside it")
    content.prepare([obj], edition.language)
    if italian is not None:
        content.prepare([italian], settings.LANGUAGE_CODE)
    ctx = RenderContext(content, get_content_language(edition.language))
    return subject_document(obj, edition, ctx, PrintSettings.load(), italian_obj=italian)


def subject_editions_refresh(
    obj, *, content: ContentSnapshot | None = None, force: bool = False, only_bilingual: bool = False
) -> RefreshOutcome:
    """Make `obj`'s editions current: typeset those whose content changed, drop those that must not exist.

    `obj` is a page (one translation) or a service point. A page that is not public loses all its editions.
    """
    content = content or ContentSnapshot()
    outcome = RefreshOutcome()
    existing = {
        (row.format, row.bilingual): row for row in PrintEdition.objects.filter(**_subject_filter(obj))
    }
    if isinstance(obj, Page) and not content.is_public(obj):
        outcome.removed += editions_delete(list(existing.values()))
        return outcome
    language = _language(obj, content)
    wanted = [
        edition
        for edition in editions_for(obj._meta.label_lower, language)
        if edition.bilingual or not only_bilingual
    ]
    italian = _italian_original(obj, content) if language != settings.LANGUAGE_CODE else None
    images = {}  # WeasyPrint's image cache, shared by this subject's editions
    for edition in wanted:
        if edition.bilingual and italian is None:
            continue  # the Italian original is not public: no bilingual edition (removed below)
        row = existing.pop((edition.format, edition.bilingual), None)
        outcome.merge(_edition_refresh(obj, edition, content, row, force=force, images=images))
    leftovers = [row for row in existing.values() if row.bilingual or not only_bilingual]
    outcome.removed += editions_delete(leftovers)
    return outcome


def _revisions(obj, edition: Edition, content: ContentSnapshot) -> tuple[int | None, int | None]:
    if not isinstance(obj, Page):
        return None, None
    source = _italian_original(obj, content) if edition.bilingual else None
    return obj.live_revision_id, (source.live_revision_id if source is not None else None)


def _edition_refresh(
    obj,
    edition: Edition,
    content: ContentSnapshot,
    row: PrintEdition | None,
    *,
    force: bool,
    images: dict | None = None,
) -> RefreshOutcome:
    document = edition_document(obj, edition, content)
    revision_id, source_revision_id = _revisions(obj, edition, content)
    if row is not None and row.fingerprint == document.fingerprint and not force:
        if (row.revision_id, row.source_revision_id) != (revision_id, source_revision_id):
            # Published again without a change that reaches paper: the same file is current for the new revision.
            PrintEdition.objects.filter(pk=row.pk).update(
                revision_id=revision_id, source_revision_id=source_revision_id
            )
        return RefreshOutcome(unchanged=[edition.key])
    result = typeset(document.final_html(), document.assets.files, cache=images)
    name = pdf_save(
        edition_file_name(
            subject=_subject_name(obj),
            slug=getattr(obj, "slug", "") or str(obj),
            key=edition.key,
            revision_id=revision_id,
            fingerprint=document.fingerprint,
        ),
        result.pdf,
    )
    try:
        _edition_store(obj, edition, document, result, name, revision_id, source_revision_id)
    except Exception:
        pdf_delete(name)  # the row was not written: nothing may point at this file
        raise
    return RefreshOutcome(typeset=[edition.key])


@transaction.atomic
def _edition_store(
    obj, edition, document: EditionDocument, result: Typeset, name: str, revision_id, source_revision_id
) -> None:
    subject = _subject_filter(obj)
    current = (
        PrintEdition.objects.select_for_update()
        .filter(**subject, format=edition.format, bilingual=edition.bilingual)
        .first()
    )
    if current is not None and revision_id and current.revision_id and current.revision_id > revision_id:
        # A task for a newer revision got there first: keep its edition, drop ours.
        pdf_delete_on_commit(name)
        return
    problems = document.problems + [f"typesetting: {message}" for message in result.warnings]
    values = {
        "language": edition.language,
        "revision_id": revision_id,
        "fingerprint": document.fingerprint,
        "source_page_id": _source_page_id(obj, edition),
        "source_revision_id": source_revision_id,
        "file_name": name,
        "bytes": len(result.pdf),
        "pages": result.pages,
        "generated_at": timezone.now(),
        "problems": "\n".join(problems),
    }
    if current is None:
        PrintEdition.objects.create(**subject, format=edition.format, bilingual=edition.bilingual, **values)
        return
    old_name = current.file_name
    PrintEdition.objects.filter(pk=current.pk).update(**values)
    if old_name != name:
        pdf_delete_on_commit(old_name)


def _source_page_id(obj, edition: Edition) -> int | None:
    if not edition.bilingual or not isinstance(obj, Page):
        return None
    source = obj.get_translation_or_none(Locale.objects.get(language_code=settings.LANGUAGE_CODE))
    return source.pk if source is not None else None


def editions_delete(rows) -> list[str]:
    """Delete edition rows now and their files once that commits. Returns their keys."""
    rows = list(rows)
    if not rows:
        return []
    PrintEdition.objects.filter(pk__in=[row.pk for row in rows]).delete()  # post_delete removes the files
    return [Edition(row.language, row.format, row.bilingual).key for row in rows]


def page_editions_withdraw(page_ids) -> list[str]:
    """Remove every edition that prints one of these pages: their own, and bilingual ones printing them beside a
    translation. Called when pages stop being public (unpublished, restricted, moved under a restriction)."""
    from django.db.models import Q

    rows = PrintEdition.objects.filter(Q(page_id__in=page_ids) | Q(source_page_id__in=page_ids))
    return editions_delete(rows)


def page_editions_refresh(*, page_id: int, force: bool = False) -> RefreshOutcome:
    """A page was published (or asked for again): its editions, and, for an Italian page, the bilingual editions of
    its public translations, which print it beside them."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return RefreshOutcome()
    page = page.specific
    content = ContentSnapshot()
    outcome = subject_editions_refresh(page, content=content, force=force)
    if content.page_language(page) == settings.LANGUAGE_CODE:
        for translation in page.get_translations():
            translation = translation.specific
            if content.is_public(translation):
                outcome.merge(
                    subject_editions_refresh(translation, content=content, force=force, only_bilingual=True)
                )
    return outcome


def service_point_editions_refresh(*, service_point_id: int, force: bool = False) -> RefreshOutcome:
    from content_models.models import ServicePoint

    point = ServicePoint.objects.filter(pk=service_point_id).first()
    if point is None:
        return RefreshOutcome()
    content = ContentSnapshot()
    outcome = subject_editions_refresh(point, content=content, force=force)
    if point.locale.language_code == settings.LANGUAGE_CODE:
        for translation in point.get_translations():
            outcome.merge(
                subject_editions_refresh(translation, content=content, force=force, only_bilingual=True)
            )
    return outcome


def edition_preview(obj, edition: Edition) -> Typeset:
    """Typeset an edition of `obj` as it stands (a page's latest draft included), without storing anything."""
    document = edition_document(obj, edition, ContentSnapshot())
    return typeset(document.final_html(), document.assets.files)
