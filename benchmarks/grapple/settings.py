"""Settings of the grapple side: the project's own settings, with wagtail-grapple serving /graphql/.

Run from the grapple virtualenv only (`make bench-grapple-venv`): strawberry is not installed there, so the
project's GraphQL app is left out of INSTALLED_APPS (its two middlewares stay: they import no strawberry, and every
side then runs the same middleware stack). Everything else (apps, database, storage, cache) is the project's, from
the same environment run.py gives every side.
"""

from cms.settings import *  # noqa: F403  (the project settings, less graphql_api, plus grapple)
from cms.settings import INSTALLED_APPS

INSTALLED_APPS = [
    *(app for app in INSTALLED_APPS if app != "graphql_api"),
    "graphene_django",
    "benchmarks.grapple.apps.BenchGrappleConfig",  # before grapple: its ready() declares what grapple reads
    "grapple",
]
ROOT_URLCONF = "benchmarks.grapple.urls"

GRAPPLE = {
    "APPS": {"content_models": "", "media": ""},  # media: the custom image and document models
    "ALLOWED_IMAGE_FILTERS": None,  # the queries ask only for the specs of the project's named renditions
    "PAGE_SIZE": 20,
    "MAX_PAGE_SIZE": 100,
}
# graphene-django's view reads the schema from here.
GRAPHENE = {"SCHEMA": "grapple.schema.schema"}
