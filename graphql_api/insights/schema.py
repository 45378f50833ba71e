"""`submitPageFeedback`, and the resolver of every page's `translationStatus`. Resolvers only adapt: the insights
app does the work. The root schema composes this `Mutation` with `strawberry.tools.merge_types`."""

import strawberry
from strawberry.types import Info

from cms.client_ip import client_ip
from insights.services import FeedbackRefused, page_feedback_submit
from insights.translation_status import PublicState, PublicStatus, public_statuses

from .types import (
    PageFeedbackError,
    PageFeedbackErrorCode,
    SubmitPageFeedbackInput,
    SubmitPageFeedbackPayload,
    TranslationState,
    TranslationStatus,
)

STATUSES_KEY = "translation_statuses"


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Rate how clear a page is (1-5 stars, reasons, an optional comment). Anonymous; rate-limited. "
        "Refused whole, with typed errors, when anything is wrong: nothing is recorded then."
    )
    def submit_page_feedback(self, info: Info, input: SubmitPageFeedbackInput) -> SubmitPageFeedbackPayload:
        try:
            page_feedback_submit(
                page_id=str(input.page_id),
                locale=input.locale,
                rating=input.rating,
                reasons=[reason.value for reason in input.reasons],
                comment=input.comment,
                client_ip=client_ip(info.context["request"]),
            )
        except FeedbackRefused as refused:
            return SubmitPageFeedbackPayload(
                ok=False,
                errors=[
                    PageFeedbackError(field=error.field, code=PageFeedbackErrorCode(error.code.value),
                                      message=error.message)
                    for error in refused.errors
                ],
            )
        return SubmitPageFeedbackPayload(ok=True, errors=[])


def translation_status_resolve(page, loader) -> TranslationStatus:
    """The page's status, computed for its whole batch at once (two queries, whatever the batch's size)."""
    served = loader.served.of(page)
    if served.is_fallback:  # the default locale's page standing in for a missing translation
        status = PublicStatus(PublicState.MISSING, page.last_published_at, None)
    else:
        batch = loader.batches.of(page)
        statuses = batch.results.get(STATUSES_KEY)
        if statuses is None or page.pk not in statuses:
            # Only what was served as itself: a fallback copy shares its page id with the original.
            pages = [obj for obj in batch.objects if not loader.served.is_fallback(obj)]
            statuses = public_statuses(
                pages if page in pages else [page],
                default_locale_id=loader.default_locale.pk,
                visible=loader.visible,
                is_fallback=loader.served.is_fallback,
            )
            batch.results[STATUSES_KEY] = statuses
        status = statuses[page.pk]
    return TranslationStatus(
        state=TranslationState(status.state.value),
        source_updated_at=status.source_updated_at,
        translated_at=status.translated_at,
    )
