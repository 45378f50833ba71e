"""The admin's print pages: a subject's editions in every language (preview, download, make again) and the
desk booklets' status and download. Typesetting here happens only for an editor's preview, never on a public GET.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST
from wagtail.models import Locale, Page

from content_models.models import ServicePoint

from .booklets import booklet_request
from .content import ContentSnapshot
from .formats import (
    FormatNotOfferedError,
    UnknownFormatError,
    UnknownLanguageError,
    edition_parse,
    editions_for,
)
from .jobs import print_job_request
from .models import PrintBooklet, PrintSettings
from .rendering.sections import BUILDERS
from .selectors import print_status
from .services import edition_preview
from .storage import pdf_url


def _require(request, codename: str) -> None:
    if not request.user.has_perm(f"printing.{codename}"):
        raise PermissionDenied


def _printable_page(request, page_id: int):
    page = get_object_or_404(Page, pk=page_id).specific
    if type(page) not in BUILDERS:
        raise Http404(pgettext("print", "This kind of page has no printed edition."))
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def _service_point(request, point_id: int):
    # Help desks are snippets: whoever may edit them may print them.
    if not request.user.has_perm("content_models.change_servicepoint"):
        raise PermissionDenied
    return get_object_or_404(ServicePoint, pk=point_id)


def _subject(request, kind: str, subject_id: int):
    _require(request, "view_printedition")
    if kind == "page":
        return _printable_page(request, subject_id)
    if kind == "service-point":
        return _service_point(request, subject_id)
    raise Http404


def subject_print(request, kind: str, subject_id: int):
    subject = _subject(request, kind, subject_id)
    title = subject.get_admin_display_title() if kind == "page" else str(subject)
    print_settings = PrintSettings.load()
    return TemplateResponse(
        request,
        "printing/admin/subject_print.html",
        {
            "subject": subject,
            "kind": kind,
            "page_title": pgettext("print", "Print: %(title)s") % {"title": title},
            "header_title": pgettext("print", "Print: %(title)s") % {"title": title},
            "header_icon": "print",
            "statuses": print_status(subject, content=ContentSnapshot()),
            "can_regenerate": request.user.has_perm("printing.change_printedition"),
            "funding_missing": not print_settings.funding_line,
        },
    )


def subject_preview(request, kind: str, subject_id: int, language: str, fmt: str):
    """The edition as it would be typeset now, from the latest saved draft: shown in the browser, never stored."""
    subject = _subject(request, kind, subject_id)
    try:
        edition = edition_parse(language, fmt, request.GET.get("bilingual") == "1")
    except (UnknownLanguageError, UnknownFormatError, FormatNotOfferedError) as error:
        return _bad_request(error)
    translation = _translation(subject, language)
    if translation is None:
        raise Http404(
            pgettext("print", "There is no translation in this language: it has no printed edition.")
        )
    if kind == "page":
        translation = translation.get_latest_revision_as_object()
    if edition not in editions_for(type(translation)._meta.label_lower, language):
        return _bad_request(FormatNotOfferedError(edition))
    try:
        result = edition_preview(translation, edition)
    except LookupError as error:  # a bilingual edition without a public Italian original
        raise Http404(str(error)) from error
    response = HttpResponse(result.pdf, content_type="application/pdf")
    name = slugify(getattr(translation, "slug", "") or str(translation)) or "edition"
    response["Content-Disposition"] = f'inline; filename="{name}-{edition.key}-preview.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


def _bad_request(error) -> HttpResponse:
    return HttpResponseBadRequest(f"{error.code}: {error}", content_type="text/plain; charset=utf-8")


def _translation(subject, language: str):
    if subject.locale.language_code == language:
        return subject
    locale = Locale.objects.filter(language_code=language).first()
    return subject.get_translation_or_none(locale) if locale is not None else None


@require_POST
def subject_regenerate(request, kind: str, subject_id: int):
    """Make the editions again (typeset even what looks unchanged): in one language, or in every language."""
    subject = _subject(request, kind, subject_id)
    _require(request, "change_printedition")
    language = request.POST.get("language") or ""
    targets = (
        [subject.get_translations(inclusive=True)] if not language else [[_translation(subject, language)]]
    )
    count = 0
    for translation in [obj for group in targets for obj in group if obj is not None]:
        if kind == "page":
            print_job_request(page_id=translation.pk, force=True)
        else:
            print_job_request(service_point_id=translation.pk, force=True)
        count += 1
    if count:
        messages.success(
            request, pgettext("print", "The editions are being made again; this page shows their progress.")
        )
    else:
        messages.error(request, pgettext("print", "There is no translation in this language."))
    return redirect("printing_admin:subject", kind, subject.pk)


# --- Booklets ---------------------------------------------------------------------------------------------------
def booklet_download(request, booklet_id: int):
    _require(request, "view_printbooklet")
    booklet = get_object_or_404(PrintBooklet, pk=booklet_id)
    if not booklet.file_name:
        raise Http404(pgettext("print", "This booklet has not been made yet."))
    return redirect(pdf_url(booklet.file_name))


@require_POST
def booklet_rebuild(request, booklet_id: int):
    _require(request, "change_printbooklet")
    booklet = get_object_or_404(PrintBooklet, pk=booklet_id)
    booklet_request(booklet)
    messages.success(request, pgettext("print", "The booklet is being made again with the current content."))
    return redirect("printing_booklets:edit", booklet.pk)
