"""Admin pages of one page's distribution: per-channel status, publish webhooks, the national portal package."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from .models import NationalPortalItem, SocialDelivery
from .national.archive import package_json, package_zip
from .national.package import national_package_build
from .outbox.processing import delivery_retry
from .outbox.selectors import page_channel_status, page_webhook_deliveries


def _editable_page(request, page_id: int) -> Page:
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def page_distribution(request, page_id: int):
    page = _editable_page(request, page_id)
    package = national_package_build(page=page)
    return TemplateResponse(request, "distribution/admin/page_distribution.html", {
        "page": page,
        "page_title": _("Distribution: %(title)s") % {"title": page.get_admin_display_title()},
        "header_title": _("Distribution: %(title)s") % {"title": page.get_admin_display_title()},
        "header_icon": "resubmit",
        "channels": page_channel_status(page=page),
        "webhook_deliveries": page_webhook_deliveries(page=page),
        "national": NationalPortalItem.objects.filter(page=page).first(),
        "package": package,
        "package_json": package_json(package).decode() if package else "",
    })


@require_POST
def national_toggle(request, page_id: int):
    page = _editable_page(request, page_id)
    item = NationalPortalItem.objects.filter(page=page).first()
    if item is None:
        NationalPortalItem.objects.create(page=page)
        messages.success(request, _("Marked for the national portal: its package is emailed on each publish."))
    else:
        item.delete()
        messages.success(request, _("No longer marked for the national portal."))
    return redirect("distribution_admin:page", page.pk)


def national_download(request, page_id: int, fmt: str):
    page = _editable_page(request, page_id)
    package = national_package_build(page=page)
    if package is None:
        raise Http404(_("Only a published, public page has a package."))
    name = slugify(package["title"]) or f"page-{page.pk}"
    if fmt == "zip":
        response = HttpResponse(package_zip(package), content_type="application/zip")
    else:
        response = HttpResponse(package_json(package), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@require_POST
def delivery_retry_view(request, delivery_id: int):
    delivery = get_object_or_404(SocialDelivery, pk=delivery_id)
    if delivery.page_id is None:
        raise Http404
    _editable_page(request, delivery.page_id)
    if delivery_retry(delivery=delivery):
        messages.success(request, _("Sending again."))
    else:
        messages.error(request, _("Only a failed delivery can be retried."))
    return redirect("distribution_admin:page", delivery.page_id)
