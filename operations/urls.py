from django.urls import path

from operations.metrics.views import metrics

urlpatterns = [path("", metrics, name="metrics")]
