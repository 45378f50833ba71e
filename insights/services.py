"""The app's writes outside the request path: a reader's page feedback, and pruning what is past retention."""

import datetime
import enum
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils import translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext
from django_ratelimit.core import is_ratelimited
from wagtail.models import Locale, Page

from cms.client_ip import client_network
from content_models.kernel import visibility

from .models import (
    LOWEST_POSITIVE_RATING,
    NEGATIVE_REASONS,
    POSITIVE_REASONS,
    FeedbackReason,
    NotFoundDay,
    PageFeedback,
    PageRequestDay,
    SearchTermDay,
)
from .normalise import comment_scrub

RATINGS = range(1, 6)


class FeedbackErrorCode(enum.Enum):
    UNKNOWN_PAGE = "unknown_page"  # no such page, or not public (a draft, restricted, expired: never said which)
    UNKNOWN_LOCALE = "unknown_locale"
    RATING_OUT_OF_RANGE = "rating_out_of_range"
    REASON_NOT_FOR_RATING = "reason_not_for_rating"
    COMMENT_TOO_LONG = "comment_too_long"
    RATE_LIMITED = "rate_limited"


@dataclass(frozen=True)
class FeedbackError:
    code: FeedbackErrorCode
    field: str | None
    message: str


class FeedbackRefused(Exception):
    def __init__(self, errors: list[FeedbackError]):
        super().__init__("; ".join(error.message for error in errors))
        self.errors = errors


def _rate_limited(ip: str, page_id: str) -> bool:
    network = client_network(ip)
    page_key = salted_hmac("insights.feedback.page", f"{network}|{page_id}").hexdigest()
    limits = (
        ("insights.feedback.ip", network, settings.INSIGHTS_FEEDBACK_RATE_LIMIT_IP),
        ("insights.feedback.page", page_key, settings.INSIGHTS_FEEDBACK_RATE_LIMIT_PAGE),
    )
    # Every limit counts every call (no short-circuit), before any lookup: a limit answers the same for a page
    # that exists and one that does not.
    hits = [
        is_ratelimited(None, group=group, key=lambda _group, _request, value=value: value, rate=rate, increment=True)
        for group, value, rate in limits
    ]
    return any(hits)


def _public_page(page_id: str) -> Page | None:
    if not str(page_id).isdigit():
        return None
    now = timezone.now()
    pages = visibility.visible_pages(
        Page.objects.filter(pk=int(page_id)), now=now, private_paths=visibility.private_page_paths()
    )
    return pages.only("pk", "translation_key").first()


def page_feedback_submit(
    *, page_id: str, locale: str, rating: int, reasons: list[str], comment: str, client_ip: str
) -> PageFeedback:
    """Record a reader's rating of a public page, or refuse it whole (FeedbackRefused) and record nothing.

    `locale` is the reader's language (the page may have been served in Italian as a fallback). The comment is
    kept with personal details replaced (normalise.comment_scrub); no address, time or identifier is stored.
    """
    # The messages are for the reader: in the language they rate in, when it is one of ours (as the newsletter's).
    language = locale if locale in dict(settings.LANGUAGES) else translation.get_language()
    with translation.override(language):
        page = _feedback_check(
            page_id=page_id, locale=locale, rating=rating, reasons=reasons, comment=comment, client_ip=client_ip
        )
    return PageFeedback.objects.create(
        day=timezone.localdate(),
        locale=locale,
        translation_key=page.translation_key,
        rating=rating,
        reasons=sorted({str(reason) for reason in reasons}),
        comment=comment_scrub(comment),
    )


def _feedback_check(*, page_id: str, locale: str, rating: int, reasons: list[str], comment: str, client_ip: str):
    """The public page rated; FeedbackRefused with every problem of the submission otherwise (the rate limit
    first: a flood costs no query)."""
    if _rate_limited(client_ip, str(page_id)):
        raise FeedbackRefused([FeedbackError(
            FeedbackErrorCode.RATE_LIMITED, None, gettext("Too many ratings from here: please try again later.")
        )])
    errors = []
    page = _public_page(page_id)
    if page is None:
        errors.append(
            FeedbackError(FeedbackErrorCode.UNKNOWN_PAGE, "pageId", gettext("No public page has this id."))
        )
    if locale not in {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES} or not Locale.objects.filter(
        language_code=locale
    ).exists():
        errors.append(
            FeedbackError(FeedbackErrorCode.UNKNOWN_LOCALE, "locale", gettext("This language is not available."))
        )
    if rating not in RATINGS:
        errors.append(FeedbackError(
            FeedbackErrorCode.RATING_OUT_OF_RANGE, "rating", gettext("The rating is a whole number from 1 to 5.")
        ))
    else:
        allowed = POSITIVE_REASONS if rating >= LOWEST_POSITIVE_RATING else NEGATIVE_REASONS
        wrong = [reason for reason in reasons if reason not in allowed and reason != FeedbackReason.OTHER]
        if wrong:
            errors.append(FeedbackError(
                FeedbackErrorCode.REASON_NOT_FOR_RATING, "reasons",
                # Ratings of 1 to 3 take what went wrong, 4 and 5 what went well (Designers Italia).
                gettext("These reasons do not go with this rating: %(reasons)s.")
                % {"reasons": ", ".join(sorted(str(reason).upper() for reason in wrong))},
            ))
    limit = settings.INSIGHTS_FEEDBACK_COMMENT_MAX_LENGTH
    if len(comment) > limit:
        errors.append(FeedbackError(
            FeedbackErrorCode.COMMENT_TOO_LONG, "comment",
            gettext("The comment may be at most %(limit)s characters.") % {"limit": limit},
        ))
    if errors:
        raise FeedbackRefused(errors)
    return page


# --- Retention ------------------------------------------------------------------------------------------------

COUNTED_MODELS = (SearchTermDay, PageRequestDay, NotFoundDay, PageFeedback)


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` earlier (the month's last day when it is shorter: 31 March - 1 month = 28/29 Feb)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    next_month = datetime.date(year + (month == 12), month % 12 + 1, 1)
    return datetime.date(year, month, min(day.day, (next_month - datetime.timedelta(days=1)).day))


def retention_start(today: datetime.date | None = None) -> datetime.date:
    """The first day whose counts are kept."""
    return months_before(today or timezone.localdate(), settings.INSIGHTS_RETENTION_MONTHS)


@transaction.atomic
def counts_prune(*, today: datetime.date | None = None) -> dict[str, int]:
    """Delete every count and feedback older than the retention period; returns rows deleted per model."""
    start = retention_start(today)
    return {
        model._meta.model_name: model.objects.filter(day__lt=start).delete()[0] for model in COUNTED_MODELS
    }
