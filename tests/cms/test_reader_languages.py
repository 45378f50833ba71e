"""What readers and association contacts get follows their language, in all nine content languages: the editorial
preview of every page type and of a service point, every email the project writes (the newsletter edition and its
notices, the associations' onboarding emails), the newsletter's public pages and a feed item's content.

Each output is rendered in each language and searched for the project's English headings and labels: none may
appear when the language is not English (unless the language writes the word the same way, as French "Source").
The Italian test content stays Italian, so an English word found is a label that was not translated.
"""

import datetime
import re
from html import unescape

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone, translation
from wagtail.models import Locale

from associations import emails as association_emails
from associations import services as association_services
from associations.models import Membership
from cms.languages import CONTENT_LANGUAGE_CODES
from content_models.models import (
    AssociationIndexPage,
    EventIndexPage,
    InfographicIndexPage,
    NewsIndexPage,
    ServiceIndexPage,
)
from newsletter import services as newsletter_services
from newsletter.models import NewsletterIssue, Subscriber
from newsletter.notices import notice_send
from newsletter.rendering import render_edition
from tests.factories import (
    AssociationPageFactory,
    EventPageFactory,
    ImageFactory,
    InfographicPageFactory,
    NewsPageFactory,
    ServicePageFactory,
    ServicePointFactory,
)
from tests.factories.associations import association_with_page_create, member_create, regional_editor_create

pytestmark = pytest.mark.django_db

# The project's headings and labels that reach readers (previews, emails, public pages, feeds).
HEADINGS = [
    # previews and feeds
    "Editorial preview", "Who it is for", "How to access", "What you need", "What you get", "Costs",
    "Free of charge", "Deadlines", "Channels", "Online service", "Where", "Programme action", "Provinces",
    "Languages", "Last reviewed", "When", "Organiser", "Cost", "Free", "Register", "Areas of activity",
    "Communities served", "Phone", "Website", "Address", "Opening hours", "By appointment", "Accessibility",
    "Source", "Transcript", "Monday", "Tuesday", "Adults", "Families", "Women", "School and Italian L2",
    "Cultural mediation", "Arabic", "English",
    # newsletter
    "Read more", "View this email in your browser", "You receive this newsletter", "Change language or topics",
    "Unsubscribe", "Confirm your subscription", "Yes, subscribe me", "If it was not you", "already subscribed",
    "Do not want it any more", "Yes, unsubscribe me", "Too many requests",
    # associations' emails
    "Hello", "Dear", "Kind regards", "The InterAzioni editorial team", "Choose your password", "Then log in",
    "Your username", "The link is valid", "we have received", "thank you for the interest", "You are welcome",
]
OTHER_LANGUAGES = [code for code in CONTENT_LANGUAGE_CODES if code != "en"]


def english_left(text: str, language: str) -> list[str]:
    """The headings still in English in `text`, leaving out those the language writes the same way."""
    text = re.sub(r"<(style|script)\b.*?</\1>", " ", text, flags=re.S | re.I)  # font names: "Noto Sans Arabic"
    flat = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]*>", " ", text)))  # "<h2>Costs</h2><p>Free": two words
    found = []
    for heading in HEADINGS:
        with translation.override(language):
            same = translation.gettext(heading).casefold() == heading.casefold()
        if not same and re.search(rf"(?<![\w]){re.escape(heading)}(?![\w])", flat):
            found.append(heading)
    return found


@pytest.fixture
def pages(sections, home):
    point = ServicePointFactory(
        phone="010 123456", email="sportello@example.org", accessibility_notes="Rampa all'ingresso.",
        opening_hours=[("slot", {"weekday": "mon", "opens": "09:00", "closes": "13:00", "by_appointment": True}),
                       ("slot", {"weekday": "tue", "opens": "14:00", "closes": "17:00"})],
    )
    service = ServicePageFactory(
        parent=sections[ServiceIndexPage], title="Corsi di italiano", programme_action="01",
        audiences=["adults", "families"],
        audience_details="<p>Persone maggiorenni.</p>",
        how_to_access=[("step", {"title": "Prenota", "description": "<p>Allo sportello.</p>"})],
        what_you_need="<p>Documento.</p>", what_you_get="<p>Un attestato.</p>", costs="<p>Nessuno.</p>",
        deadlines="<p>30 giugno.</p>", channels="<p>Di persona.</p>", online_url="https://example.org/corsi",
        service_languages=["it", "ar", "en"], last_reviewed=datetime.date(2026, 12, 4),
        body=[("video", {"url": "https://www.youtube.com/watch?v=abc", "title": "Come iscriversi",
                         "transcript": "Testo del video."})],
    )
    service.service_points.add(point)
    service.save()
    event = EventPageFactory(
        parent=sections[EventIndexPage], title="Festa dei popoli", cost="", online_url="https://example.org/live",
        registration_url="https://example.org/iscrizioni", event_languages=["it", "ar"], address="Piazza Matteotti",
        end=timezone.now() + datetime.timedelta(days=7, hours=3),
    )
    return {
        "home": home,
        "section": sections[NewsIndexPage],
        "service": service,
        "event": event,
        "news": NewsPageFactory(parent=sections[NewsIndexPage], main_image=ImageFactory()),
        "infographic": InfographicPageFactory(parent=sections[InfographicIndexPage]),
        "association": AssociationPageFactory(
            parent=sections[AssociationIndexPage], email="info@example.org", phone="010 654321",
            website="https://example.org", communities_served=["SN", "MA"], languages_spoken=["fr", "wo"],
        ),
        "service point": point,
    }


def preview_in(obj, language: str) -> str:
    """The editorial preview of `obj` as its translation into `language` would show it (same content)."""
    obj.locale = Locale.objects.get(language_code=language)
    response = obj.make_preview_request()
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_previews_of_every_page_type_follow_the_page_language(pages, language):
    for name, obj in pages.items():
        html = preview_in(obj, language)
        assert f'lang="{language}"' in html, name
        assert not english_left(html, language), (name, english_left(html, language))


def test_the_check_sees_english(pages):
    html = preview_in(pages["service"], "en")
    assert {"How to access", "Costs", "Last reviewed", "Editorial preview"} <= set(english_left(html, "it"))


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_dates_in_previews_are_written_the_languages_way(pages, language):
    html = preview_in(pages["service"], language)
    assert "December" not in html and "12/04/2026" not in html
    with translation.override(language):
        from django.utils.formats import date_format

        assert date_format(datetime.date(2026, 12, 4), "SHORT_DATE_FORMAT") in html


@pytest.fixture
def issue(pages):
    issue = NewsletterIssue(
        subject="Notizie di dicembre", preheader="Corsi ed eventi", locale=Locale.get_default(),
        body=[("paragraph", "<p>I corsi ripartono.</p>"),
              ("teasers", {"title": "Da non perdere", "pages": [pages["service"], pages["event"]],
                           "show_images": True})],
    )
    issue.save()
    issue.save_revision().publish()
    return issue


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_newsletter_edition_in_every_language(issue, language):
    issue.locale = Locale.objects.get(language_code=language)
    edition = render_edition(issue)
    assert f'lang="{language}"' in edition.html
    for part in (edition.html, edition.text):
        assert not english_left(part, language), english_left(part, language)


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_newsletter_notices_and_pages_in_every_language(client, locales, language, django_capture_on_commit_callbacks):
    cache.clear()  # the subscription rate limit counts in the cache
    with django_capture_on_commit_callbacks(execute=True):
        newsletter_services.subscriber_subscribe(email="reader@example.org", language=language,
                                                 client_ip="192.0.2.1")
    subscriber = Subscriber.objects.get()
    subscriber.status = Subscriber.Status.ACTIVE
    subscriber.save()
    notice_send(subscriber=subscriber, kind="already_subscribed")
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        html = message.alternatives[0][0]
        for part in (message.subject, message.body, html):
            assert not english_left(part, language), (message.subject, english_left(part, language))
    page = client.get(f"/newsletter/unsubscribe/{subscriber.key}/").content.decode()
    assert not english_left(page, language), english_left(page, language)


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_association_emails_in_every_language(sections, language, django_capture_on_commit_callbacks):
    editor = regional_editor_create()
    with django_capture_on_commit_callbacks(execute=True):
        request = association_services.account_request_create(
            association_name="Associazione Senegalesi di Genova", municipality="Genova", contact_name="Awa Diop",
            email="awa.diop@example.org", language=language,
        )
        association = association_with_page_create(
            name="Associazione Alfa", section=sections[AssociationIndexPage], editor=editor
        )
        member = member_create(association=association, email="socio@example.org", inviter=editor,
                               role=Membership.Role.ADMIN)
    mail.outbox.clear()
    association_emails.request_received_send(account_request=request)  # acknowledgement (and editors' note)
    association_emails.rejection_send(account_request=request)
    association_emails.invitation_send(membership=Membership.objects.get(user=member), language=language)
    to_contacts = [message for message in mail.outbox if editor.email not in message.to]
    assert len(to_contacts) == 3
    for message in to_contacts:
        for part in (message.subject, message.body):
            assert not english_left(part, language), (message.subject, english_left(part, language))
