"""Reads of the print channel: which editions are current and public (for the API), and a page's print status
in every language (for the admin). No writes here: a public read never typesets, never stores."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from wagtail.models import Locale, Page

from cms.languages import CONTENT_LANGUAGES, ContentLanguage
from content_models.kernel.visibility import Visibility

from .formats import Edition, PrintFormat, editions_for
from .models import PrintEdition, PrintJob
from .storage import pdf_url


def edition_is_current(row: PrintEdition, page, source_page=None) -> bool:
    """Made from (or found identical to) the live revision of its page, and of the Italian page it prints beside."""
    if page is None or row.revision_id is None or row.revision_id != page.live_revision_id:
        return False
    if row.bilingual:
        return source_page is not None and row.source_revision_id == source_page.live_revision_id
    return True


def public_editions_by_page(pages, *, visibility: Visibility) -> dict[int, list[PrintEdition]]:
    """The current editions of `pages` (already known to be public), by page id: one query for any number.

    A bilingual edition is listed only while the Italian page it prints is public and unchanged too.
    Rows come ordered A4, A5, A3, then bilingual.
    """
    pages_by_id = {page.pk: page for page in pages if getattr(page, "pk", None)}
    if not pages_by_id:
        return {}
    rows = PrintEdition.objects.filter(page_id__in=pages_by_id).select_related("source_page")
    found = defaultdict(list)
    for row in rows:
        page = pages_by_id[row.page_id]
        source = row.source_page
        if row.bilingual and (
            source is None or not visibility.page_is_visible(source)
        ):
            continue
        if edition_is_current(row, page, source):
            found[row.page_id].append(row)
    order = {fmt: index for index, fmt in enumerate(PrintFormat.values)}
    return {
        page_id: sorted(editions, key=lambda row: (row.bilingual, order[row.format]))
        for page_id, editions in found.items()
    }


def edition_url(row: PrintEdition) -> str:
    return pdf_url(row.file_name)


# --- Admin: a page's print status in every language -------------------------------------------------------------
@dataclass
class EditionCell:
    edition: Edition
    row: PrintEdition | None = None
    current: bool = False

    @property
    def url(self) -> str:
        return pdf_url(self.row.file_name) if self.row is not None else ""


@dataclass
class LanguageStatus:
    language: ContentLanguage
    page: Page | None
    state: str  # "public", "not_public", "draft" or "missing"
    cells: list[EditionCell] = field(default_factory=list)
    job: PrintJob | None = None


def print_status(subject, *, content) -> list[LanguageStatus]:
    """For each content language: the subject's translation there (if any), its editions and its job.

    `subject` is any translation of a page or of a service point (help desks are snippets: always public).
    """
    is_page = isinstance(subject, Page)
    model = Page if is_page else type(subject)
    translations = {
        obj.locale_id: (obj.specific if is_page else obj)
        for obj in model.objects.filter(translation_key=subject.translation_key)
    }
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    italian_locale = locales.get(settings.LANGUAGE_CODE)
    italian = translations.get(italian_locale.pk) if italian_locale else None
    key = "page_id" if is_page else "service_point_id"
    ids = [obj.pk for obj in translations.values()]
    rows_by_subject = defaultdict(dict)
    for row in PrintEdition.objects.filter(**{f"{key}__in": ids}):
        rows_by_subject[getattr(row, key)][(row.format, row.bilingual)] = row
    jobs = {getattr(job, key): job for job in PrintJob.objects.filter(**{f"{key}__in": ids})}
    statuses = []
    for language in CONTENT_LANGUAGES:
        locale = locales.get(language.code)
        translation = translations.get(locale.pk) if locale else None
        if translation is None:
            statuses.append(LanguageStatus(language, None, "missing"))
            continue
        if not is_page or content.is_public(translation):
            state = "public"
        elif translation.live:
            state = "not_public"
        else:
            state = "draft"
        cells = []
        for edition in editions_for(type(translation)._meta.label_lower, language.code):
            row = rows_by_subject[translation.pk].get((edition.format, edition.bilingual))
            if edition.bilingual and (italian is None or (is_page and not content.is_public(italian))):
                continue  # nothing to print beside it
            current = (
                row is not None
                and state == "public"
                and (not is_page or edition_is_current(row, translation, italian))
            )
            cells.append(EditionCell(edition, row, current))
        statuses.append(LanguageStatus(language, translation, state, cells, jobs.get(translation.pk)))
    return statuses
