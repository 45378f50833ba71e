"""Settings of the benchmark's server: the project's own settings, plus Wagtail's APIs v2 and v3 to compare with.

The v2 API (Django REST framework) and the v3 API (django-ninja) exist here only: the project ships GraphQL alone.
Everything else comes from the environment exactly as in a deployment (DATABASE_URL, MEDIA_ROOT, DEBUG=false...),
set by run.py.
"""

from cms.settings import *  # noqa: F403  (the project settings, plus the v2 API below)
from cms.settings import INSTALLED_APPS, env

# BenchApiConfig first of all: its ready() declares the `api_fields` that v3 reads once, when its page schemas are
# built on first import, and wagtail.contrib.redirects' ready() (listed by the project) already imports v3's API.
INSTALLED_APPS = [
    "benchmarks.api.apps.BenchApiConfig", *INSTALLED_APPS, "rest_framework", "wagtail.api.v2", "wagtail.api.v3",
]
ROOT_URLCONF = "benchmarks.api.urls"

# Django REST framework authenticates every request by session and basic auth by default; a portal fetching
# public JSON uses neither, and GraphQL authenticates nobody. (Wagtail's viewsets choose their own renderers: JSON
# for a client that does not ask for HTML, as wrk does not.)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
}
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_SEARCH_ENABLED = True

# The floor: response bodies written by the in-process step, served as prebuilt bytes (benchmarks.api.floor).
BENCH_FLOOR_DIR = env.str("BENCH_FLOOR_DIR", default="")
