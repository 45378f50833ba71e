"""Signed, short-lived preview tokens: the only way draft content leaves the API.

The admin signs {page id} with the SECRET_KEY (django.core.signing, salted for this use only) and hands the
token to the portal's preview route; the token expires after PREVIEW_TOKEN_MAX_AGE_SECONDS.
"""

from django.core import signing
from wagtail.models import Page

from graphql_api.conf import api_setting
from graphql_api.errors import ApiError, ErrorCode
from graphql_api.loaders import RequestLoader

SALT = "graphql_api.preview"


def preview_token_make(*, page: Page) -> str:
    return signing.dumps({"page": page.pk}, salt=SALT, compress=True)


def preview_page_load(*, token: str, loader: RequestLoader):
    try:
        payload = signing.loads(token, salt=SALT, max_age=api_setting("PREVIEW_TOKEN_MAX_AGE_SECONDS"))
    except signing.SignatureExpired:
        raise ApiError(ErrorCode.INVALID_PREVIEW_TOKEN, "The preview token has expired: preview again.") from None
    except signing.BadSignature:
        raise ApiError(ErrorCode.INVALID_PREVIEW_TOKEN, "The preview token is not valid.") from None
    page = Page.objects.filter(pk=payload.get("page")).first()
    if page is None:
        return None
    page = page.specific
    draft = page.get_latest_revision_as_object()
    # Its relations (topics, service points) live in the revision, not in the database.
    loader.register([loader.serve(draft, is_fallback=False)], draft.locale_id, eager=True, preview=True)
    return draft
