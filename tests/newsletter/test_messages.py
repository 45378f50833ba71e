"""A prepared message is the message Django would build, byte for byte in meaning, and goes out as 8bit."""

from email import message_from_bytes, policy

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives, get_connection

from content_models.models import NewsIndexPage
from newsletter.messages import MessageTemplate, PreparedEmail, newsletter_message
from newsletter.rendering import render_edition
from newsletter.rendering.links import PersonalLinks, subscriber_links
from tests.factories import DocumentFactory, ImageFactory, NewsPageFactory

from .conftest import publish_issue, translate_issue
from .test_rendering import every_block

pytestmark = pytest.mark.django_db
KEY = "k" * 43


def recipient(edition, template, *, links=None, mailto="mailto:unsubscribe@interazioni.example.org?subject=x"):
    return newsletter_message(
        edition=edition, links=links or subscriber_links(KEY, edition.language.code, 123456),
        to="Amina.Rossi@example.org", message_id="<newsletter.1.123456@interazioni.example.org>", mailto=mailto,
        template=template,
    )


def parsed(message) -> dict:
    data = message.message().as_bytes(linesep="\r\n")
    email = message_from_bytes(data, policy=policy.default)
    headers = {name: " ".join(str(value).split()) for name, value in email.items() if name != "Content-Type"}
    parts = {part.get_content_type(): (part.get_content(), part.get_content_charset(), part["Content-Transfer-Encoding"])
             for part in email.walk() if not part.is_multipart()}
    return {"headers": headers, "type": email.get_content_type(), "parts": parts, "bytes": data}


@pytest.fixture
def italian_edition(sections):
    news = NewsPageFactory(parent=sections[NewsIndexPage], title="Nuovi corsi", summary="Si riparte.",
                           main_image=ImageFactory())
    return render_edition(publish_issue(body=every_block(ImageFactory(), DocumentFactory(), news)))


def test_the_prepared_message_is_the_message_django_builds(italian_edition, settings):
    settings.NEWSLETTER_REPLY_TO = ["ufficio@interazioni.example.org"]
    template = MessageTemplate.for_edition(italian_edition)
    assert template is not None

    prepared, built = recipient(italian_edition, template), recipient(italian_edition, None)

    assert isinstance(prepared, PreparedEmail) and type(built) is EmailMultiAlternatives
    fast, slow = parsed(prepared), parsed(built)
    assert fast["headers"] == slow["headers"]
    assert set(fast["headers"]) >= {"Subject", "From", "To", "Reply-To", "Date", "Message-ID", "List-Unsubscribe",
                                    "List-Unsubscribe-Post", "List-Id", "Content-Language", "MIME-Version"}
    assert fast["type"] == slow["type"] == "multipart/alternative"
    assert fast["parts"] == slow["parts"]
    # 8bit both ways now that lines are short; no line over RFC 5322's limit, with the longest links in place.
    assert {encoding for _content, _charset, encoding in fast["parts"].values()} == {"8bit"}
    assert max(len(line) for line in fast["bytes"].split(b"\r\n")) <= 998
    html = fast["parts"]["text/html"][0]
    assert f"https://cms.example.org/newsletter/unsubscribe/{KEY}/123456/" in html
    assert f"https://portal.example.org/it/newsletter/preferences?token={KEY}" in html
    assert fast["headers"]["List-Unsubscribe"] == (
        f"<https://cms.example.org/newsletter/unsubscribe/{KEY}/123456/>, "
        "<mailto:unsubscribe@interazioni.example.org?subject=x>"
    )
    # Other backends (locmem here, provider APIs) read the fields, which are the same message.
    assert prepared.body == built.body and prepared.alternatives == built.alternatives
    assert prepared.subject == built.subject and prepared.extra_headers == built.extra_headers


def test_the_arabic_edition_keeps_its_language_and_direction(django_capture_on_commit_callbacks, locales):
    issue = publish_issue()
    arabic = translate_issue(issue, "ar", django_capture_on_commit_callbacks, subject="أخبار مايو",
                             body=[("paragraph", "<p>" + "دورات اللغة الإيطالية مجانية للجميع. " * 60 + "</p>")])
    edition = render_edition(arabic)

    fast = parsed(recipient(edition, MessageTemplate.for_edition(edition), mailto=None))

    assert fast["headers"]["Subject"] == "أخبار مايو" and fast["headers"]["Content-Language"] == "ar"
    html, charset, encoding = fast["parts"]["text/html"]
    assert (charset, encoding) == ("utf-8", "8bit")
    assert '<html lang="ar" dir="rtl"' in " ".join(html.split())
    assert "دورات اللغة الإيطالية مجانية للجميع." in " ".join(html.split())
    slow = parsed(recipient(edition, None, mailto=None))
    for message in (fast, slow):
        message["headers"].pop("Date", None)  # the two were made a moment apart: their second may differ
    assert fast == {**fast, **slow, "bytes": fast["bytes"]}


def test_an_edition_that_cannot_go_out_as_8bit_is_built_by_django_for_each_message(locales):
    # A link of 1,200 characters: no line break can shorten the line that holds it.
    long_url = "https://example.org/" + "a" * 1200
    edition = render_edition(publish_issue(body=[("call_to_action", {
        "label": "Apri", "page": None, "url": long_url, "description": ""})]))

    assert MessageTemplate.for_edition(edition) is None
    message = recipient(edition, None)
    assert type(message) is EmailMultiAlternatives
    html, _charset, encoding = parsed(message)["parts"]["text/html"]
    assert encoding == "quoted-printable" and long_url in html


def test_a_link_too_long_for_the_prepared_line_falls_back_for_that_message(italian_edition):
    template = MessageTemplate.for_edition(italian_edition)
    links = PersonalLinks("https://cms.example.org/u/" + "x" * 500, "https://portal.example.org/p")

    message = recipient(italian_edition, template, links=links)

    assert type(message) is EmailMultiAlternatives
    assert links.unsubscribe_url in parsed(message)["parts"]["text/plain"][0]


def test_prepared_messages_go_through_any_django_backend(italian_edition):
    template = MessageTemplate.for_edition(italian_edition)
    connection = get_connection("django.core.mail.backends.locmem.EmailBackend")

    assert connection.send_messages([recipient(italian_edition, template)]) == 1

    [sent] = mail.outbox
    assert sent.to == ["Amina.Rossi@example.org"]
    assert sent.message()["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f"/newsletter/unsubscribe/{KEY}/123456/" in sent.alternatives[0][0]


def test_the_smtp_backend_sends_the_prepared_bytes_without_personalising_the_fields(italian_edition, smtp_server):
    """Django's SMTP backend only reads message().as_bytes(): the body and HTML part are never made for it."""
    template = MessageTemplate.for_edition(italian_edition)
    message = recipient(italian_edition, template)
    connection = get_connection("django.core.mail.backends.smtp.EmailBackend")

    assert connection.send_messages([message]) == 1

    assert message._body is None and message._alternatives is None  # still not personalised
    [received] = smtp_server.received
    assert received.rcpt_tos == ["Amina.Rossi@example.org"]
    assert received.content == message.prepared.replace(b"\r\n", b"\n") or received.content == message.prepared
    # Read afterwards (as a provider backend would), the fields are the same message as Django's own.
    built = recipient(italian_edition, None)
    assert message.body == built.body and message.alternatives == built.alternatives


def test_the_fields_of_a_prepared_message_can_be_changed_like_any_message(italian_edition):
    message = recipient(italian_edition, MessageTemplate.for_edition(italian_edition))

    message.body = "changed"
    assert message.body == "changed"
    assert message.alternatives == recipient(italian_edition, None).alternatives  # made, body kept
    message.attach_alternative("<p>more</p>", "text/html")
    assert len(message.alternatives) == 2


def test_prepared_messages_go_through_the_console_backend(italian_edition):
    import io

    stream = io.StringIO()
    connection = get_connection("django.core.mail.backends.console.EmailBackend", stream=stream)

    assert connection.send_messages([recipient(italian_edition, MessageTemplate.for_edition(italian_edition))]) == 1
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in stream.getvalue()


def test_recipients_give_the_envelope_django_would(italian_edition):
    from django.core.mail.message import sanitize_address

    template = MessageTemplate.for_edition(italian_edition)
    for address in ["Amina.Rossi@example.org", "amina@bücher.example", "\"Rossi, A\" <a@example.org>"]:
        message = newsletter_message(
            edition=italian_edition, links=subscriber_links(KEY, "it", 1), to=address,
            message_id="<newsletter.1.1@interazioni.example.org>", template=template,
        )
        assert [sanitize_address(a, "utf-8") for a in message.recipients()] == [sanitize_address(address, "utf-8")]
