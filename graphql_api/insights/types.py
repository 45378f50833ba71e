"""Types of `submitPageFeedback` and of a page's `translationStatus`."""

import datetime
import enum

import strawberry

from insights.models import FeedbackReason
from insights.services import FeedbackErrorCode
from insights.translation_status import PublicState

PageFeedbackReason = strawberry.enum(
    enum.Enum("PageFeedbackReason", {reason.name: reason.value for reason in FeedbackReason}),
    description="Why a reader gave a rating: for 1 to 3 stars what went wrong (UNCLEAR, INCOMPLETE, HARD_TO_FIND, "
    "TRANSLATION, OUTDATED, TECHNICAL), for 4 and 5 what went well (CLEAR, COMPLETE, EASY_TO_FIND); OTHER with "
    "either (Designers Italia's page rating model).",
)

PageFeedbackErrorCode = strawberry.enum(
    enum.Enum("PageFeedbackErrorCode", {code.name: code.value for code in FeedbackErrorCode}),
    description="Why a page feedback was refused. UNKNOWN_PAGE also covers pages that are not public.",
)


@strawberry.input(description="A reader's rating of how clear a page is.")
class SubmitPageFeedbackInput:
    page_id: strawberry.ID = strawberry.field(description="The id of the page as served (any locale).")
    locale: str = strawberry.field(description="The reader's language: a code from `locales`.")
    rating: int = strawberry.field(description="1 (not clear at all) to 5 (very clear).")
    reasons: list[PageFeedbackReason] = strawberry.field(default_factory=list)
    comment: str = strawberry.field(
        default="",
        description="Optional, at most INSIGHTS_FEEDBACK_COMMENT_MAX_LENGTH (200) characters. Never shown publicly; "
        "email addresses and numbers in it are not kept.",
    )


@strawberry.type(description="A field the feedback could not accept.")
class PageFeedbackError:
    field: str | None = strawberry.field(description="The input field (camelCase), or null for the whole request.")
    code: PageFeedbackErrorCode
    message: str


@strawberry.type(description="`ok` when the feedback was recorded; otherwise nothing was recorded.")
class SubmitPageFeedbackPayload:
    ok: bool
    errors: list[PageFeedbackError]


TranslationState = strawberry.enum(
    enum.Enum("TranslationState", {state.name: state.value for state in PublicState}),
    description="ORIGINAL: written in this language. MISSING: served in Italian, no published translation in the "
    "asked language. CURRENT: a translation of the Italian as published now. STALE: the Italian page changed "
    "since: this translation may be out of date.",
)


@strawberry.type(description="How this page's text relates to the Italian original, from published facts only.")
class TranslationStatus:
    state: TranslationState
    source_updated_at: datetime.datetime | None = strawberry.field(
        description="When the Italian page was last published (this page's own date when it is the original)."
    )
    translated_at: datetime.datetime | None = strawberry.field(
        description="When this translation was last published; null unless CURRENT or STALE."
    )
