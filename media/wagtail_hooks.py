"""Wagtail hooks of the media app."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import path
from wagtail import hooks
from wagtail.models import BaseViewRestriction

from media.admin_api import PermittedDocumentsAdminAPIViewSet, PermittedImagesAdminAPIViewSet
from media.views import private_file

PRIVATE_FILES_PREFIX = "private-media/"


@hooks.register("before_serve_document", order=-1)
def document_login_restriction_check(document, request):
    """Send a reader who must log in to WAGTAIL_FRONTEND_LOGIN_URL before a document of a private collection.

    Wagtail's own check (wagtail.documents.wagtail_hooks.check_view_restrictions) does the same, but computes its
    fallback with reverse("wagtailcore_login") even when the setting is there, and we mount no Wagtail front-end
    URLs (headless): a server error instead of a redirect. Running first, this hook answers those requests; the
    password restrictions, and every request that passes, go on to Wagtail's check as usual.
    """
    for restriction in document.collection.get_view_restrictions():
        needs_login = restriction.restriction_type in (BaseViewRestriction.LOGIN, BaseViewRestriction.GROUPS)
        if needs_login and not restriction.accept_request(request):
            return redirect_to_login(request.get_full_path(), settings.WAGTAIL_FRONTEND_LOGIN_URL)
    return None


@hooks.register("construct_admin_api", order=100)  # after Wagtail's own registrations, which it replaces
def admin_api_permitted_media(router):
    router.register_endpoint("images", PermittedImagesAdminAPIViewSet)
    router.register_endpoint("documents", PermittedDocumentsAdminAPIViewSet)


@hooks.register("register_admin_urls")
def register_private_file_url():
    # Under the admin: Wagtail requires a logged-in admin user before the view checks the object's permission.
    return [path(f"{PRIVATE_FILES_PREFIX}<path:path>", private_file, name="media_private_file")]
