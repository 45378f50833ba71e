"""Email messages: a personalised newsletter message with its list headers, and subscriber notices.

A bulk send builds each edition's message once, as bytes, with placeholders (MessageTemplate); every message is
then those bytes with the recipient's values put in (To, Date, Message-ID, List-Unsubscribe, the personal links).
Django's email backend still sends it (PreparedEmail): the SMTP backend's connection handling, settings and
errors are unchanged, and it writes out the prepared bytes instead of serialising the MIME tree again, which
cost more than everything else a message needs.
"""

import re
import uuid
from collections.abc import Callable
from email import message_from_bytes
from email.utils import formatdate, parseaddr
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import RFC5322_EMAIL_LINE_LENGTH_LIMIT, EmailAlternative, sanitize_address
from django.core.mail.utils import DNS_NAME
from django.utils.html import escape

from .rendering import Edition
from .rendering.lines import longest_line
from .rendering.links import PersonalLinks, subscriber_links, unsubscribe_mailto

# A link longer than this (HTML-escaped) is not put into prepared bytes: that message is built the slow way.
MAX_LINK_OCTETS = 400
# An address Django's sanitize_address() would give back unchanged (ASCII, no name, no quoting): skip its parser,
# which costs more than the rest of a prepared message. Anything else goes through it.
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_PLAIN_ADDRESS = re.compile(rf"{_ATEXT}(?:\.{_ATEXT})*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*")
_VALUES = ("to", "date", "message_id", "list_unsubscribe", "html_unsubscribe", "html_preferences",
           "text_unsubscribe", "text_preferences")


def message_domain() -> str:
    _name, address = parseaddr(settings.NEWSLETTER_FROM_EMAIL)
    return address.rpartition("@")[2] or str(DNS_NAME)


def delivery_message_id(issue_id: int, delivery_id: int, *, domain: str | None = None) -> str:
    # Stable per delivery: if a message whose outcome was lost is sent again (see docs/newsletter.md, resume
    # policy), it carries the same Message-ID, which lets mailbox providers collapse the duplicate.
    # A send passes message_domain() once for all its messages: parsing the From address each time costs.
    return f"<newsletter.{issue_id}.{delivery_id}@{domain or message_domain()}>"


def list_unsubscribe(url: str, mailto: str | None) -> str:
    # RFC 2369 and RFC 8058: mailbox providers show an unsubscribe button and POST to the HTTPS link.
    return f"<{url}>" + (f", <{mailto}>" if mailto else "")


def newsletter_message(
    *, edition: Edition, links: PersonalLinks, to: str, message_id: str, mailto: str | None = None,
    connection=None, template: "MessageTemplate | None" = None,
) -> EmailMultiAlternatives:
    """The message for one recipient; with the edition's template, its bytes are prepared, not serialised."""
    date = formatdate(localtime=settings.EMAIL_USE_LOCALTIME)
    headers = {
        "Date": date,
        "Message-ID": message_id,
        "List-Unsubscribe": list_unsubscribe(links.unsubscribe_url, mailto),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": settings.NEWSLETTER_LIST_ID,
        "Content-Language": edition.language.code,
        "Precedence": "bulk",
        "Auto-Submitted": "auto-generated",
    }
    fields = {
        "subject": edition.subject, "from_email": settings.NEWSLETTER_FROM_EMAIL, "to": [to],
        "reply_to": settings.NEWSLETTER_REPLY_TO or None, "headers": headers, "connection": connection,
    }
    prepared = template.render(links=links, to=to, date=date, message_id=message_id, mailto=mailto) \
        if template is not None else None
    if prepared is not None:
        # The body and the HTML part are personalised only if a backend reads them (see PreparedEmail).
        return PreparedEmail(prepared=prepared, personalise=partial(edition.personalise, links), **fields)
    html, text = edition.personalise(links)
    message = EmailMultiAlternatives(body=text, **fields)
    message.attach_alternative(html, "text/html")
    return message


def subscriber_mailto(key: str) -> str | None:
    return unsubscribe_mailto(key)


class SubscriberLinks:
    """subscriber_links() for every message of a send: Django's URL reversing once per language, then formatting.

    The URLs are built once with sample values and split where those values are; a run whose URLs would not
    split cleanly (a sample value also in the base URL) calls subscriber_links() for each message, as before.
    """

    _KEY, _ID = "nlkeyQ7xZ", 987654321

    def __init__(self):
        self._formats: dict[str, tuple[str, str] | None] = {}

    def for_delivery(self, key: str, language: str, delivery_id: int) -> PersonalLinks:
        if language not in self._formats:
            self._formats[language] = self._split(language)
        formats = self._formats[language]
        if formats is None or not _url_safe(key):
            return subscriber_links(key, language, delivery_id)
        unsubscribe, preferences = formats
        return PersonalLinks(unsubscribe.format(key=key, id=delivery_id), preferences.format(key=key))

    def _split(self, language: str) -> tuple[str, str] | None:
        sample = subscriber_links(self._KEY, language, self._ID)
        unsubscribe, preferences = sample.unsubscribe_url, sample.preferences_url
        if "{" in unsubscribe + preferences or "}" in unsubscribe + preferences:
            return None
        if unsubscribe.count(self._KEY) != 1 or unsubscribe.count(str(self._ID)) != 1 or preferences.count(self._KEY) != 1:
            return None
        formats = (unsubscribe.replace(self._KEY, "{key}").replace(str(self._ID), "{id}"),
                   preferences.replace(self._KEY, "{key}"))
        # Keys are URL-safe tokens: what was checked with one key holds for any (verified once more here).
        check_key, check_id = "Ab-_09", 7
        expected = subscriber_links(check_key, language, check_id)
        made = PersonalLinks(formats[0].format(key=check_key, id=check_id), formats[1].format(key=check_key))
        return formats if made == expected else None


def _url_safe(key: str) -> bool:
    """A key reverse() would put in the URL unchanged (subscriber keys are URL-safe tokens)."""
    return key.isascii() and key.replace("-", "").replace("_", "").isalnum()


# --- Prepared messages ----------------------------------------------------------------------------------------
class MessageTemplate:
    """One edition's message as bytes, split where each recipient's values go."""

    def __init__(self, segments: list[bytes | str]):
        self._segments = segments  # literal bytes, with the names of the values (str) between them

    @classmethod
    def for_edition(cls, edition: Edition) -> "MessageTemplate | None":
        """None when the edition cannot go out as 8bit (a line no break could shorten): Django builds each one."""
        # Tokens that survive MIME serialisation untouched: ASCII letters and digits, unique to this build.
        marker = f"nlvalue{uuid.uuid4().hex}"
        tokens = {name: f"{marker}{index}q" for index, name in enumerate(_VALUES)}
        html_links = PersonalLinks(tokens["html_unsubscribe"], tokens["html_preferences"])
        text_links = PersonalLinks(tokens["text_unsubscribe"], tokens["text_preferences"])
        sample = newsletter_message(
            edition=edition, links=html_links, to=f"{tokens['to']}@placeholder.invalid",
            message_id=tokens["message_id"],
        )
        sample.body = edition.personalise(text_links)[1]
        sample.extra_headers.update({"Date": tokens["date"], "List-Unsubscribe": tokens["list_unsubscribe"]})
        data = sample.message().as_bytes(linesep="\r\n")
        data = data.replace(f"{tokens['to']}@placeholder.invalid".encode(), tokens["to"].encode())
        if not _goes_out_as_8bit(data, tokens.values()):
            return None
        parts = re.split(re.escape(marker).encode() + rb"(\d)q", data)
        # re.split with a group: literal, value index, literal, value index, ..., literal.
        segments = [part if index % 2 == 0 else _VALUES[int(part)] for index, part in enumerate(parts)]
        return cls(segments)

    def render(self, *, links: PersonalLinks, to: str, date: str, message_id: str, mailto: str | None) -> bytes | None:
        html_unsubscribe, html_preferences = escape(links.unsubscribe_url), escape(links.preferences_url)
        header = list_unsubscribe(links.unsubscribe_url, mailto)
        if max(len(html_unsubscribe), len(html_preferences)) > MAX_LINK_OCTETS or not header.isascii():
            return None  # headers are ASCII, and a line must keep room for the link
        values = {
            # The header values Django would write: addresses sanitised (IDNA), the long one folded by hand.
            "to": (to if _PLAIN_ADDRESS.fullmatch(to) else sanitize_address(to, settings.DEFAULT_CHARSET)).encode(),
            "date": date.encode(),
            "message_id": message_id.encode(),
            "list_unsubscribe": header.replace(", ", ",\r\n ").encode(),
            "html_unsubscribe": html_unsubscribe.encode(),
            "html_preferences": html_preferences.encode(),
            "text_unsubscribe": links.unsubscribe_url.encode(),
            "text_preferences": links.preferences_url.encode(),
        }
        return b"".join(values[part] if isinstance(part, str) else part for part in self._segments)


def _goes_out_as_8bit(data: bytes, tokens) -> bool:
    """Every text part 7bit/8bit, every placeholder intact, and room on each line for the longest link."""
    parsed = message_from_bytes(data)
    for part in parsed.walk():
        if not part.is_multipart() and part.get("Content-Transfer-Encoding", "7bit").lower() not in ("7bit", "8bit"):
            return False
    for token in tokens:
        if token.encode() not in data:
            return False
    for line in data.split(b"\r\n"):
        growth = sum(line.count(token.encode()) for token in tokens) * MAX_LINK_OCTETS
        if growth and len(line) + growth > RFC5322_EMAIL_LINE_LENGTH_LIMIT:
            return False
    return longest_line(data) <= RFC5322_EMAIL_LINE_LENGTH_LIMIT


class PreparedEmail(EmailMultiAlternatives):
    """A message whose wire form was prepared (MessageTemplate.render): message() gives those bytes back.

    Its fields (subject, body, the HTML alternative, headers) are the same message, for backends that read them
    instead (locmem in tests, provider APIs such as django-anymail). The body and the HTML alternative are made
    (Edition.personalise: two replacements over each 50 KB part) the first time something reads them: Django's
    SMTP backend never does, it sends message().as_bytes().

    recipients() gives plain ASCII addresses as (name, address) pairs: Django's sanitize_address() then skips its
    header parser and returns the same address (the SMTP envelope is unchanged).
    """

    def __init__(self, *, prepared: bytes, personalise: Callable[[], tuple[str, str]], **fields):
        super().__init__(**fields)
        self.prepared = prepared
        self._personalise = personalise
        self._body = self._alternatives = None  # not made yet (the base class set them empty)

    def _fill(self) -> None:
        html, text = self._personalise()
        if self._body is None:
            self._body = text
        if self._alternatives is None:
            self._alternatives = [EmailAlternative(html, "text/html")]

    @property
    def body(self) -> str:
        if self._body is None:
            self._fill()
        return self._body

    @body.setter
    def body(self, value: str) -> None:
        self._body = value

    @property
    def alternatives(self) -> list:
        if self._alternatives is None:
            self._fill()
        return self._alternatives

    @alternatives.setter
    def alternatives(self, value: list) -> None:
        self._alternatives = value

    def recipients(self):
        return [("", address) if _PLAIN_ADDRESS.fullmatch(address) else address for address in super().recipients()]

    def message(self):
        return PreparedMIME(self.prepared)


class PreparedMIME:
    """What EmailMessage.message() returns, already serialised: as_bytes() is all the SMTP backend calls.

    Anything else (a header, walk(), get_charset() for the console backend) is read from the parsed message.
    """

    def __init__(self, data: bytes):
        self._data = data
        self._parsed = None

    def as_bytes(self, unixfrom: bool = False, linesep: str = "\n") -> bytes:
        return self._data if linesep == "\r\n" else self._data.replace(b"\r\n", linesep.encode())

    def as_string(self, unixfrom: bool = False, linesep: str = "\n") -> str:
        return self.as_bytes(linesep=linesep).decode("utf-8", errors="surrogateescape")

    def __getitem__(self, name):
        return self._message()[name]

    def __getattr__(self, name):
        if name.startswith("_"):  # not set yet (copy, pickle): never recurse into _message()
            raise AttributeError(name)
        return getattr(self._message(), name)

    def _message(self):
        if self._parsed is None:
            self._parsed = message_from_bytes(self._data)
        return self._parsed
