"""Errors the newsletter's services raise; the API maps each code to its own error enum."""

from enum import StrEnum


class ErrorCode(StrEnum):
    INVALID_EMAIL = "invalid_email"
    INVALID_LOCALE = "invalid_locale"
    UNKNOWN_TOPIC = "unknown_topic"
    RATE_LIMITED = "rate_limited"
    INVALID_TOKEN = "invalid_token"
    EXPIRED_TOKEN = "expired_token"


class NewsletterError(Exception):
    def __init__(self, code: ErrorCode, *, field: str | None = None, message: str = ""):
        super().__init__(message or code.value)
        self.code = code
        self.field = field
        self.message = message or code.value
