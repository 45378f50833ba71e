"""The project's URLs, plus the v2 and v3 APIs and the floor view: the benchmark's server only."""

from django.urls import path

from cms.urls import urlpatterns as project_urlpatterns

from .floor import prebuilt_response
from .v2 import api_router


def _v3_urls():
    # Imported here, not at the top: v3 builds its page schemas from `api_fields` when first imported, and the
    # URL conf is loaded after every app's ready() (BenchApiConfig's declares them).
    from wagtail.api.v3.urls import api

    return api.urls


urlpatterns = [
    *project_urlpatterns,
    path("api/v2/", api_router.urls),
    path("api/v3/", _v3_urls()),
    path("bench/floor/<slug:name>/", prebuilt_response, name="bench-floor"),
]
