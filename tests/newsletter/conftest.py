"""Newsletter fixtures: a real SMTP server on loopback, topics, subscribers and published issues."""

import socket
import threading
from dataclasses import dataclass, field
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from django.core.cache import cache
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from newsletter.models import NewsletterIssue, Subscriber
from tests.factories import TopicFactory


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes

    @property
    def message(self):
        return message_from_bytes(self.content, policy=policy.default)

    def part(self, content_type: str) -> str:
        for part in self.message.walk():
            if part.get_content_type() == content_type:
                return part.get_content()
        raise LookupError(content_type)


@dataclass
class RecordingHandler:
    """Keeps every accepted message; can refuse recipients or, like a server shutting down, answer 421."""

    received: list[Received] = field(default_factory=list)
    refuse_recipients: dict[str, str] = field(default_factory=dict)  # address -> SMTP reply
    shut_down_after: int | None = None  # accept this many messages, then answer 421 to each DATA
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse_recipients:
            return self.refuse_recipients[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            if self.shut_down_after is not None and len(self.received) >= self.shut_down_after:
                return "421 4.3.2 Service shutting down"
            self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"

    def recipients(self) -> list[str]:
        return [address for message in self.received for address in message.rcpt_tos]


class SMTPServer:
    def __init__(self, port: int):
        self.port = port
        self.handler = RecordingHandler()
        self._controller = None

    def start(self):
        self._controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self):
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    @property
    def received(self):
        return self.handler.received


@pytest.fixture
def smtp_server(settings):
    """aiosmtpd on 127.0.0.1 and a free port; Django's real SMTP backend pointed at it."""
    server = SMTPServer(free_port())
    server.start()
    # pytest-django swaps in the locmem backend: these tests want the SMTP code path.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.NEWSLETTER_EMAIL_BACKEND = None
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 10
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _newsletter_settings(settings):
    settings.NEWSLETTER_PUBLIC_BASE_URL = "https://cms.example.org"
    settings.NEWSLETTER_FROM_EMAIL = "InterAzioni <newsletter@interazioni.example.org>"
    settings.NEWSLETTER_MESSAGES_PER_SECOND = 0  # tests inject their own throttle where it matters
    settings.NEWSLETTER_WEBHOOK_SECRET = "test-webhook-secret"
    settings.PORTAL_BASE_URLS = {code: f"https://portal.example.org/{code}" for code, _name in settings.LANGUAGES}
    cache.clear()  # rate-limit counters live in the cache
    yield
    cache.clear()


@pytest.fixture
def dummy_tasks(settings):
    """Tasks are recorded, not run: the test drives the worker itself, as a killed or restarted one would."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def topics(locales):
    return {slug: TopicFactory(slug=slug, name=slug.title()) for slug in ("lavoro", "salute", "scuola")}


def make_subscribers(count: int, *, language: str = "it", prefix: str = "person") -> list[Subscriber]:
    return Subscriber.objects.bulk_create(
        [Subscriber(email=f"{prefix}{n}@example.org", language=language, status=Subscriber.Status.ACTIVE)
         for n in range(count)]
    )


def publish_issue(*, subject="Notizie di maggio", body=None, locale=None) -> NewsletterIssue:
    issue = NewsletterIssue(
        subject=subject, preheader="Corsi, eventi e servizi", locale=locale or Locale.get_default(),
        body=body if body is not None else [("paragraph", "<p>I corsi di italiano ripartono a settembre.</p>")],
    )
    issue.save()
    issue.save_revision().publish()
    issue.refresh_from_db()
    return issue


def translate(instance, language: str, capture_on_commit):
    """wagtail-localize's translation (same translation key); it publishes in transaction.on_commit."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    with capture_on_commit(execute=True):
        source.create_or_update_translation(
            Locale.objects.get(language_code=language), publish=True, fallback=True, copy_parent_pages=True
        )
    return instance.get_translation(Locale.objects.get(language_code=language))


def translate_issue(issue, language: str, capture_on_commit, *, subject: str, body) -> NewsletterIssue:
    """A translation made by wagtail-localize, then written by the translator and published."""
    translation = translate(issue, language, capture_on_commit)
    translation.subject = subject
    translation.body = body
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation
