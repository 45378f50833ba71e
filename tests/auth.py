"""Logging in as a person does: through the admin's login form (django-axes counts attempts on it).

Django's test `client.login()` calls authenticate() without a request, which the login throttling refuses to
judge; a test that is about passwords posts the form instead.
"""

from django.contrib.auth import SESSION_KEY


def admin_login(client, username: str, password: str) -> bool:
    client.logout()
    client.post("/admin/login/", {"username": username, "password": password})
    return SESSION_KEY in client.session
