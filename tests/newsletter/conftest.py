"""Newsletter fixtures: a real SMTP server on loopback, topics, subscribers and published issues."""


import pytest
from django.core.cache import cache
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from newsletter.models import NewsletterIssue, Subscriber
from tests.factories import TopicFactory


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
