"""Printed edition rows, for tests of what reads them (the API, the admin): no typesetting, a made-up file."""

from django.utils import timezone

from printing.models import PrintEdition


def print_edition_create(
    page, fmt: str = "a4", *, bilingual: bool = False, source=None, revision_id=None, **fields
) -> PrintEdition:
    """The current edition of `page` (its live revision) in `fmt`; bilingual ones print `source` beside it."""
    language = page.locale.language_code
    key = f"{language}-{fmt}" + ("-bilingual" if bilingual else "")
    values = {
        "page": page,
        "language": language,
        "format": fmt,
        "bilingual": bilingual,
        "revision_id": revision_id or page.live_revision_id,
        "source_page": source,
        "source_revision_id": source.live_revision_id if source is not None else None,
        "fingerprint": "f" * 64,
        "file_name": f"print/page-{page.pk}/{page.slug}-{key}.pdf",
        "bytes": 123456,
        "pages": 2,
        "generated_at": timezone.now(),
    }
    return PrintEdition.objects.create(**(values | fields))
