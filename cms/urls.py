from django.conf import settings
from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.views import healthz, public_media
from media.passwords import document_password_form

urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("metrics/", include("operations.urls")),
    path("admin/", include(wagtailadmin_urls)),
    # Before Wagtail's own route of the same address: the password form, rate-limited (media/passwords.py).
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        document_password_form,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("newsletter/", include("newsletter.urls")),
    path("graphql/", include("graphql_api.urls")),
    path("feeds/", include("distribution.urls")),
]

if settings.DEBUG and settings.MEDIA_URL.startswith("/"):
    # Development only, and public renditions only: originals and documents stay behind the admin (media/views.py).
    urlpatterns.append(path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", public_media, name="public_media"))

# Headless: there is no public HTML site, so Wagtail's page-serving URLs are not mounted. Page URLs point at the
# portal (content_models.models.base.BasePage.get_url_parts); editors see pages through the admin preview.
