"""Public URLs of the distribution app, mounted at /feeds/ by cms.urls."""

urlpatterns = []
