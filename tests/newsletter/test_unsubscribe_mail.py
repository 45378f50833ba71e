"""Mail to the List-Unsubscribe mailto address: from an MTA pipe (stdin), a Maildir or an mbox."""

import io
import logging
import mailbox
import re
import sys
from email.message import EmailMessage
from io import StringIO
from urllib.parse import parse_qs, unquote, urlparse

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError

from newsletter import sending
from newsletter.models import Delivery, Subscriber
from newsletter.throttle import Throttle

from .conftest import make_subscribers, publish_issue

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("locales")]
MAILTO = "unsubscribe@interazioni.example.org"


@pytest.fixture(autouse=True)
def _mailto(settings):
    settings.NEWSLETTER_UNSUBSCRIBE_MAILTO = MAILTO


def mail_client_reply(list_unsubscribe: str, *, sender="reader@example.net") -> bytes:
    """What a mail client sends when the reader presses "unsubscribe": the mailto URL turned into a message."""
    mailto = re.search(r"<(mailto:[^>]+)>", list_unsubscribe).group(1)
    url = urlparse(mailto)
    message = EmailMessage()
    message["From"] = sender
    message["To"] = unquote(url.path)
    message["Subject"] = parse_qs(url.query)["subject"][0]
    message["Message-ID"] = "<reply-1@example.net>"
    message.set_content("This message was sent automatically to unsubscribe.")
    return message.as_bytes()


def pipe(raw: bytes, monkeypatch) -> str:
    """As Postfix's pipe transport delivers: the whole message on stdin."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    out = StringIO()
    call_command("newsletter_unsubscribe_mail", stdout=out)
    return out.getvalue().strip()


def plain(subject: str, *, body="") -> bytes:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "someone@example.net", MAILTO, subject
    message["Message-ID"] = "<m-1@example.net>"
    message.set_content(body or "hello")
    return message.as_bytes()


def test_the_mailto_of_a_real_newsletter_message_unsubscribes_through_a_pipe(smtp_server, monkeypatch, caplog):
    reader, other = make_subscribers(2)
    dispatch = sending.issue_send(issue=publish_issue())
    sending.dispatch_deliver(dispatch_id=dispatch.pk, throttle=Throttle(0))
    received = next(m for m in smtp_server.received if m.rcpt_tos == [reader.email])
    header = received.message["List-Unsubscribe"]
    assert f"<mailto:{MAILTO}?subject=unsubscribe%20{reader.key}>" in header

    caplog.set_level(logging.INFO, logger="newsletter.mailto")
    raw = mail_client_reply(header)
    first, second = pipe(raw, monkeypatch), pipe(raw, monkeypatch)

    assert first == second == "1 message(s), 1 unsubscribe(s) applied"  # idempotent
    statuses = dict(Subscriber.objects.values_list("email", "status"))
    assert statuses == {reader.email: "unsubscribed", other.email: "active"}
    ours = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("newsletter"))
    assert "<reply-1@example.net> applied" in ours
    assert reader.email not in ours and "reader@example.net" not in ours  # no addresses in our logs
    assert Delivery.objects.filter(subscriber=reader, status="sent").exists()  # history kept


@pytest.mark.parametrize("subject", ["unsubscribe", "unsubscribe not-a-real-key-but-long-enough", "hello", ""])
def test_mail_without_a_valid_token_is_logged_and_dropped(subject, monkeypatch, caplog):
    reader = make_subscribers(1)[0]
    caplog.set_level(logging.INFO, logger="newsletter.mailto")

    assert pipe(plain(subject), monkeypatch) == "1 message(s), 0 unsubscribe(s) applied"  # exit status 0

    assert "<m-1@example.net> ignored: no valid unsubscribe token" in caplog.text
    reader.refresh_from_db()
    assert reader.status == Subscriber.Status.ACTIVE


def test_token_in_the_body_when_a_client_drops_the_subject(monkeypatch):
    reader = make_subscribers(1)[0]
    pipe(plain("", body=f"Please\nunsubscribe {reader.key}\nThanks"), monkeypatch)
    reader.refresh_from_db()
    assert reader.status == Subscriber.Status.UNSUBSCRIBED


def test_maildir_new_messages_are_processed_once(tmp_path):
    first, second, third = make_subscribers(3)
    box = mailbox.Maildir(tmp_path / "unsubscribe", create=True)
    for raw in (plain(f"unsubscribe {first.key}"), plain("Re: your newsletter"), plain(f"UNSUBSCRIBE {second.key}")):
        box.add(mailbox.MaildirMessage(raw))
    seen = mailbox.MaildirMessage(plain(f"unsubscribe {third.key}"))
    seen.set_subdir("cur")  # already read by someone: not ours to process
    box.add(seen)

    out = StringIO()
    call_command("newsletter_unsubscribe_mail", "--maildir", str(tmp_path / "unsubscribe"), stdout=out)
    call_command("newsletter_unsubscribe_mail", "--maildir", str(tmp_path / "unsubscribe"), stdout=out)

    assert out.getvalue().splitlines() == ["3 message(s), 2 unsubscribe(s) applied", "0 message(s), 0 unsubscribe(s) applied"]
    statuses = dict(Subscriber.objects.values_list("email", "status"))
    assert statuses == {first.email: "unsubscribed", second.email: "unsubscribed", third.email: "active"}
    messages = [box.get_message(key) for key in box.iterkeys()]
    assert [m.get_subdir() for m in messages] == ["cur"] * 4
    assert sorted("S" in m.get_flags() for m in messages) == [False, True, True, True]


def test_mbox(tmp_path):
    first, second = make_subscribers(2)
    path = tmp_path / "unsubscribe.mbox"
    box = mailbox.mbox(path)
    box.add(plain(f"unsubscribe {first.key}"))
    box.add(plain("out of office"))
    box.flush()

    out = StringIO()
    call_command("newsletter_unsubscribe_mail", "--mbox", str(path), stdout=out)

    assert out.getvalue().strip() == "2 message(s), 1 unsubscribe(s) applied"
    assert dict(Subscriber.objects.values_list("email", "status")) == {first.email: "unsubscribed",
                                                                       second.email: "active"}


def test_a_database_failure_asks_the_mta_to_retry(monkeypatch):
    """Fault injection: EX_TEMPFAIL (75) makes Postfix queue the message and try again later."""
    from newsletter.management.commands import newsletter_unsubscribe_mail

    def down(**kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(newsletter_unsubscribe_mail, "mail_unsubscribe", down)
    with pytest.raises(CommandError) as error:
        pipe(plain("unsubscribe x"), monkeypatch)
    assert error.value.returncode == 75
