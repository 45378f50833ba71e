"""Bad content and faults: a huge body paginates and loses nothing, a picture missing from storage prints its
alternative text and is reported, a failed write leaves no file behind, orphans are swept."""

import logging
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import IntegrityError

from printing import services
from printing.content import ContentSnapshot
from printing.formats import Edition
from printing.models import PrintEdition
from printing.services import edition_document, subject_editions_refresh
from printing.typesetting import typeset
from tests.factories import ImageFactory, ServicePageFactory

from .pdf import pdf_text

pytestmark = pytest.mark.django_db


def test_a_huge_body_paginates_and_loses_nothing(service_index):
    paragraphs = [
        ("paragraph", f"<p>Paragrafo {n}: " + "testo di prova per riempire la pagina. " * 12 + "</p>")
        for n in range(1, 121)
    ]
    page = ServicePageFactory(parent=service_index, slug="lunga", title="Pagina lunghissima", body=paragraphs)

    document = edition_document(page, Edition("it", "a5"), ContentSnapshot())
    result = typeset(document.final_html(), document.assets.files)

    text = pdf_text(result.pdf)
    assert result.pages >= 10 and result.warnings == []
    assert "Paragrafo 1:" in text and "Paragrafo 120:" in text
    assert "Le informazioni possono cambiare" in text  # the colophon, after the last paragraph


def test_a_picture_missing_from_storage_prints_its_alternative_text_and_is_reported(service_index, caplog):
    image = ImageFactory(description="Mappa dello sportello")
    page = ServicePageFactory(
        parent=service_index,
        slug="mappa",
        title="Sportello",
        body=[("image", {"image": image, "caption": "", "alt_text": ""})],
    )
    Path(image.file.path).unlink()  # the original is gone and no print rendition exists yet

    with caplog.at_level(logging.WARNING, logger="printing"):
        document = edition_document(page, Edition("it", "a4"), ContentSnapshot())
    result = typeset(document.final_html(), document.assets.files)

    assert '<p class="missing-image">Mappa dello sportello</p>' in document.html
    assert "Mappa dello sportello" in pdf_text(result.pdf)
    assert document.problems == [f"image {image.pk} missing from storage"]
    assert "missing from storage" in caplog.text


def test_a_row_that_cannot_be_written_leaves_no_file(service_index, monkeypatch):
    page = ServicePageFactory(parent=service_index, slug="corsi", title="Corsi")

    def refuse(*args, **kwargs):
        raise IntegrityError("refused")

    monkeypatch.setattr(services, "_edition_store", refuse)
    with pytest.raises(IntegrityError):
        subject_editions_refresh(page)

    assert not PrintEdition.objects.exists()
    assert not list((Path(django_settings.MEDIA_ROOT) / "print").rglob("*.pdf"))


def test_sweep_removes_files_nothing_points_at(service_index):
    page = ServicePageFactory(parent=service_index, slug="corsi", title="Corsi")
    subject_editions_refresh(page)
    orphan = Path(django_settings.MEDIA_ROOT) / "print" / "page-0" / "orphan.pdf"
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"%PDF-1.7")

    call_command("print_editions", "--sweep", stdout=open("/dev/null", "w"))

    kept = {
        str(path.relative_to(django_settings.MEDIA_ROOT))
        for path in (Path(django_settings.MEDIA_ROOT) / "print").rglob("*.pdf")
    }
    assert kept == set(PrintEdition.objects.values_list("file_name", flat=True))
