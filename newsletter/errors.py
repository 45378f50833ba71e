"""Errors the newsletter's services raise; the API maps each code to its own error enum.

The message is for people (the portal may show it as is): plain words, translated into the active language.
"""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class ErrorCode(StrEnum):
    INVALID_EMAIL = "invalid_email"
    INVALID_LOCALE = "invalid_locale"
    UNKNOWN_TOPIC = "unknown_topic"
    RATE_LIMITED = "rate_limited"
    INVALID_TOKEN = "invalid_token"
    EXPIRED_TOKEN = "expired_token"


MESSAGES = {
    ErrorCode.INVALID_EMAIL: _("This email address is not valid. Please check it."),
    ErrorCode.INVALID_LOCALE: _("This language is not available."),
    ErrorCode.UNKNOWN_TOPIC: _("One of the chosen topics does not exist."),
    ErrorCode.RATE_LIMITED: _("Too many requests. Please wait a little and try again."),
    ErrorCode.INVALID_TOKEN: _("This link is not valid."),
    ErrorCode.EXPIRED_TOKEN: _("This link has expired. Please subscribe again."),
}


class NewsletterError(Exception):
    def __init__(self, code: ErrorCode, *, field: str | None = None, message: str = ""):
        # Resolved now, in the language active for the request (str, not lazy: GraphQL serialises str only).
        message = message or str(MESSAGES[code])
        super().__init__(message)
        self.code = code
        self.field = field
        self.message = message
