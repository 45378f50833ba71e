"""Two things every admin request of this project goes through, both for association members' sake.

- The perimeter: an association member may open only the admin views `perimeter.member_may_open` allows (their
  pages, their collection, the choosers and the translation editor for them); anything else is refused as Wagtail
  refuses, before the view runs. Wagtail opens its reports, snippet choosers and wagtail-localize's report to
  anyone who can log in to the admin, filtered (or not) to what they can explore: there is no hook to close them.
- The admin request in context: `publishing.association_publication_review` needs to know which view is
  publishing a page, to tell a publisher's review from a sync, a bulk action or an API call.
"""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_denied

from .perimeter import member_may_open
from .publishing import AdminRequest, current_admin_request, page_is_associations
from .selectors import membership_for_user

ADMIN_API_PUBLISH = "wagtailadmin_api:pages:action"


class MembersAdminPerimeterMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_admin_request.set(None)
        try:
            return self.get_response(request)
        finally:
            current_admin_request.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not _is_admin(match):
            return None
        page_id = view_kwargs.get("page_id")
        current_admin_request.set(
            AdminRequest(request=request, url_name=match.view_name, page_id=int(page_id) if page_id else None)
        )
        membership = membership_for_user(request.user)
        if membership is not None and not member_may_open(request, membership, match):
            return permission_denied(request)
        if match.view_name == ADMIN_API_PUBLISH and view_kwargs.get("action_name") == "publish":
            return _admin_api_publish_refused(view_kwargs)
        return None


def _is_admin(match) -> bool:
    return match.route.startswith("admin/")


def _admin_api_publish_refused(view_kwargs):
    """The admin API's publish action publishes a page's latest revision without the page editor (and without
    Page.publish): association pages go through moderation instead."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=view_kwargs.get("pk")).first()
    if page is None or not page_is_associations(page):
        return None
    return JsonResponse(
        {"message": _("Association pages are published by approving their changes in moderation.")}, status=403
    )
