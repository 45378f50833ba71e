"""Error reporting to Sentry (or a Sentry-compatible service such as GlitchTip) when SENTRY_DSN is set.

Called from cms/settings/operations.py, as Sentry's Django integration expects. Personal data stays here:
`send_default_pii=False` (no user, no cookies, no client address), no request bodies, no local variables of stack
frames, and `event_strip` drops the query string (a GraphQL GET carries its variables there) and the request's
environment. tests/operations/test_sentry.py sends a real error to a stand-in server and looks for all of them.
"""

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration

from operations.logs import request_id_var


def event_strip(event, hint):
    request = event.get("request")
    if isinstance(request, dict):
        request.pop("query_string", None)
        request.pop("data", None)
        request.pop("cookies", None)
        request.pop("env", None)
        if isinstance(request.get("url"), str):
            request["url"] = request["url"].split("?", 1)[0]
    event.pop("user", None)
    request_id = request_id_var.get()
    if request_id != "-":
        event.setdefault("tags", {})["request_id"] = request_id
    return event


def sentry_init(*, dsn: str, environment: str, release: str | None, traces_sample_rate: float) -> None:
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        max_request_body_size="never",
        # A frame's local variables hold whatever the code was handling: a subscriber's address, the request with
        # its query string. The stack trace keeps file, line and code; never the values.
        include_local_variables=False,
        traces_sample_rate=traces_sample_rate,
        before_send=event_strip,
        before_send_transaction=event_strip,
    )
