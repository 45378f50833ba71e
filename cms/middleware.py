"""NUL characters are refused in every request, before any view: a typed 400, never a 500.

PostgreSQL cannot store a NUL in text ("A string literal cannot contain NUL (0x00) characters"), so a NUL that
reaches a query or a save is a server error there (SQLite stores it silently). Django's form fields refuse NULs
already; JSON bodies (the GraphQL API, webhooks), URL paths, query strings and plain form posts read outside a
form (wagtail-localize's string editor) do not. Here a request carrying one, raw or escaped (`%00`, `\\u0000`,
GraphQL's `\\u{0}`), is answered 400 with a GraphQL-shaped error (`extensions.code` BAD_USER_INPUT), which any
client can read. File uploads (multipart) are not searched: files may hold any byte.
"""

import re
from urllib.parse import unquote_to_bytes

from django.http import JsonResponse
from django.utils.translation import gettext as _

# A NUL as JSON or GraphQL escapes it; %00 once the query string or form body is percent-decoded.
_ESCAPED_NUL = re.compile(rb"\\u(?:0000|\{0+\})", flags=re.IGNORECASE)
_SEARCHED_BODIES = ("application/json", "application/x-www-form-urlencoded", "text/plain", "application/graphql")


def _holds_nul(data: bytes) -> bool:
    return b"\x00" in data or _ESCAPED_NUL.search(data) is not None


def request_holds_nul(request) -> bool:
    if "\x00" in request.path:
        return True
    query_string = request.META.get("QUERY_STRING", "")
    if query_string and _holds_nul(unquote_to_bytes(query_string.replace("+", " "))):
        return True
    content_type = request.META.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
    if request.method in {"POST", "PUT", "PATCH"} and content_type in _SEARCHED_BODIES:
        body = request.body
        if content_type == "application/x-www-form-urlencoded":
            body = unquote_to_bytes(body.replace(b"+", b" "))
        return _holds_nul(body)
    return False


class NulCharactersRejectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request_holds_nul(request):
            message = _("Text cannot contain NUL characters (\\u0000).")
            return JsonResponse(
                {"data": None, "errors": [{"message": message, "extensions": {"code": "BAD_USER_INPUT"}}]},
                status=400,
                headers={"Cache-Control": "no-store"},
            )
        return self.get_response(request)
