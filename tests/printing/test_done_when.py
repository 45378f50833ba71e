"""Issue 17's "done when": an editor publishes a service page in Italian and Arabic; the Arabic A4 leaflet, the
it+ar bilingual leaflet and a help-desk booklet can then be downloaded from the admin and through printEditions,
and their pages, rendered to PNG, read right (Arabic joined and right to left, QR readable, phone numbers,
dates, amounts and Latin names in order, in structured fields and in rich text alike)."""

import json
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale

from printing.models import BookletState, PrintBooklet
from tests.factories import ImageFactory, ServicePageFactory, translation_publish

from .conftest import (
    LTR_RUNS,
    PHONE,
    PORTAL,
    TEXTS,
    print_settings_create,
    service_body,
    service_point_create,
)
from .pdf import pdf_pages_png, pdf_text, qr_codes, runs_out_of_order

pytestmark = pytest.mark.django_db

QUERY = """
query { page(path: "/servizi/corsi-adulti/", locale: "ar") {
  url ... on ServicePage { printEditions { language format bilingual url pages } } } }
"""


def stored(url: str) -> bytes:
    """The file behind an edition's URL (local storage in tests: MEDIA_URL under MEDIA_ROOT)."""
    relative = url.split(django_settings.MEDIA_URL, 1)[1]
    return (Path(django_settings.MEDIA_ROOT) / relative).read_bytes()


def test_an_editor_publishes_in_italian_and_arabic_and_the_editions_are_there(
    printing_on, service_index_page, admin_client, client, artifacts_dir
):
    print_settings_create()
    point = service_point_create()
    arabic_point = point.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic_point.name = "شبّاك InterAzioni في جنوة"
    arabic_point.save()
    image = ImageFactory(description=TEXTS["it"]["alt"])
    with TestCase.captureOnCommitCallbacks(execute=True):
        italian = ServicePageFactory(
            parent=service_index_page,
            slug="corsi-adulti",
            title=TEXTS["it"]["title"],
            summary=TEXTS["it"]["summary"],
            body=service_body(TEXTS["it"], image),
        )
        italian.service_points.add(point)
        italian.save_revision().publish()
    arabic = translation_publish(
        italian,
        "ar",
        title=TEXTS["ar"]["title"],
        summary=TEXTS["ar"]["summary"],
        body=service_body(TEXTS["ar"], image),
    )

    # Through the API.
    response = client.post("/graphql/", data=json.dumps({"query": QUERY}), content_type="application/json")
    page = response.json()["data"]["page"]
    editions = {(edition["format"], edition["bilingual"]): edition for edition in page["printEditions"]}
    assert set(editions) == {("A4_LEAFLET", False), ("A5_LEAFLET", False), ("A4_LEAFLET", True)}
    assert all(edition["language"] == "ar" for edition in editions.values())
    leaflet, bilingual = (
        stored(editions[("A4_LEAFLET", False)]["url"]),
        stored(editions[("A4_LEAFLET", True)]["url"]),
    )

    # From the admin: the same files.
    html = admin_client.get(reverse("printing_admin:subject", args=["page", italian.pk])).content.decode()
    for edition in (editions[("A4_LEAFLET", False)], editions[("A4_LEAFLET", True)]):
        assert edition["url"].split("testserver", 1)[-1].replace("http://127.0.0.1:8000", "") in html

    # They read right.
    for name, pdf in (("done-when-ar-a4", leaflet), ("done-when-it-ar-bilingual", bilingual)):
        png = pdf_pages_png(pdf, artifacts_dir / "print", name, dpi=150)[0]
        (artifacts_dir / "print" / f"{name}.pdf").write_bytes(pdf)
        assert qr_codes(png) == [page["url"]] and page["url"] == f"{PORTAL}/ar/servizi/corsi-adulti/"
        assert runs_out_of_order(pdf, [PHONE, *LTR_RUNS]) == [], name
    assert "دورات مجانية" in pdf_text(leaflet)

    # A desk booklet of the help desk's services, in Arabic.
    with TestCase.captureOnCommitCallbacks(execute=True):
        admin_client.post(
            reverse("printing_booklets:add"),
            {
                "title": "",
                "language": "ar",
                "format": "a5",
                "selection": "service_point",
                "service_point": point.pk,
                "topic": "",
                "chosen_pages-TOTAL_FORMS": "0",
                "chosen_pages-INITIAL_FORMS": "0",
                "chosen_pages-MIN_NUM_FORMS": "0",
                "chosen_pages-MAX_NUM_FORMS": "1000",
            },
        )
    booklet = PrintBooklet.objects.get()
    assert booklet.state == BookletState.READY, booklet.last_error
    download = admin_client.get(reverse("printing_admin:booklet_download", args=[booklet.pk]))
    pdf = stored(download["Location"])
    text = pdf_text(pdf)
    assert "جنوة" in text and "المحتويات" in text and "دورات مجانية" in text
    assert runs_out_of_order(pdf, [PHONE, *LTR_RUNS]) == []  # the A5 booklet's service chapter
    pdf_pages_png(pdf, artifacts_dir / "print", "done-when-booklet", dpi=70, last=3)
    assert arabic.live
