"""The newsletter's leak matrix: nothing that is not public leaves through an issue's email or its web view.

Pages in every hidden state (draft, unpublished, expired, scheduled, restricted by password, login or groups) and
a document of a private collection are pointed at from every place an issue can point at them: rich-text links,
the document block, teasers, related pages and calls to action. The email is sent through a real SMTP server
(aiosmtpd) and read back; the web view is fetched over HTTP. A public page and a public document in the same
places are the control: they must be there.
"""

import pytest
from django.core.files.base import ContentFile
from wagtail.models import Collection, CollectionViewRestriction, Page

from content_models.models import NewsIndexPage
from newsletter import sending
from tests.factories import DocumentFactory, ImageFactory, NewsPageFactory
from tests.factories.content import page_hide

from .conftest import make_subscribers, publish_issue

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("locales")]

HIDDEN_STATES = ("draft", "unpublished", "expired", "scheduled", "password", "login", "groups")


def private_collection() -> Collection:
    collection = Collection.get_first_root_node().add_child(name="Verbali riservati")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    return collection


@pytest.fixture
def matrix(sections):
    """Hidden pages by state, a private document, and public counterparts, each with a recognisable mark."""
    index = sections[NewsIndexPage]
    hidden = {
        state: NewsPageFactory(parent=index, title=f"Titolo nascosto {state}", slug=f"nascosta-{state}",
                               summary=f"Riassunto nascosto {state}")
        for state in HIDDEN_STATES
    }
    for state, page in hidden.items():
        hidden[state] = page_hide(page, state)
    public = NewsPageFactory(parent=index, title="Titolo pubblico", slug="pagina-pubblica", summary="Per tutti.")
    secret_document = DocumentFactory(title="Verbale riservato", collection=private_collection(),
                                      file=ContentFile(b"%PDF-1.4\n", name="verbale-riservato.pdf"))
    public_document = DocumentFactory(title="Modulo pubblico")
    return {"hidden": hidden, "public": public, "secret_document": secret_document,
            "public_document": public_document}


def issue_pointing_everywhere(matrix):
    pages = [*matrix["hidden"].values(), matrix["public"]]
    links = " ".join(f'<a linktype="page" id="{page.pk}">collegamento {n}</a>' for n, page in enumerate(pages))
    secret, public = matrix["secret_document"], matrix["public_document"]
    body = [
        ("paragraph", f"<p>Leggi {links}.</p>"
                      f'<p><a linktype="document" id="{secret.pk}">il verbale</a> e '
                      f'<a linktype="document" id="{public.pk}">il modulo</a>.</p>'),
        ("document", {"document": secret, "title": "", "description": ""}),
        ("document", {"document": public, "title": "", "description": ""}),
        ("teasers", {"title": "Da leggere", "pages": pages, "show_images": True}),
        ("related_pages", {"title": "Vedi anche", "pages": pages}),
        *[("call_to_action", {"label": f"Vai {n}", "page": page, "url": "", "description": ""})
          for n, page in enumerate(pages)],
    ]
    return publish_issue(body=body)


def secrets_of(matrix) -> list[str]:
    marks = []
    for state in matrix["hidden"]:
        marks += [f"nascosta-{state}", f"Titolo nascosto {state}", f"Riassunto nascosto {state}"]
    document = matrix["secret_document"]
    marks += ["Verbale riservato", document.file.name.rsplit("/", 1)[-1], f"/documents/{document.pk}/"]
    return marks


def assert_no_leak(output: str, matrix, where: str) -> None:
    output = " ".join(output.split())
    leaked = [mark for mark in secrets_of(matrix) if mark in output]
    assert leaked == [], f"{where} leaks {leaked}"
    # The control: public content is there, so the assertions above are not vacuous.
    assert "pagina-pubblica" in output and "Titolo pubblico" in output, where
    assert f"/documents/{matrix['public_document'].pk}/" in output, where


def send(issue, capture):
    with capture(execute=True):
        sending.issue_send(issue=issue)


def test_nothing_hidden_leaves_by_email_or_web_view(client, smtp_server, matrix,
                                                   django_capture_on_commit_callbacks):
    make_subscribers(2)
    issue = issue_pointing_everywhere(matrix)

    send(issue, django_capture_on_commit_callbacks)

    assert len(smtp_server.received) == 2
    for message in smtp_server.received:
        assert_no_leak(message.part("text/html"), matrix, "the email's HTML")
        assert_no_leak(message.part("text/plain"), matrix, "the email's text")
    web_view = client.get(f"/newsletter/view/{issue.translation_key}/it/")
    assert web_view.status_code == 200
    assert_no_leak(web_view.content.decode(), matrix, "the web view")


def test_the_web_view_stops_linking_to_a_page_unpublished_after_the_send(client, sections,
                                                                         django_capture_on_commit_callbacks):
    page = NewsPageFactory(parent=sections[NewsIndexPage], title="Presto ritirata", slug="presto-ritirata")
    issue = publish_issue(body=[
        ("paragraph", f'<p><a linktype="page" id="{page.pk}">Leggi</a></p>'),
        ("teasers", {"title": "", "pages": [page], "show_images": False}),
    ])
    with django_capture_on_commit_callbacks(execute=True):
        sending.issue_send(issue=issue)  # no subscribers: the web view only needs the send to have started
    url = f"/newsletter/view/{issue.translation_key}/it/"
    assert b"presto-ritirata" in client.get(url).content  # now cached

    Page.objects.get(pk=page.pk).specific.unpublish()

    assert b"presto-ritirata" not in client.get(url).content


def test_an_image_in_rich_text_is_shown_in_the_web_view_and_the_email(client, smtp_server, sections,
                                                                      django_capture_on_commit_callbacks):
    """It used to answer 500 and fail the send (the email rich text handled the <img> Wagtail made badly)."""
    shown = ImageFactory(title="Lezione")
    secret = ImageFactory(title="Riservata", collection=private_collection())
    make_subscribers(1)
    issue = publish_issue(body=[("paragraph",
        f'<p>Una lezione:</p><embed embedtype="image" id="{shown.pk}" format="fullwidth" alt="Aula con studenti"/>'
        f'<embed embedtype="image" id="{secret.pk}" format="left" alt="Foto riservata"/>')])

    send(issue, django_capture_on_commit_callbacks)

    [message] = smtp_server.received
    html = message.part("text/html")
    web_view = client.get(f"/newsletter/view/{issue.translation_key}/it/")
    assert web_view.status_code == 200
    for output in (html, web_view.content.decode()):
        assert 'alt="Aula con studenti"' in output and 'src="https://cms.example.org/' in output
        assert "max-width:100%" in output
        assert "Foto riservata" not in output and "Riservata" not in output
    assert "[Aula con studenti]" in message.part("text/plain")
