"""The public `requestAssociationAccount` mutation, on a small schema of its own (the root may lack it)."""

import pytest
import strawberry

from associations.models import AssociationAccountRequest
from graphql_api.associations.schema import Mutation


@strawberry.type
class Query:
    ping: bool = True


SCHEMA = strawberry.Schema(query=Query, mutation=Mutation)

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


def execute(variables):
    result = SCHEMA.execute_sync(REQUEST_ACCOUNT, variable_values={"input": variables})
    assert result.errors is None, result.errors
    return result.data["requestAssociationAccount"]


@pytest.mark.django_db
def test_a_valid_request_is_recorded():
    assert execute(VALID_INPUT) == {"ok": True, "errors": []}
    account_request = AssociationAccountRequest.objects.get()
    assert (account_request.association_name, account_request.language) == (
        "Comunità Ucraina di Savona",
        "uk",
    )
    assert account_request.status == AssociationAccountRequest.Status.PENDING


@pytest.mark.django_db
def test_optional_fields_can_be_left_out():
    minimal = {key: VALID_INPUT[key] for key in ("associationName", "municipality", "contactName", "email")}
    assert execute(minimal)["ok"]
    assert AssociationAccountRequest.objects.get().language == "it"


@pytest.mark.django_db
def test_errors_name_the_field_and_a_code():
    payload = execute({**VALID_INPUT, "email": "olena", "fiscalCode": "ABC", "contactName": ""})
    assert payload["ok"] is False
    assert {(error["field"], error["code"]) for error in payload["errors"]} == {
        ("email", "INVALID"),
        ("fiscalCode", "INVALID"),
        ("contactName", "REQUIRED"),
    }
    assert not AssociationAccountRequest.objects.exists()


@pytest.mark.django_db
def test_the_payload_reveals_nothing_about_existing_requests():
    execute(VALID_INPUT)
    assert execute(VALID_INPUT) == {"ok": True, "errors": []}
    assert AssociationAccountRequest.objects.count() == 1
