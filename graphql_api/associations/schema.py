"""The associations' mutation. Public: it only records a request, which a regional editor reviews.

The root schema composes this `Mutation` with `strawberry.tools.merge_types`.
"""

import strawberry
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.crypto import salted_hmac
from django_ratelimit.core import is_ratelimited
from strawberry.types import Info

from associations import services
from cms.client_ip import client_ip, client_network

from .types import (
    AssociationAccountRequestError,
    AssociationAccountRequestErrorCode,
    RequestAssociationAccountInput,
    RequestAssociationAccountPayload,
)

# Model field names -> input field names, for the errors.
FIELD_NAMES = {
    "association_name": "associationName",
    "municipality": "municipality",
    "contact_name": "contactName",
    "email": "email",
    "fiscal_code": "fiscalCode",
    "message": "message",
    "language": "language",
}
ERROR_CODES = {
    "required": AssociationAccountRequestErrorCode.REQUIRED,
    "blank": AssociationAccountRequestErrorCode.REQUIRED,
    "max_length": AssociationAccountRequestErrorCode.TOO_LONG,
}


def _errors(error: ValidationError) -> list[AssociationAccountRequestError]:
    by_field = error.error_dict if hasattr(error, "error_dict") else {None: error.error_list}
    return [
        AssociationAccountRequestError(
            field=FIELD_NAMES.get(field) if field else None,
            code=ERROR_CODES.get(item.code, AssociationAccountRequestErrorCode.INVALID),
            message=" ".join(item.messages),
        )
        for field, items in by_field.items()
        for item in items
    ]


def _rate_limited(info: Info, email: str) -> bool:
    """Per client address and per email address (a keyed hash, never the address), counted in the cache."""
    ip = client_network(client_ip(info.context["request"]))
    address = salted_hmac("associations.request.email", email.strip().lower()).hexdigest()
    limits = (
        ("associations.request.ip", ip, settings.ASSOCIATIONS_RATE_LIMIT_IP),
        ("associations.request.email", address, settings.ASSOCIATIONS_RATE_LIMIT_EMAIL),
    )
    # Count every limit on every call (no short-circuit), so hammering one key still spends the other.
    hits = [
        is_ratelimited(None, group=group, key=lambda _group, _request, value=value: value, rate=rate, increment=True)
        for group, value, rate in limits
    ]
    return any(hits)


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Ask for an account for an association. The Region's editors review every request and "
        "answer by email; asking again while a request is pending changes nothing."
    )
    def request_association_account(
        self, info: Info, input: RequestAssociationAccountInput
    ) -> RequestAssociationAccountPayload:
        if _rate_limited(info, input.email):
            return RequestAssociationAccountPayload(
                ok=False,
                errors=[
                    AssociationAccountRequestError(
                        field=None,
                        code=AssociationAccountRequestErrorCode.RATE_LIMITED,
                        message="Too many requests from here: please try again later.",
                    )
                ],
            )
        try:
            services.account_request_create(
                association_name=input.association_name,
                municipality=input.municipality,
                contact_name=input.contact_name,
                email=input.email,
                fiscal_code=input.fiscal_code,
                message=input.message,
                language=input.language,
            )
        except ValidationError as error:
            return RequestAssociationAccountPayload(ok=False, errors=_errors(error))
        return RequestAssociationAccountPayload(ok=True, errors=[])
