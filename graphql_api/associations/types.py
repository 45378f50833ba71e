"""Input, payload and error types of `requestAssociationAccount`."""

import enum

import strawberry


@strawberry.enum(description="Why a field of an association account request was refused.")
class AssociationAccountRequestErrorCode(enum.Enum):
    REQUIRED = "required"
    TOO_LONG = "too_long"
    INVALID = "invalid"
    RATE_LIMITED = "rate_limited"


@strawberry.input(description="An association asking to join the InterAzioni programme.")
class RequestAssociationAccountInput:
    association_name: str
    municipality: str
    contact_name: str = strawberry.field(description="The person the Region will write to.")
    email: str
    fiscal_code: str = strawberry.field(
        default="", description="The association's codice fiscale, if it has one."
    )
    message: str = strawberry.field(default="", description="Who the association is and what it does.")
    language: str = strawberry.field(
        default="it", description="The language the association writes in: one of the content languages."
    )


@strawberry.type(
    description="A field the request could not accept, with a message for the person filling it."
)
class AssociationAccountRequestError:
    field: str | None = strawberry.field(
        description="The input field (camelCase), or null for the whole request."
    )
    code: AssociationAccountRequestErrorCode
    message: str


@strawberry.type(
    description="`ok` when the request was received; it is then reviewed by the Region's editors."
)
class RequestAssociationAccountPayload:
    ok: bool
    errors: list[AssociationAccountRequestError]
