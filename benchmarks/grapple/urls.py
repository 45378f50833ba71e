"""grapple's /graphql/ (graphene-django's view, CSRF-exempt as grapple ships it), with the project's health check
(the benchmark waits on it) and the admin and document URLs that rich text and the middleware reverse.
cms.urls itself cannot be imported here: it includes strawberry's /graphql/."""

from django.urls import include, path
from grapple.urls import urlpatterns as grapple_urlpatterns
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.views import healthz

urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    *grapple_urlpatterns,
]
