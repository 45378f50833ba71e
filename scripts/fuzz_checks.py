"""schemathesis checks of `make fuzz` (scripts/fuzz.py): what the API must never answer, whatever it is sent.

schemathesis' own GraphQL checks count every error with a `path` as a server error; this API answers a client's
mistake (an unknown locale, a page size over 100) as a typed error with a stable `extensions.code` at the field
that refused it, which is right. What is a failure here: an HTTP 5xx, a body that is not JSON, or an error with
the code INTERNAL_SERVER_ERROR (a bug, whatever the input).
"""

import schemathesis


@schemathesis.check
def no_internal_server_error(ctx, response, case):
    assert response.status_code < 500, f"HTTP {response.status_code}"
    body = response.json()
    assert isinstance(body, dict), "the body is not a JSON object"
    internal = [
        error for error in body.get("errors") or []
        if (error.get("extensions") or {}).get("code") == "INTERNAL_SERVER_ERROR"
    ]
    assert not internal, f"INTERNAL_SERVER_ERROR: {internal[0].get('message')} at {internal[0].get('path')}"
