"""The admin as a browser drives it: a session, and Django's CSRF check on (the test client skips it by default).

`csrf_client(user)` logs in and sends the CSRF token from the cookie with every unsafe request, as the admin's
forms and scripts do; a request that Django's CSRF middleware would refuse is refused here too.
"""

from django.test import Client

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


class CsrfClient(Client):
    def __init__(self, **defaults):
        super().__init__(enforce_csrf_checks=True, raise_request_exception=False, **defaults)

    def request(self, **request):
        if request.get("REQUEST_METHOD") in UNSAFE:
            for page in ("/admin/", "/admin/login/"):  # the admin's forms set the cookie they send back
                if "csrftoken" not in self.cookies:
                    self.get(page)
            request.setdefault("HTTP_X_CSRFTOKEN", self.cookies["csrftoken"].value)
        return super().request(**request)


def csrf_client(user=None) -> CsrfClient:
    client = CsrfClient()
    if user is not None:
        client.force_login(user)
    return client
