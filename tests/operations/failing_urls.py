"""The CMS's URLs plus one view that fails, for the error reporting test (test_sentry.py)."""

from django.urls import path

from cms.urls import urlpatterns as cms_urlpatterns


def failing(request):
    raise ValueError("the view failed")


urlpatterns = [path("fails/", failing), *cms_urlpatterns]
