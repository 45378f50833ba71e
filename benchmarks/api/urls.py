"""The project's URLs, plus the v2 API and the floor view: the benchmark's server only."""

from django.urls import path

from cms.urls import urlpatterns as project_urlpatterns

from .floor import prebuilt_response
from .v2 import api_router

urlpatterns = [
    *project_urlpatterns,
    path("api/v2/", api_router.urls),
    path("bench/floor/<slug:name>/", prebuilt_response, name="bench-floor"),
]
