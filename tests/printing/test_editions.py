"""Editions follow publishing: made once per content, replaced when it changes, never for what is not public;
a store that is down is retried with backoff and the admin says so."""

import datetime
import json
from pathlib import Path

import pytest
import requests
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import PageViewRestriction

from printing import services
from printing.jobs import MAX_ATTEMPTS, retry_delay
from printing.models import JobState, PrintEdition, PrintJob
from tests.factories import ServicePageFactory, translation_publish

from .conftest import TEXTS

pytestmark = pytest.mark.django_db


@pytest.fixture
def typesettings(monkeypatch):
    """Every real typesetting, counted (the call goes through to WeasyPrint)."""
    calls = []
    real = services.typeset

    def counting(html, files, **options):
        calls.append(html)
        return real(html, files, **options)

    monkeypatch.setattr(services, "typeset", counting)
    return calls


def media_files() -> set[str]:
    root = Path(django_settings.MEDIA_ROOT) / "print"
    return {str(path.relative_to(root)) for path in root.rglob("*.pdf")} if root.exists() else set()


def editions_of(page) -> dict[str, PrintEdition]:
    return {
        f"{row.format}{'-bilingual' if row.bilingual else ''}": row
        for row in PrintEdition.objects.filter(page=page)
    }


def publish(page, **changes):
    with TestCase.captureOnCommitCallbacks(execute=True):
        for name, value in changes.items():
            setattr(page, name, value)
        page.save_revision().publish()
    page.refresh_from_db()
    return page


API_EDITIONS = (
    'query { page(path: "/servizi/corsi/", locale: "ar") { ... on ServicePage { printEditions { url } } } }'
)


def api_edition_urls(client) -> set[str]:
    response = client.post(
        "/graphql/", data=json.dumps({"query": API_EDITIONS}), content_type="application/json"
    )
    return {
        edition["url"].rsplit("/media/", 1)[1] for edition in response.json()["data"]["page"]["printEditions"]
    }


def test_a_published_translation_gets_its_editions_once_and_a_change_replaces_them(
    printing_on, service_index_page, typesettings, client
):
    with TestCase.captureOnCommitCallbacks(execute=True):
        italian = ServicePageFactory(parent=service_index_page, slug="corsi", title=TEXTS["it"]["title"])
    assert set(editions_of(italian)) == {"a4", "a5"}

    arabic = translation_publish(italian, "ar", title=TEXTS["ar"]["title"], summary=TEXTS["ar"]["summary"])
    made = editions_of(arabic)
    assert set(made) == {"a4", "a5", "a4-bilingual"}
    assert all(row.revision_id == arabic.live_revision_id and row.language == "ar" for row in made.values())
    assert made["a4-bilingual"].source_revision_id == italian.live_revision_id
    assert len(typesettings) == 5 and len(media_files()) == 5
    names = {key: row.file_name for key, row in made.items()}
    assert all(
        f"page-{arabic.pk}/" in name and f"-r{arabic.live_revision_id}-" in name for name in names.values()
    )

    # Published again without a change: nothing is typeset, the same files serve the new revision.
    arabic = publish(arabic)
    again = editions_of(arabic)
    assert len(typesettings) == 5
    assert {key: row.file_name for key, row in again.items()} == names
    assert all(row.revision_id == arabic.live_revision_id for row in again.values())

    # Changed: new files under the new revision; the old ones are gone from the store.
    arabic = publish(arabic, summary="دورات مجانية في جنوة.")
    changed = editions_of(arabic)
    assert len(typesettings) == 8
    assert all(changed[key].file_name != names[key] for key in names)
    assert media_files() == {row.file_name.removeprefix("print/") for row in PrintEdition.objects.all()}
    assert api_edition_urls(client) == {row.file_name for row in changed.values()}, "only the current files"

    # The Italian page changed: the bilingual edition prints it, so it is made again; the Arabic ones are not.
    italian = publish(italian, summary="Corsi gratuiti a Genova.")
    assert len(typesettings) == 8 + 2 + 1
    assert editions_of(arabic)["a4"].file_name == changed["a4"].file_name
    assert editions_of(arabic)["a4-bilingual"].source_revision_id == italian.live_revision_id


def test_a_draft_translation_and_a_restricted_page_never_get_files(
    printing_on, service_index_page, typesettings
):
    with TestCase.captureOnCommitCallbacks(execute=True):
        italian = ServicePageFactory(parent=service_index_page, slug="corsi", title="Corsi")
        hidden = ServicePageFactory(
            parent=service_index_page, slug="riservata", title="Riservata", live=False
        )
        PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    draft = translation_publish(italian, "ar", title=TEXTS["ar"]["title"], publish=False)
    assert not PrintEdition.objects.filter(page=draft).exists()

    with TestCase.captureOnCommitCallbacks(execute=True):
        hidden.save_revision().publish()  # published, but behind a login
    assert not PrintEdition.objects.filter(page=hidden).exists()

    # A page that had editions loses them, files included, when it is restricted or unpublished.
    assert set(editions_of(italian)) == {"a4", "a5"}
    with TestCase.captureOnCommitCallbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=italian, restriction_type="password", password="x"
        )
    assert editions_of(italian) == {} and media_files() == set()
    with TestCase.captureOnCommitCallbacks(execute=True):
        restriction.delete()  # public again: made again
    assert set(editions_of(italian)) == {"a4", "a5"}
    with TestCase.captureOnCommitCallbacks(execute=True):
        italian.unpublish()
    assert editions_of(italian) == {} and media_files() == set()


def test_a_store_that_is_down_is_retried_with_backoff_and_the_admin_shows_the_error(
    printing_on, service_index_page, s3, settings, closed_port_endpoint, admin_client
):
    working_endpoint = settings.AWS_S3_ENDPOINT_URL
    settings.AWS_S3_ENDPOINT_URL = closed_port_endpoint
    with TestCase.captureOnCommitCallbacks(execute=True):
        page = ServicePageFactory(parent=service_index_page, slug="corsi", title="Corsi di italiano")
    job = PrintJob.objects.get(page=page)
    assert job.state == JobState.RETRYING and job.attempts == 1
    assert "Could not connect" in job.last_error or "connect" in job.last_error.lower()
    assert timezone.now() < job.next_attempt_at <= timezone.now() + datetime.timedelta(seconds=30)
    assert not PrintEdition.objects.filter(page=page).exists()

    response = admin_client.get(f"/admin/print/page/{page.pk}/")
    assert response.status_code == 200
    assert escape(job.last_error) in response.content.decode()

    # The store is back; cron's `print_editions --due` (backends that cannot defer) runs the retry.
    settings.AWS_S3_ENDPOINT_URL = working_endpoint
    PrintJob.objects.filter(pk=job.pk).update(next_attempt_at=timezone.now())
    call_command("print_editions", "--due", stdout=open("/dev/null", "w"))
    job.refresh_from_db()
    assert job.state == JobState.DONE and job.last_error == ""
    edition = PrintEdition.objects.get(page=page, format="a4")
    assert f"public/{edition.file_name}" in s3.keys("public/print/")
    public = requests.get(f"{working_endpoint}/{s3.bucket}/public/{edition.file_name}", timeout=10)
    assert public.status_code == 200 and public.content.startswith(b"%PDF-")


def test_retry_delays_double_up_to_a_cap():
    delays = [retry_delay(attempt).total_seconds() for attempt in range(1, MAX_ATTEMPTS + 1)]
    assert 15 <= delays[0] <= 30
    assert all(
        ceiling / 2 <= delay <= ceiling
        for delay, ceiling in zip(delays, [30, 60, 120, 240, 480, 960, 1920, 3600])
    )
