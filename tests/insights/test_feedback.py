"""submitPageFeedback through /graphql/: recorded anonymously, or refused whole with typed errors; floods limited."""

import json

import pytest
from django.core.cache import cache

from content_models.models import ServiceIndexPage
from insights.models import PageFeedback
from tests.factories import ServicePageFactory, page_hide

SUBMIT = """
mutation ($input: SubmitPageFeedbackInput!) {
  submitPageFeedback(input: $input) { ok errors { field code message } }
}
"""


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def submit(client):
    def post(ip="203.0.113.7", headers=None, **fields):
        variables = {"input": {"locale": "ar", "rating": 2, "reasons": ["TRANSLATION"], **fields}}
        response = client.post("/graphql/", json.dumps({"query": SUBMIT, "variables": variables}),
                               content_type="application/json", REMOTE_ADDR=ip, **(headers or {}))
        assert response.status_code == 200, response.content
        assert response["Cache-Control"] == "private, no-store"
        body = response.json()
        assert "errors" not in body, body
        return body["data"]["submitPageFeedback"]

    return post


@pytest.fixture
def service(sections):
    return ServicePageFactory(parent=sections[ServiceIndexPage], title="Iscrizione al servizio sanitario")


@pytest.mark.django_db
def test_feedback_is_recorded_without_anything_about_the_reader(submit, service):
    answer = submit(pageId=str(service.pk), comment="Non si capisce dove andare. Scrivetemi a anna@example.org",
                    headers={"HTTP_USER_AGENT": "Mozilla/5.0", "HTTP_COOKIE": "sessionid=abc123"})
    assert answer == {"ok": True, "errors": []}
    feedback = PageFeedback.objects.get()
    assert (feedback.translation_key, feedback.locale, feedback.rating) == (service.translation_key, "ar", 2)
    assert feedback.reasons == ["translation"]
    assert feedback.comment == "Non si capisce dove andare. Scrivetemi a [email]"
    stored = json.dumps(list(PageFeedback.objects.values()), default=str)
    assert all(
        secret not in stored for secret in ("203.0.113", "anna@", "Mozilla", "abc123"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields, field, code",
    [
        ({"pageId": "999999"}, "pageId", "UNKNOWN_PAGE"),
        ({"pageId": "abc"}, "pageId", "UNKNOWN_PAGE"),
        ({"locale": "xx"}, "locale", "UNKNOWN_LOCALE"),
        ({"rating": 0}, "rating", "RATING_OUT_OF_RANGE"),
        ({"rating": 6}, "rating", "RATING_OUT_OF_RANGE"),
        ({"rating": 5, "reasons": ["TRANSLATION"]}, "reasons", "REASON_NOT_FOR_RATING"),
        ({"rating": 1, "reasons": ["CLEAR"]}, "reasons", "REASON_NOT_FOR_RATING"),
        ({"comment": "x" * 201}, "comment", "COMMENT_TOO_LONG"),
    ],
)
def test_bad_feedback_gets_a_typed_error_and_records_nothing(submit, service, fields, field, code):
    answer = submit(**{"pageId": str(service.pk), **fields})
    assert answer["ok"] is False
    assert [(error["field"], error["code"]) for error in answer["errors"]] == [(field, code)]
    assert not PageFeedback.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("state", ["draft", "unpublished", "expired", "scheduled", "password", "login", "groups"])
def test_feedback_on_a_page_that_is_not_public_is_an_unknown_page(submit, service, state):
    page_hide(service, state)
    answer = submit(pageId=str(service.pk))
    assert [error["code"] for error in answer["errors"]] == ["UNKNOWN_PAGE"]
    assert not PageFeedback.objects.exists()


@pytest.mark.django_db
def test_an_unknown_reason_is_refused_by_the_schema(client, service):
    variables = {"input": {"pageId": str(service.pk), "locale": "it", "rating": 3, "reasons": ["BORING"]}}
    response = client.post("/graphql/", json.dumps({"query": SUBMIT, "variables": variables}),
                           content_type="application/json")
    body = response.json()
    assert "data" not in body and "BORING" in body["errors"][0]["message"]  # a request error: nothing executed
    assert not PageFeedback.objects.exists()


@pytest.mark.django_db
def test_floods_are_rate_limited_per_client_and_per_page(submit, service, sections, settings):
    settings.INSIGHTS_FEEDBACK_RATE_LIMIT_PAGE = "3/h"
    settings.INSIGHTS_FEEDBACK_RATE_LIMIT_IP = "5/h"
    other = ServicePageFactory(parent=sections[ServiceIndexPage])
    answers = [submit(pageId=str(service.pk)) for _ in range(4)]
    assert [answer["ok"] for answer in answers] == [True, True, True, False]
    assert answers[-1]["errors"][0]["code"] == "RATE_LIMITED"
    assert submit(pageId=str(other.pk))["ok"] is True  # another page, same reader: 5 of 5 per client
    assert submit(pageId=str(other.pk))["errors"][0]["code"] == "RATE_LIMITED"
    assert submit(pageId=str(other.pk), ip="198.51.100.4")["ok"] is True  # someone else
    assert PageFeedback.objects.count() == 5


@pytest.mark.django_db
def test_feedback_over_get_is_refused(client, service):
    response = client.get("/graphql/", {"query": SUBMIT, "variables": json.dumps(
        {"input": {"pageId": str(service.pk), "locale": "it", "rating": 4}})})
    assert response.status_code == 405
    assert not PageFeedback.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("locale, message", [
    ("ar", "التقييم عدد صحيح من 1 إلى 5."),
    ("uk", "Оцінка — ціле число від 1 до 5."),
    ("zh-hans", "评分是 1 到 5 之间的整数。"),
    ("it", "La valutazione è un numero intero da 1 a 5."),
])
def test_the_reader_is_answered_in_the_language_they_rate_in(submit, service, locale, message):
    answer = submit(pageId=str(service.pk), locale=locale, rating=9, reasons=[])
    assert answer["errors"] == [{"field": "rating", "code": "RATING_OUT_OF_RANGE", "message": message}]


@pytest.mark.django_db
def test_an_unknown_locale_is_answered_in_the_requests_language(submit, service):
    answer = submit(pageId=str(service.pk), locale="xx", headers={"HTTP_ACCEPT_LANGUAGE": "fr"})
    assert answer["errors"] == [
        {"field": "locale", "code": "UNKNOWN_LOCALE", "message": "Cette langue n'est pas disponible."}
    ]
    assert not PageFeedback.objects.exists()
