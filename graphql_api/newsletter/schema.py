"""Query and Mutation of the newsletter API. Resolvers only adapt: newsletter.services does the work."""

import strawberry
from strawberry.types import Info

from cms.languages import get_content_language
from graphql_api.locales.types import TextDirectionType, content_language_code
from newsletter import services
from newsletter.consent import CONSENT_VERSION, consent_text
from newsletter.errors import NewsletterError
from newsletter.models import Subscriber
from newsletter.ratelimit import client_ip

from .types import (
    ConfirmSubscriptionInput,
    ConfirmSubscriptionPayload,
    NewsletterConsentType,
    NewsletterErrorCode,
    NewsletterErrorType,
    NewsletterSubscriptionType,
    SubscribeNewsletterInput,
    SubscribeNewsletterPayload,
    UnsubscribeInput,
    UnsubscribePayload,
    UpdateSubscriptionInput,
    UpdateSubscriptionPayload,
)


def _ip(info: Info) -> str:
    return client_ip(info.context["request"])


def _errors(error: NewsletterError) -> list[NewsletterErrorType]:
    return [NewsletterErrorType(code=NewsletterErrorCode(error.code.value), field=error.field, message=error.message)]


def _subscription(subscriber: Subscriber) -> NewsletterSubscriptionType:
    return NewsletterSubscriptionType(
        locale=subscriber.language,
        text_direction=TextDirectionType(get_content_language(subscriber.language).direction),
        topics=sorted(subscriber.topics.values_list("slug", flat=True)),
        active=subscriber.status == Subscriber.Status.ACTIVE,
    )


@strawberry.type
class Query:
    @strawberry.field(description="The consent text to show next to the subscription form, in a locale.")
    def newsletter_consent(self, locale: str) -> NewsletterConsentType:
        language = get_content_language(content_language_code(locale))
        return NewsletterConsentType(
            version=CONSENT_VERSION, locale=language.code, text_direction=TextDirectionType(language.direction),
            text=consent_text(language.code),
        )


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Ask to subscribe; a confirmation link is emailed (double opt-in).")
    def subscribe_newsletter(self, info: Info, input: SubscribeNewsletterInput) -> SubscribeNewsletterPayload:
        try:
            services.subscriber_subscribe(
                email=input.email, language=input.locale, topic_slugs=input.topics, client_ip=_ip(info)
            )
        except NewsletterError as error:
            return SubscribeNewsletterPayload(ok=False, errors=_errors(error))
        return SubscribeNewsletterPayload(ok=True, errors=[])

    @strawberry.mutation(description="Confirm a subscription with the token from the confirmation email.")
    def confirm_subscription(self, info: Info, input: ConfirmSubscriptionInput) -> ConfirmSubscriptionPayload:
        try:
            subscriber = services.subscriber_confirm(token=input.token, client_ip=_ip(info))
        except NewsletterError as error:
            return ConfirmSubscriptionPayload(ok=False, errors=_errors(error))
        return ConfirmSubscriptionPayload(ok=True, errors=[], subscription=_subscription(subscriber))

    @strawberry.mutation(description="Change the language or topics of the subscription the token belongs to.")
    def update_subscription(self, info: Info, input: UpdateSubscriptionInput) -> UpdateSubscriptionPayload:
        try:
            subscriber = services.subscriber_update(
                key=input.token, language=input.locale, topic_slugs=input.topics, client_ip=_ip(info)
            )
        except NewsletterError as error:
            return UpdateSubscriptionPayload(ok=False, errors=_errors(error))
        return UpdateSubscriptionPayload(ok=True, errors=[], subscription=_subscription(subscriber))

    @strawberry.mutation(description="Stop all newsletters to the token's owner. Idempotent.")
    def unsubscribe(self, info: Info, input: UnsubscribeInput) -> UnsubscribePayload:
        try:
            services.subscriber_unsubscribe_public(key=input.token, client_ip=_ip(info))
        except NewsletterError as error:
            return UnsubscribePayload(ok=False, errors=_errors(error))
        return UnsubscribePayload(ok=True, errors=[])
