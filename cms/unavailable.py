"""What the site answers while the database is unreachable: 503 with Retry-After, never the driver's message.

An OperationalError or InterfaceError means the database cannot answer now (down, restarting, refusing
connections, a lock or statement timeout), not that the request is wrong: clients should come back shortly. The
API answers its own JSON error (graphql_api/views.py); every other view gets the middleware's short page. The
driver's text (host, port, "Is the server running…") goes to the logs only, as one throttled line: an outage
seen by every request would otherwise log a traceback each.
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.utils.translation import gettext as _

from cms.circuit_breaker import ThrottledWarning

RETRY_AFTER_SECONDS = 5
DATABASE_UNAVAILABLE_ERRORS = (OperationalError, InterfaceError)

logger = logging.getLogger(__name__)
_warnings = ThrottledWarning(logger, interval=60.0)


def database_unavailable(error: BaseException | None) -> bool:
    return isinstance(error, DATABASE_UNAVAILABLE_ERRORS)


def database_unavailable_log(error: BaseException, where: str) -> None:
    _warnings.warning("Database unavailable (%s: %s) in %s: answering 503", type(error).__name__, error, where)


class DatabaseUnavailableMiddleware:
    """Turns a database outage in any view into a 503 that says to retry, instead of a server error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not database_unavailable(exception):
            return None
        database_unavailable_log(exception, request.path)
        response = HttpResponse(
            _("The service is temporarily unavailable: please try again in a few seconds.") + "\n",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response


class DatabaseOutageLogFilter(logging.Filter):
    """Keeps a database outage to one log line per interval, on the handlers it is attached to (settings.LOGGING).

    Every request during an outage would otherwise log a traceback (strawberry logs each operation's errors)
    and Django's "Service Unavailable" line. 503 is a deliberate answer here, never a bug, so Django's line for
    it is dropped; outage tracebacks become the throttled warning above.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if database_unavailable(error):
            database_unavailable_log(error, record.name)
            return False
        return not (record.name == "django.request" and getattr(record, "status_code", None) == 503)
