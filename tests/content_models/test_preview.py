"""Every page type has a readable preview in its own language and direction (the admin's preview panel)."""

import datetime

import pytest
from wagtail.models import Locale

from content_models.models import (
    AssociationIndexPage,
    EventIndexPage,
    InfographicIndexPage,
    NewsIndexPage,
    ServiceIndexPage,
)
from tests.factories import (
    AssociationPageFactory,
    EventPageFactory,
    ImageFactory,
    InfographicPageFactory,
    NewsPageFactory,
    ServicePageFactory,
    ServicePointFactory,
)

BODY = [
    ("heading", {"text": "Come iscriversi", "level": "h2"}),
    ("paragraph", "<p>Testo <b>importante</b>.</p>"),
    ("steps", {"title": "Passi", "steps": [{"title": "Prenota", "description": "<p>Chiama.</p>"}]}),
    ("faq", {"title": "", "items": [{"question": "Costa?", "answer": "<p>No.</p>"}]}),
    ("alert", {"level": "urgent", "title": "Attenzione", "text": "<p>Scadenza vicina.</p>"}),
    ("quote", {"quote": "Una frase.", "attribution": "Amina"}),
]


def _preview(page):
    response = page.make_preview_request()
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_every_page_type_previews(sections, home):
    image = ImageFactory()
    pages = [
        home,
        sections[ServiceIndexPage],
        ServicePageFactory(parent=sections[ServiceIndexPage], title="Mediazione culturale", body=BODY),
        EventPageFactory(parent=sections[EventIndexPage], title="Festa dei popoli", body=BODY),
        NewsPageFactory(parent=sections[NewsIndexPage], title="Nuovi corsi", main_image=image, body=BODY),
        InfographicPageFactory(parent=sections[InfographicIndexPage], title="Residenti stranieri"),
        AssociationPageFactory(parent=sections[AssociationIndexPage], title="Casa dei popoli", body=BODY),
    ]
    for page in pages:
        html = _preview(page)
        assert '<html lang="it" dir="ltr">' in html
        assert f"<h1>{page.title}</h1>" in html


@pytest.mark.django_db
def test_blocks_render_readably(sections):
    page = ServicePageFactory(parent=sections[ServiceIndexPage], body=BODY)
    html = _preview(page)
    assert "<h2>Come iscriversi</h2>" in html
    assert "<b>importante</b>" in html
    assert "<details><summary>Costa?</summary>" in html
    assert 'class="alert alert--urgent" role="alert"' in html
    assert "— Amina" in html


@pytest.mark.django_db
def test_arabic_page_previews_right_to_left(sections, django_capture_on_commit_callbacks):
    arabic = Locale.objects.get(language_code="ar")
    service = ServicePageFactory(parent=sections[ServiceIndexPage])
    with django_capture_on_commit_callbacks(execute=True):
        section_ar = sections[ServiceIndexPage].copy_for_translation(arabic, copy_parents=True)
        section_ar.save_revision().publish()
        service_ar = service.copy_for_translation(arabic)
    service_ar.title = "الوساطة الثقافية"
    service_ar.save_revision().publish()
    html = _preview(service_ar)
    assert '<html lang="ar" dir="rtl">' in html
    assert "<h1>الوساطة الثقافية</h1>" in html


@pytest.mark.django_db
def test_service_point_snippet_previews(locales):
    point = ServicePointFactory(name="Sportello Unico Savona", opening_hours=[
        ("slot", {"weekday": "mon", "opens": datetime.time(9), "closes": datetime.time(13), "by_appointment": False})
    ])
    html = point.make_preview_request().content.decode()
    assert "<h1>Sportello Unico Savona</h1>" in html
    assert "09:00–13:00" in html
