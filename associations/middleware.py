"""Keeps association members out of the admin's reports.

Wagtail opens its reports (site history, workflows, aging pages) to anyone who can use the admin, filtered
to the pages they can explore, which include the ancestors of their own: the Region's home and section pages,
with the names of the staff who edited them. Members have their own dashboard instead; there is no hook to
close a report, hence this middleware.
"""

from django.urls import reverse
from wagtail.admin.auth import permission_denied

from .selectors import membership_for_user


class MembersOutsideReportsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.reports_prefix = None

    def __call__(self, request):
        if self.reports_prefix is None:
            self.reports_prefix = reverse("wagtailadmin_home") + "reports/"
        if request.path.startswith(self.reports_prefix) and membership_for_user(request.user) is not None:
            return permission_denied(request)
        return self.get_response(request)
