"""Rate limits on guessing the password of a password-protected collection (documents).

Wagtail's form (`/documents/authenticate_with_password/<id>/`) accepts any number of guesses. Here each POST counts
(django-ratelimit, in the shared cache) against the client's network (an IPv6 /64, an IPv4 address:
MEDIA_PASSWORD_RATE_LIMIT_IP) and against the restriction itself, from everywhere together
(MEDIA_PASSWORD_RATE_LIMIT_RESTRICTION), so a guesser spread over many addresses is slowed too; past either, the
answer is 429 until the window passes. Readers who know the password need one try.
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited
from wagtail.documents.views.serve import authenticate_with_password

from cms.client_ip import client_network_of


def _limited(request, restriction_id: int) -> bool:
    by_client = is_ratelimited(
        request, group="media.password.client", key=lambda _group, r: client_network_of(r) or "unknown",
        rate=settings.MEDIA_PASSWORD_RATE_LIMIT_IP, method="POST", increment=True,
    )
    by_restriction = is_ratelimited(
        request, group="media.password.restriction", key=lambda _group, _r: str(restriction_id),
        rate=settings.MEDIA_PASSWORD_RATE_LIMIT_RESTRICTION, method="POST", increment=True,
    )
    return by_client or by_restriction


def document_password_form(request, restriction_id: int):
    if request.method == "POST" and _limited(request, restriction_id):
        response = HttpResponse(
            _("Too many attempts at this password. Wait a few minutes and try again."),
            status=429, content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = "900"
        return response
    return authenticate_with_password(request, restriction_id)
