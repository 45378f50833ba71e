from django.conf import settings
from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.views import healthz

urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("metrics/", include("operations.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("newsletter/", include("newsletter.urls")),
    path("graphql/", include("graphql_api.urls")),
    path("feeds/", include("distribution.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Headless: there is no public HTML site, so Wagtail's page-serving URLs are not mounted. Page URLs point at the
# portal (content_models.models.base.BasePage.get_url_parts); editors see pages through the admin preview.
