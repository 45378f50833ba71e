"""The public `requestAssociationAccount` mutation, through the real /graphql/ endpoint."""

import pytest
from django.core.cache import cache

from associations.models import AssociationAccountRequest

REQUEST_ACCOUNT = """
mutation RequestAccount($input: RequestAssociationAccountInput!) {
  requestAssociationAccount(input: $input) {
    ok
    errors { field code message }
  }
}
"""

VALID_INPUT = {
    "associationName": "Comunità Ucraina di Savona",
    "municipality": "Savona",
    "contactName": "Olena Kovalenko",
    "email": "olena@example.org",
    "fiscalCode": "92012345678",
    "message": "Vorremmo presentare le nostre attività.",
    "language": "uk",
}


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()  # the rate limits count in the cache
    yield
    cache.clear()


@pytest.fixture
def execute(client):
    def _execute(variables, *, ip="203.0.113.7"):
        response = client.post(
            "/graphql/",
            {"query": REQUEST_ACCOUNT, "variables": {"input": variables}},
            content_type="application/json",
            REMOTE_ADDR=ip,
        )
        assert response.status_code == 200
        body = response.json()
        assert "errors" not in body, body
        return body["data"]["requestAssociationAccount"]

    return _execute


@pytest.mark.django_db
def test_a_valid_request_is_recorded(execute):
    assert execute(VALID_INPUT) == {"ok": True, "errors": []}
    account_request = AssociationAccountRequest.objects.get()
    assert (account_request.association_name, account_request.language) == (
        "Comunità Ucraina di Savona",
        "uk",
    )
    assert account_request.status == AssociationAccountRequest.Status.PENDING


@pytest.mark.django_db
def test_optional_fields_can_be_left_out(execute):
    minimal = {key: VALID_INPUT[key] for key in ("associationName", "municipality", "contactName", "email")}
    assert execute(minimal)["ok"]
    assert AssociationAccountRequest.objects.get().language == "it"


@pytest.mark.django_db
def test_errors_name_the_field_and_a_code(execute):
    payload = execute({**VALID_INPUT, "email": "olena", "fiscalCode": "ABC", "contactName": ""})
    assert payload["ok"] is False
    assert {(error["field"], error["code"]) for error in payload["errors"]} == {
        ("email", "INVALID"),
        ("fiscalCode", "INVALID"),
        ("contactName", "REQUIRED"),
    }
    assert not AssociationAccountRequest.objects.exists()


@pytest.mark.django_db
def test_the_payload_reveals_nothing_about_existing_requests(execute):
    execute(VALID_INPUT)
    assert execute(VALID_INPUT) == {"ok": True, "errors": []}
    assert AssociationAccountRequest.objects.count() == 1


@pytest.mark.django_db
def test_requests_are_rate_limited_per_address_and_per_client(execute, settings):
    settings.ASSOCIATIONS_RATE_LIMIT_EMAIL = "2/h"
    settings.ASSOCIATIONS_RATE_LIMIT_IP = "4/h"
    for _ in range(2):
        assert execute(VALID_INPUT)["ok"]
    refused = execute(VALID_INPUT, ip="198.51.100.1")  # a new client, the same address
    assert refused == {
        "ok": False,
        "errors": [{"field": None, "code": "RATE_LIMITED", "message": "Too many requests from here: please try again later."}],
    }
    # The first client, other addresses: its third and fourth calls pass, the fifth is over the client limit.
    assert execute({**VALID_INPUT, "email": "a@example.org"})["ok"]
    assert execute({**VALID_INPUT, "email": "b@example.org"})["ok"]
    assert execute({**VALID_INPUT, "email": "c@example.org"})["errors"][0]["code"] == "RATE_LIMITED"
    assert sorted(AssociationAccountRequest.objects.values_list("email", flat=True)) == [
        "a@example.org",
        "b@example.org",
        "olena@example.org",
    ]
