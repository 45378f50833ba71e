from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("unsubscribe/<str:key>/", views.unsubscribe, name="unsubscribe"),
    path("unsubscribe/<str:key>/<int:delivery_id>/", views.unsubscribe, name="unsubscribe_delivery"),
    path("view/<uuid:translation_key>/<str:language>/", views.web_view, name="web_view"),
    path("webhooks/feedback/", views.feedback_webhook, name="feedback_webhook"),
]
