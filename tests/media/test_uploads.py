"""What the admin accepts as an image or a document, and what it refuses with which message (files on local disk)."""

import io
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image as PILImage

from media.filenames import filename_sanitise
from media.models import CustomDocument, CustomImage
from tests.media.files import EXE, PDF, docx_bytes, odt_bytes, plain_zip_bytes, png_claiming_size, png_upload

pytestmark = pytest.mark.django_db


def image_errors(admin_client, upload) -> list[str]:
    response = admin_client.post(reverse("wagtailimages:add"), {"title": "Foto", "file": upload})
    return _file_errors(response)


def document_errors(admin_client, name: str, content: bytes) -> list[str]:
    response = admin_client.post(
        reverse("wagtaildocs:add"), {"title": "Documento", "file": SimpleUploadedFile(name, content)}
    )
    return _file_errors(response)


def _file_errors(response) -> list[str]:
    if response.status_code == 302:
        return []
    # Some messages are lazy: they are translated when read, here, in the language the admin showed them in.
    with translation.override("en"):
        return [str(message) for message in response.context["form"].errors["file"]]


def stored_files(settings) -> list[Path]:
    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


def image_bytes(image_format: str) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (32, 24), (200, 30, 30)).save(buffer, format=image_format)
    return buffer.getvalue()


# --- Images -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("image_format", "extension"),
    [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp"), ("AVIF", "avif"), ("GIF", "gif")],
)
def test_image_formats_we_accept(admin_client, image_format, extension):
    assert (
        image_errors(admin_client, SimpleUploadedFile(f"foto.{extension}", image_bytes(image_format))) == []
    )
    assert CustomImage.objects.get().file.name == f"original_images/foto.{extension}"


def test_svg_is_refused_because_we_do_not_sanitise_it(admin_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

    assert image_errors(admin_client, SimpleUploadedFile("logo.svg", svg)) == [
        "Not a supported image format. Supported formats: GIF, JPG, JPEG, PNG, WEBP, AVIF."
    ]


def test_image_over_the_size_limit_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100

    errors = image_errors(admin_client, png_upload(width=300, height=300, colour=(1, 2, 3)))

    assert len(errors) == 1
    assert errors[0].startswith("This file is too big (")
    assert errors[0].endswith("Maximum filesize 100\xa0bytes.")


def test_image_with_too_many_pixels_is_refused_before_being_decoded(admin_client):
    # 8,000 x 6,000: a 48-megapixel canvas in a file of a few dozen bytes, under Pillow's own alarm threshold. Its
    # pixel data is missing, so decoding it would fail: the refusal comes from reading the header alone.
    errors = image_errors(admin_client, SimpleUploadedFile("enorme.png", png_claiming_size(8_000, 6_000)))

    assert errors == ["This file has too many pixels (48000000). Maximum pixels 40000000."]


def test_decompression_bomb_is_refused(admin_client):
    # Past twice Pillow's own limit, Pillow refuses to open it at all.
    errors = image_errors(admin_client, SimpleUploadedFile("bomba.png", png_claiming_size(100_000, 100_000)))

    assert len(errors) == 1
    assert errors[0].startswith("This file has too many pixels (unknown number). Maximum pixels")


def test_file_that_is_not_an_image_is_refused(admin_client):
    errors = image_errors(admin_client, SimpleUploadedFile("foto.png", b"certainly not an image"))

    assert errors == [
        "Upload a valid image. The file you uploaded was either not an image or a corrupted image."
    ]


def test_image_whose_content_does_not_match_its_extension_is_refused(admin_client):
    errors = image_errors(admin_client, SimpleUploadedFile("foto.jpg", image_bytes("PNG")))

    assert errors == ["Not a valid .jpeg image. The extension does not match the file format (png)"]


def test_refused_image_leaves_no_row_and_no_file(admin_client, settings):
    image_errors(admin_client, SimpleUploadedFile("foto.png", b"certainly not an image"))

    assert not CustomImage.objects.exists()
    assert stored_files(settings) == []


# --- Documents ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("guida.pdf", PDF),
        ("modulo.docx", docx_bytes()),
        ("verbale.odt", odt_bytes()),
        ("bilancio.ods", odt_bytes("application/vnd.oasis.opendocument.spreadsheet")),
        ("elenco.csv", b"nome;comune\nCentro Ascolto;Savona\n"),
        ("note.txt", "Orari dello sportello: lunedì 9-12".encode()),
        ("lettera.rtf", b"{\\rtf1\\ansi Lettera}"),
    ],
)
def test_document_types_we_accept(admin_client, name, content):
    assert document_errors(admin_client, name, content) == []
    assert CustomDocument.objects.get().file.name == f"documents/{name}"


def test_program_renamed_to_pdf_is_refused(admin_client, settings):
    errors = document_errors(admin_client, "modulo.pdf", EXE)

    assert errors == [
        (
            "This file is not a real PDF: its name ends in .pdf but its content is a .exe file. Upload the "
            "original document, or save it again as PDF."
        )
    ]
    assert not CustomDocument.objects.exists()
    assert stored_files(settings) == []


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("modulo.docx", plain_zip_bytes(), "Word document"),
        ("verbale.odt", odt_bytes("application/vnd.oasis.opendocument.spreadsheet"), "OpenDocument text"),
        ("guida.pdf", b"<html>not a pdf</html>", "PDF"),
        ("elenco.csv", b"nome\x00\x00\x01binary", "CSV file"),
    ],
)
def test_document_whose_content_does_not_match_its_extension_is_refused(admin_client, name, content, kind):
    errors = document_errors(admin_client, name, content)

    assert len(errors) == 1
    assert kind in errors[0]
    assert not CustomDocument.objects.exists()


def test_document_with_a_forbidden_extension_is_refused(admin_client):
    errors = document_errors(admin_client, "setup.exe", EXE)

    assert errors == [
        "File extension “exe” is not allowed. Allowed extensions are: pdf, odt, docx, xlsx, ods, csv, txt, rtf."
    ]


def test_document_over_the_size_limit_is_refused(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 10

    errors = document_errors(admin_client, "guida.pdf", PDF)

    assert len(errors) == 1
    assert errors[0].startswith("This file is too big (")


def test_multiple_upload_reports_the_refusal(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"), {"files[]": SimpleUploadedFile("modulo.pdf", EXE)}
    )

    assert response.json()["success"] is False
    assert response.json()["error_message"].startswith("This file is not a real PDF")


# --- File names ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("uploaded", "stored"),
    [
        ("Modulo d'iscrizione città.PDF", "modulo-discrizione-citta.pdf"),
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\system.ini", "system.ini"),
        ("  spazi   e\ttab .txt", "spazi-e-tab.txt"),
        ("دليل الخدمات.pdf", "dlyl-lkhdmt.pdf"),
        ("指南.pdf", "zhinan.pdf"),
        ("???.pdf", "file.pdf"),
        (".htaccess", "htaccess"),
        ("archivio.tar.gz", "archiviotar.gz"),
        ("x" * 200 + ".pdf", "x" * 60 + ".pdf"),
    ],
)
def test_filename_sanitise(uploaded, stored):
    assert filename_sanitise(uploaded) == stored


def test_uploaded_names_are_sanitised_in_the_store(admin_client):
    document_errors(admin_client, "Guida ai servizi – edizione 2025.pdf", PDF)
    image_errors(admin_client, SimpleUploadedFile("Foto di gruppo à Genova.png", image_bytes("PNG")))

    assert CustomDocument.objects.get().file.name == "documents/guida-ai-servizi-edizione-2025.pdf"
    assert CustomImage.objects.get().file.name == "original_images/foto-di-gruppo-a-genova.png"


def test_same_name_twice_keeps_both_files(admin_client):
    document_errors(admin_client, "guida.pdf", PDF)
    document_errors(admin_client, "guida.pdf", PDF + b"%second")

    first, second = CustomDocument.objects.order_by("pk")
    assert first.file.name == "documents/guida.pdf"
    assert second.file.name != first.file.name
    assert second.file.read() == PDF + b"%second"


def test_document_saved_in_code_is_checked_too():
    document = CustomDocument(title="Falso", file=ContentFile(EXE, name="modulo.pdf"))

    with pytest.raises(Exception) as refused:
        document.full_clean()

    assert "non è un vero PDF" in str(refused.value)
