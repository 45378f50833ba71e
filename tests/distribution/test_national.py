"""The national portal hand-off: a package with only public content, downloadable and emailed on publish."""

import io
import json
import zipfile

import pytest
from django.core import mail
from django.utils import timezone, translation
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from distribution.models import NationalPortalItem
from distribution.national.archive import package_zip
from distribution.national.package import national_package_build
from tests.factories import DocumentFactory, EventPageFactory, ImageFactory, NewsPageFactory, page_hide

pytestmark = pytest.mark.django_db


@pytest.fixture
def editorial(settings, only, no_portal_webhooks):
    only()
    settings.DISTRIBUTION_NATIONAL_PORTAL_EMAIL = ["redazione@portale-integrazione.example"]


@pytest.fixture
def private_collection():
    collection = Collection.get_first_root_node().add_child(name="Riservata")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    return collection


def test_package_has_the_public_content_with_credits_and_languages(editorial, news_index, translate,
                                                                   private_collection):
    lead = ImageFactory(description="Uno sportello", credit="Foto: Comune di Genova", licence="CC BY 4.0")
    hidden = ImageFactory(description="Riservata", collection=private_collection)
    news = NewsPageFactory(
        parent=news_index, title="Nuovo sportello", slug="sportello", main_image=lead,
        summary="Apre a Genova.",
        body=[("heading", {"text": "Orari", "level": "h2"}), ("paragraph", "<p>Dal lunedì al venerdì.</p>"),
              ("image", {"image": hidden, "caption": "", "alt_text": ""})],
    )
    translate(news, "ar", title="مكتب جديد", slug="maktab")
    translate(news, "fr", title="Nouveau guichet", slug="guichet", publish=False)

    package = national_package_build(page=news)

    assert package["title"] == "Nuovo sportello" and package["summary"] == "Apre a Genova."
    assert "<h2>Orari</h2>" in package["body_html"] and "Dal lunedì al venerdì." in package["body_text"]
    assert [(image["credit"], image["licence"]) for image in package["images"]] == [
        ("Foto: Comune di Genova", "CC BY 4.0")
    ]
    assert "Riservata" not in json.dumps(package)
    assert [entry["language"] for entry in package["languages"]] == ["it", "ar"]  # the French draft is left out
    assert package["source_url"] == "http://localhost:3000/it/notizie/sportello/"
    assert package["dates"]["date"] == news.date.isoformat()


@pytest.mark.parametrize("state", ["draft", "unpublished", "expired", "scheduled", "login"])
def test_rich_text_and_blocks_never_point_at_what_is_hidden(editorial, news_index, private_collection, state):
    """The package's rich text is the content kernel's: a hidden page or a private document loses its address,
    a private image is left out (it used to be Wagtail's expand_db_html, which checked nothing)."""
    hidden = page_hide(NewsPageFactory(parent=news_index, slug=f"nascosta-{state}"), state)
    secret = DocumentFactory(title="Verbale riservato", collection=private_collection)
    image = ImageFactory(collection=private_collection)
    news = NewsPageFactory(parent=news_index, body=[
        ("paragraph", f'<p><a linktype="page" id="{hidden.pk}">qui</a> <a linktype="document" id="{secret.pk}">'
                      f'verbale</a></p><embed embedtype="image" id="{image.pk}" format="left" alt="Foto segreta"/>'),
        ("call_to_action", {"label": "Vai", "page": hidden, "url": "", "description": ""}),
        ("related_pages", {"title": "", "pages": [hidden]}),
        ("document", {"document": secret, "title": "", "description": ""}),
    ])

    text = json.dumps(national_package_build(page=news), ensure_ascii=False)

    for secret_mark in (f"nascosta-{state}", f"/documents/{secret.pk}/", "Verbale riservato", "Foto segreta"):
        assert secret_mark not in text, secret_mark
    assert "qui" in text and "verbale" in text  # the words stay


def test_event_package_has_dates_and_place(editorial, event_index):
    event = EventPageFactory(parent=event_index, address="Piazza De Ferrari 1", latitude="44.407", longitude="8.934")
    package = national_package_build(page=event)
    assert package["place"]["venue_name"] == "Palazzo Ducale" and package["place"]["latitude"] == 44.407
    assert package["dates"]["start"] == timezone.localtime(event.start).isoformat()


def test_no_package_for_a_page_that_is_not_public(editorial, event_index):
    draft = EventPageFactory(parent=event_index, live=False)
    restricted = EventPageFactory(parent=event_index)
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    assert national_package_build(page=draft) is None
    assert national_package_build(page=restricted) is None


def test_zip_holds_json_body_and_images_with_credits(editorial, news_index):
    news = NewsPageFactory(parent=news_index, main_image=ImageFactory(credit="ANSA", licence="Tutti i diritti"))
    archive = zipfile.ZipFile(io.BytesIO(package_zip(national_package_build(page=news))))
    names = archive.namelist()
    assert {"package.json", "body.html", "body.txt", "images/CREDITS.tsv"} <= set(names)
    assert any(name.startswith("images/01-") for name in names)
    assert "ANSA" in archive.read("images/CREDITS.tsv").decode()


def test_a_marked_page_is_emailed_once_per_published_revision(editorial, event_index, publish):
    event = EventPageFactory(parent=event_index, live=False, title="Open day")
    NationalPortalItem.objects.create(page=event)

    publish(event)
    publish(event)  # a new revision: emailed again

    assert len(mail.outbox) == 2
    message = mail.outbox[0]
    assert message.to == ["redazione@portale-integrazione.example"] and "Open day" in message.subject
    _name, content, mimetype = message.attachments[0]
    assert mimetype == "application/json" and json.loads(content)["title"] == "Open day"


def test_an_unmarked_page_is_not_emailed(editorial, event_index, publish):
    publish(EventPageFactory(parent=event_index, live=False))
    assert mail.outbox == []


def test_the_package_email_is_in_italian_whatever_the_publishers_admin_language(editorial, event_index, publish):
    event = EventPageFactory(parent=event_index, live=False, title="Open day")
    NationalPortalItem.objects.create(page=event)
    with translation.override("ar"):  # an editor working in the Arabic admin publishes
        publish(event)
    [message] = mail.outbox
    assert message.subject.startswith("[Portale nazionale] Open day")
    assert "Fonte: " in message.body and "Lingue: " in message.body
