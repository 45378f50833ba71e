"""Desk booklets: the pages an editor chose (or every service of a help desk, or on a topic) in one language, as
one PDF with a cover, a table of contents and page numbers.
"""

import logging

from django.conf import settings
from django.utils import timezone, translation

from cms.languages import get_content_language
from cms.tasks import task_enqueue
from content_models.kernel.untranslated import field_text
from content_models.models import ServicePage

from .content import ContentSnapshot
from .models import BookletSelection, BookletState, PrintBooklet, PrintSettings
from .rendering import labels
from .rendering.context import RenderContext
from .rendering.document import booklet_document
from .storage import booklet_file_name, pdf_delete_on_commit, pdf_save
from .typesetting import typeset

logger = logging.getLogger(__name__)


def booklet_sources(booklet: PrintBooklet) -> list:
    """The pages the booklet is about, in order, as chosen (any language: each is printed in the booklet's)."""
    if booklet.selection == BookletSelection.SERVICE_POINT and booklet.service_point_id:
        return list(
            ServicePage.objects.filter(
                service_points=booklet.service_point_id, locale__language_code=settings.LANGUAGE_CODE
            ).order_by("title")
        )
    if booklet.selection == BookletSelection.TOPIC and booklet.topic_id:
        return list(
            ServicePage.objects.filter(
                topics=booklet.topic_id, locale__language_code=settings.LANGUAGE_CODE
            ).order_by("title")
        )
    return [
        chosen.page.specific for chosen in booklet.chosen_pages.select_related("page").order_by("sort_order")
    ]


def booklet_plan(booklet: PrintBooklet, content: ContentSnapshot) -> tuple[list, dict]:
    """(items to print as (page, language)), and what was printed, printed in Italian, or left out."""
    language = get_content_language(booklet.language)
    italian = get_content_language(settings.LANGUAGE_CODE)
    items, report = [], {"printed": [], "italian": [], "missing": []}
    if booklet.selection == BookletSelection.SERVICE_POINT and booklet.service_point is not None:
        # The desk's own card first: its hours and contacts once, not in every service.
        point = content.snippet_in(booklet.service_point, language.code)
        items.append((point, get_content_language(point.locale.language_code)))
    seen = set()
    for source in booklet_sources(booklet):
        if source.translation_key in seen:
            continue
        seen.add(source.translation_key)
        page = content.translation(source, language.code)
        if page is not None:
            items.append((page, language))
            report["printed"].append(page.title)
            continue
        original = content.translation(source, settings.LANGUAGE_CODE)
        if original is None:
            report["missing"].append(source.title)  # not public at all: never printed
        elif booklet.italian_when_missing:
            items.append((original, italian))
            report["italian"].append(original.title)
        else:
            report["missing"].append(original.title)
    return items, report


def _titles(booklet: PrintBooklet, content: ContentSnapshot) -> tuple[str, str]:
    language = booklet.language
    with translation.override(language):
        if booklet.selection == BookletSelection.SERVICE_POINT and booklet.service_point is not None:
            point = content.snippet_in(booklet.service_point, language)
            return booklet.title or field_text(point, "name"), str(labels.SERVICES_AT_THIS_DESK)
        if booklet.selection == BookletSelection.TOPIC and booklet.topic is not None:
            topic = content.snippet_in(booklet.topic, language)
            return booklet.title or field_text(topic, "name"), str(labels.SERVICES_ON_TOPIC % {"topic": topic.name})
        return booklet.title or str(labels.CONTENTS), get_content_language(language).native_name


def booklet_build(*, booklet_id: int) -> str:
    booklet = PrintBooklet.objects.filter(pk=booklet_id).first()
    if booklet is None:
        return "gone"
    PrintBooklet.objects.filter(pk=booklet.pk).update(state=BookletState.RUNNING, last_error="")
    try:
        content = ContentSnapshot()
        items, report = booklet_plan(booklet, content)
        if not items:
            raise ValueError("Nothing to print: no public page in this selection.")
        title, subtitle = _titles(booklet, content)
        language = get_content_language(booklet.language)
        document = booklet_document(
            items,
            language=language,
            fmt=booklet.format,
            ctx=RenderContext(content, language),
            print_settings=PrintSettings.load(),
            title=title,
            subtitle=subtitle,
        )
        result = typeset(document.final_html(), document.assets.files)
        name = pdf_save(booklet_file_name(booklet_id=booklet.pk, title=title), result.pdf)
    except Exception as error:
        logger.exception("Booklet %s could not be built", booklet_id)
        PrintBooklet.objects.filter(pk=booklet.pk).update(
            state=BookletState.FAILED, last_error=f"{type(error).__name__}: {error}"[:2000]
        )
        return BookletState.FAILED
    old_name = booklet.file_name
    report["problems"] = document.problems + result.warnings
    PrintBooklet.objects.filter(pk=booklet.pk).update(
        state=BookletState.READY,
        file_name=name,
        bytes=len(result.pdf),
        pages=result.pages,
        built_at=timezone.now(),
        contents=report,
        last_error="",
    )
    if old_name and old_name != name:
        pdf_delete_on_commit(old_name)
    return BookletState.READY


def booklet_request(booklet: PrintBooklet) -> None:
    """Queue a build of the booklet after the caller's transaction commits."""
    PrintBooklet.objects.filter(pk=booklet.pk).update(state=BookletState.QUEUED)
    task_enqueue("printing.tasks.print_booklet_build", booklet.pk)
