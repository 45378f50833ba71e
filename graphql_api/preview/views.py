"""The admin's way into the headless preview: sign a token for the page and open the portal's preview route."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_GET
from wagtail.models import Page

from graphql_api.conf import api_setting

from .tokens import preview_token_make


@require_GET
def portal_preview(request, page_id: int):
    page = get_object_or_404(Page, pk=page_id)
    # Anyone who may edit the page may see its draft; nobody else gets a token.
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    base_url = settings.PORTAL_BASE_URLS.get(page.locale.language_code, "").rstrip("/")
    return redirect(api_setting("PREVIEW_URL").format(portal_base_url=base_url, token=preview_token_make(page=page)))
