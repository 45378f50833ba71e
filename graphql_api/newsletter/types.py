"""Inputs, payloads and the error-code enum of the newsletter mutations. No type carries an email address."""

from enum import Enum

import strawberry

from graphql_api.locales.types import TextDirectionType
from newsletter.errors import ErrorCode

DIRECTION_DEPRECATED = "Use textDirection: the TextDirection enum, as Locale.direction."


@strawberry.enum(description="Why a newsletter mutation did not do what was asked.")
class NewsletterErrorCode(Enum):
    INVALID_EMAIL = ErrorCode.INVALID_EMAIL.value
    INVALID_LOCALE = ErrorCode.INVALID_LOCALE.value
    UNKNOWN_TOPIC = ErrorCode.UNKNOWN_TOPIC.value
    RATE_LIMITED = ErrorCode.RATE_LIMITED.value
    INVALID_TOKEN = ErrorCode.INVALID_TOKEN.value
    EXPIRED_TOKEN = ErrorCode.EXPIRED_TOKEN.value


@strawberry.type
class NewsletterErrorType:
    code: NewsletterErrorCode
    field: str | None = strawberry.field(description="The input field at fault, if any.")
    message: str


@strawberry.input
class SubscribeNewsletterInput:
    email: str
    locale: str = strawberry.field(description="Content language code, e.g. 'ar'.")
    topics: list[str] = strawberry.field(
        default_factory=list, description="Slugs of Italian topics; none means every issue."
    )


@strawberry.input
class ConfirmSubscriptionInput:
    token: str = strawberry.field(description="The token from the confirmation link.")


@strawberry.input
class UnsubscribeInput:
    token: str = strawberry.field(description="The token from any newsletter link.")


@strawberry.input
class UpdateSubscriptionInput:
    token: str
    locale: str
    topics: list[str] = strawberry.field(default_factory=list)


@strawberry.type(description="A subscription's preferences, as its token holder may see them (never the address).")
class NewsletterSubscriptionType:
    locale: str
    text_direction: TextDirectionType = strawberry.field(description="The locale's text direction.")
    topics: list[str]
    active: bool

    @strawberry.field(description="'ltr' or 'rtl', for the locale.", deprecation_reason=DIRECTION_DEPRECATED)
    def direction(self) -> str:
        return self.text_direction.value


@strawberry.type(description="The consent text the portal shows next to the subscription form.")
class NewsletterConsentType:
    version: str
    locale: str
    text_direction: TextDirectionType = strawberry.field(description="The locale's text direction.")
    text: str

    @strawberry.field(description="'ltr' or 'rtl', for the locale.", deprecation_reason=DIRECTION_DEPRECATED)
    def direction(self) -> str:
        return self.text_direction.value


@strawberry.type(description="Always ok unless the input is invalid or rate-limited: it never says whether the "
                             "address was already subscribed.")
class SubscribeNewsletterPayload:
    ok: bool
    errors: list[NewsletterErrorType]


@strawberry.type
class ConfirmSubscriptionPayload:
    ok: bool
    errors: list[NewsletterErrorType]
    subscription: NewsletterSubscriptionType | None = None


@strawberry.type
class UpdateSubscriptionPayload:
    ok: bool
    errors: list[NewsletterErrorType]
    subscription: NewsletterSubscriptionType | None = None


@strawberry.type(description="Idempotent: ok for any token, known or not.")
class UnsubscribePayload:
    ok: bool
    errors: list[NewsletterErrorType]
