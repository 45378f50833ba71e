"""Printed editions of a page: the PDFs the print channel made of its current, public version.

Read from printing's selector for the page's whole batch at once (one query for a listing of any length);
nothing here typesets or stores: a page without an edition yet simply lists none.
"""

import datetime
import enum

import strawberry
from wagtail.models import Page

from graphql_api.media.urls import absolute_media_url
from printing.formats import PrintFormat as PrintFormatCode
from printing.selectors import edition_url, public_editions_by_page


@strawberry.enum(name="PrintFormat", description="The paper and layout of a printed edition.")
class PrintFormat(enum.Enum):
    A4_LEAFLET = PrintFormatCode.A4.value
    A5_LEAFLET = PrintFormatCode.A5.value
    A3_POSTER = PrintFormatCode.A3.value


@strawberry.type(name="PrintEdition", description="A printable PDF of the page, in the page's own language.")
class PrintEditionType:
    language: str = strawberry.field(
        description="The locale code of the edition: the page's own language, never "
        "another one disguised (a fallback page lists its Italian editions)."
    )
    format: PrintFormat
    bilingual: bool = strawberry.field(
        description="Italian printed beside the edition's language, section by section."
    )
    url: str = strawberry.field(description="The PDF, at an address that changes with every new edition.")
    pages: int
    bytes: int
    generated_at: datetime.datetime = strawberry.field(description="When the PDF was typeset.")


def print_editions_resolve(page, loader) -> list[PrintEditionType]:
    """The current editions of a served page; none for previews (a draft has no edition)."""
    if getattr(page, "_api_is_preview", False) or not page.pk:
        return []
    batch = loader.batches.of(page)
    if ("print_editions",) not in batch.done:
        batch.done.add(("print_editions",))
        pages = [obj for obj in batch.objects if isinstance(obj, Page)]  # a batch may hold snippets too
        batch.results["print_editions"] = public_editions_by_page(pages, visibility=loader.reader.visibility)
    return [
        PrintEditionType(
            language=row.language,
            format=PrintFormat(row.format),
            bilingual=row.bilingual,
            url=absolute_media_url(edition_url(row)),
            pages=row.pages,
            bytes=row.bytes,
            generated_at=row.generated_at,
        )
        for row in batch.results["print_editions"].get(page.pk, [])
    ]
