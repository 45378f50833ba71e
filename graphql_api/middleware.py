"""The API's two middlewares: CORS for browsers on other origins, and no language negotiation on its responses."""

from corsheaders.conf import conf
from corsheaders.middleware import ACCESS_CONTROL_ALLOW_ORIGIN, ACCESS_CONTROL_EXPOSE_HEADERS, CorsMiddleware

LANGUAGE_INDEPENDENT_ATTR = "language_independent"


class ApiCorsMiddleware(CorsMiddleware):
    """django-cors-headers on /graphql/ (CORS_URLS_REGEX), with GETs readable from any origin.

    Preflights (OPTIONS) and POSTs get the library's answer: only origins in CORS_ALLOWED_ORIGINS, never credentials,
    `Vary: Origin`. A POST carries mutations (newsletter, association requests): a site outside the list cannot make
    its visitors' browsers send them.

    A GET is a query of public content, the same for everyone (no cookie or session is read: docs/api.md), and is
    cached by browsers and CDNs. It is answered with `Access-Control-Allow-Origin: *` and no `Vary: Origin`, so one
    cached copy serves every origin instead of one per origin, and a browser never sends credentials with it (`*`
    forbids them). A server, or curl, reads the same responses without any CORS anyway.
    """

    def add_response_headers(self, request, response):
        if request.method in ("GET", "HEAD") and self.is_enabled(request):
            response[ACCESS_CONTROL_ALLOW_ORIGIN] = "*"
            if conf.CORS_EXPOSE_HEADERS:
                response[ACCESS_CONTROL_EXPOSE_HEADERS] = ", ".join(conf.CORS_EXPOSE_HEADERS)
            return response
        return super().add_response_headers(request, response)


class LanguageIndependentMiddleware:
    """Drops LocaleMiddleware's `Vary: Accept-Language` and `Content-Language` from responses that do not depend on
    the request's language (the API's: graphql_api/views.py marks them).

    LocaleMiddleware adds both to every response. On the API they would split every browser and CDN cache by the
    reader's language preferences, while the body is the same (the locale is a GraphQL argument). Placed just
    before LocaleMiddleware, so it sees the response after it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(response, LANGUAGE_INDEPENDENT_ATTR, False):
            kept = [value.strip() for value in response.get("Vary", "").split(",") if value.strip()]
            kept = [value for value in kept if value.lower() != "accept-language"]
            if kept:
                response["Vary"] = ", ".join(kept)
            elif "Vary" in response:
                del response["Vary"]
            if "Content-Language" in response:
                del response["Content-Language"]
        return response
