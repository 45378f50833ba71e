"""Fixtures of the insights tests: wagtail-localize's editor flow (translate, sync, publish), a real Redis, and
the reports' readers."""

import shutil
import socket
import subprocess
import time

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from insights.buffer import flush
from insights.groups import needs_analysts_group_ensure
from tests.smtp import free_port


def localize(instance, code: str, strings: dict[str, str] | None = None, *, publish: bool = True):
    """What an editor does with "Translate this page" and wagtail-localize's editor: submit the object for
    translation into `code`, translate the texts `strings` knows (Italian -> translation), and publish (pages)."""
    locale = Locale.objects.get(language_code=code)
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    Translation.objects.get_or_create(source=source, target_locale=locale)
    translate_strings(source, locale, strings or {})
    translated, _created = source.create_or_update_translation(locale, publish=publish, fallback=True)
    return type(translated).objects.get(pk=translated.pk)


def translate_strings(source, locale, strings: dict[str, str]) -> None:
    for segment in source.stringsegment_set.select_related("string", "context"):
        translated = strings.get(segment.string.data)
        if translated:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string, locale=locale, context=segment.context, defaults={"data": translated}
            )


def sync(instance) -> TranslationSource:
    """wagtail-localize's "Sync translated pages" without publishing them: the source's live content extracted."""
    source = TranslationSource.objects.get_for_instance(instance)
    source.update_from_db()
    return source


@pytest.fixture
def flushed():
    """flushed() writes the signals recorded so far to the database (what the background thread does)."""
    return flush


@pytest.fixture
def analyst(db):
    user = get_user_model().objects.create_user(username="analista", password="x", email="analista@example.org")
    user.groups.add(needs_analysts_group_ensure())
    return user


@pytest.fixture
def redis_url(tmp_path):
    """A real redis-server on a free loopback port, for the Redis buffer."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is missing: scripts/system-packages.sh installs it (make test does)")
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def graphql(client):
    from tests.graphql_api.conftest import GraphQLClient

    return GraphQLClient(client)
