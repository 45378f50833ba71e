"""The public web view: only sent, live editions; one query and no rendering once cached; rate-limited per client."""

import pytest
from django.core.cache import cache

from newsletter import webview
from newsletter.models import Dispatch
from newsletter.rendering.links import PREFERENCES_PLACEHOLDER, UNSUBSCRIBE_PLACEHOLDER

from .conftest import publish_issue, translate, translate_issue

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("locales")]


@pytest.fixture
def renders(monkeypatch):
    """Counts real renderings (the real function still runs)."""
    calls = []
    real = webview.render_edition

    def counting(issue, **kwargs):
        calls.append(issue.locale.language_code)
        return real(issue, **kwargs)

    monkeypatch.setattr(webview, "render_edition", counting)
    return calls


def sent_issue(**kwargs):
    issue = publish_issue(**kwargs)
    Dispatch.objects.create(issue=issue, status=Dispatch.Status.SENDING)
    return issue


def url(issue, language):
    return f"/newsletter/view/{issue.translation_key}/{language}/"


def test_a_cached_view_costs_two_queries_and_no_rendering(client, renders, django_assert_num_queries):
    issue = sent_issue()

    first = client.get(url(issue, "it"))
    with django_assert_num_queries(2):  # the live editions, and the content state the rendering is keyed on
        second = client.get(url(issue, "it"))

    assert first.status_code == second.status_code == 200
    assert first.content == second.content and renders == ["it"]
    html = first.content.decode()
    assert '<html lang="it" dir="ltr"' in html and "Notizie di maggio" in html
    assert UNSUBSCRIBE_PLACEHOLDER not in html and PREFERENCES_PLACEHOLDER not in html  # no personal links
    assert first["X-Robots-Tag"] == "noindex"


def test_each_language_gets_its_edition_or_the_italian_one(client, renders, django_capture_on_commit_callbacks):
    issue = sent_issue()
    translate_issue(issue, "ar", django_capture_on_commit_callbacks, subject="أخبار مايو",
                    body=[("paragraph", "<p>دورات اللغة الإيطالية</p>")])

    arabic = client.get(url(issue, "ar")).content.decode()
    french = client.get(url(issue, "fr")).content.decode()

    assert '<html lang="ar" dir="rtl"' in arabic and "أخبار مايو" in arabic
    assert '<html lang="it" dir="ltr"' in french and "Notizie di maggio" in french  # no French edition
    assert "https://portal.example.org/fr/" in french  # but the French reader's portal
    assert client.get(url(issue, "xx")).status_code == 404


def test_republishing_invalidates_and_drafts_are_never_shown(client, renders):
    issue = sent_issue()
    assert b"Notizie di maggio" in client.get(url(issue, "it")).content

    issue.subject = "BOZZA non pubblicata"
    issue.save_revision()  # a draft: the live issue is unchanged
    cache.clear()
    draft_check = client.get(url(issue, "it")).content
    assert b"BOZZA" not in draft_check and b"Notizie di maggio" in draft_check

    issue.refresh_from_db()
    issue.subject = "Notizie di giugno"
    issue.save_revision().publish()
    republished = client.get(url(issue, "it")).content  # no cache.clear(): the new revision is a new key

    assert b"Notizie di giugno" in republished and b"Notizie di maggio" not in republished
    assert renders == ["it", "it", "it"]


def test_unpublished_or_unsent_issues_are_not_served(client, django_capture_on_commit_callbacks):
    issue = sent_issue()
    draft_arabic = translate(issue, "ar", django_capture_on_commit_callbacks)
    draft_arabic.subject = "مسودة"
    draft_arabic.save_revision()
    draft_arabic.unpublish()
    assert "مسودة" not in client.get(url(issue, "ar")).content.decode()  # the draft translation is not served

    assert client.get(url(issue, "it")).status_code == 200  # now cached
    issue.unpublish()
    assert client.get(url(issue, "it")).status_code == 404  # cached or not

    scheduled = publish_issue(subject="Prossimamente")
    Dispatch.objects.create(issue=scheduled, status=Dispatch.Status.SCHEDULED)
    assert client.get(url(scheduled, "it")).status_code == 404
    cancelled = publish_issue(subject="Annullato")
    Dispatch.objects.create(issue=cancelled, status=Dispatch.Status.CANCELLED)
    assert client.get(url(cancelled, "it")).status_code == 404
    never = publish_issue(subject="Mai inviato")
    assert client.get(url(never, "it")).status_code == 404


def test_rate_limited_per_client_with_a_clear_page(client, settings):
    settings.NEWSLETTER_RATE_LIMIT_WEB_VIEW = "3/m"
    issue = sent_issue()
    answers = [client.get(url(issue, "ar"), REMOTE_ADDR="203.0.113.7").status_code for _ in range(3)]
    limited = client.get(url(issue, "ar"), REMOTE_ADDR="203.0.113.7")

    assert answers == [200, 200, 200]
    assert limited.status_code == 429
    assert int(limited["Retry-After"]) >= 1
    assert '<html lang="ar" dir="rtl">' in limited.content.decode()
    assert client.get(url(issue, "it"), REMOTE_ADDR="203.0.113.8").status_code == 200  # another client


def test_rate_limit_counts_the_proxy_hop_and_ipv6_networks(client, settings):
    settings.NEWSLETTER_RATE_LIMIT_WEB_VIEW = "2/m"
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    issue = sent_issue()

    def get(forwarded):
        return client.get(url(issue, "it"), REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded).status_code

    # The client writes the first hop itself; our proxy appends the real address last.
    assert [get("1.1.1.1, 2001:db8::1"), get("9.9.9.9, 2001:db8::2"), get("2001:db8::3")] == [200, 200, 429]
    assert get("2001:db8:0:1::1") == 200  # another /64
