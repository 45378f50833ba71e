"""CORS as a browser enforces it: Chromium on a portal page served from another origin reads the API."""

import http.server
import threading

import pytest
from playwright.sync_api import Page

pytestmark = [pytest.mark.clients, pytest.mark.browser]

QUERY = "query Events { events(first: 2) { totalCount } }"
PORTAL_PAGE = b"<!doctype html><html lang='it'><head><meta charset='utf-8'><title>Portale</title></head><body></body>"
# Runs in the portal page: fetches the API and reports what the page's script may read, or the browser's refusal.
FETCH = """
async ([url, init]) => {
  try {
    const response = await fetch(url, init);
    return {status: response.status, body: await response.json(), etag: response.headers.get("ETag"),
            cache: response.headers.get("X-GraphQL-Cache")};
  } catch (error) {
    return {blocked: String(error)};
  }
}
"""


class _PortalHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the standard library's name)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(PORTAL_PAGE)

    def log_message(self, *args):
        pass


@pytest.fixture
def portal_origin():
    """A portal on another origin: loopback too (no private-network rules apply), on a port of its own."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _PortalHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _fetch(page: Page, url: str, **init) -> dict:
    return page.evaluate(FETCH, [url, init])


def test_a_portal_on_another_origin_reads_queries_and_sends_mutations_only_when_allowed(
    page: Page, portal_api, portal_origin, settings, artifacts_dir
):
    settings.CORS_ALLOWED_ORIGINS = ["https://portal.example"]  # not this page's origin
    page.goto(f"{portal_origin}/")
    get_url = f"{portal_api.url}?query={QUERY}"
    post = {"method": "POST", "headers": {"content-type": "application/json"},
            "body": '{"query": "mutation Unsubscribe { unsubscribe(input: {token: \\"x\\"}) { ok } }"}'}

    # A GET (a query) is public: readable from any origin, with the exposed caching headers.
    read = _fetch(page, get_url)
    assert read["status"] == 200 and read["body"]["data"]["events"]["totalCount"] == 5
    assert read["etag"] and read["cache"] in {"hit", "miss"}
    # Credentials are never allowed: the browser refuses the response to a request that sends them.
    assert "blocked" in _fetch(page, get_url, credentials="include")
    # A POST needs a preflight, which only the allowed origins pass.
    assert "blocked" in _fetch(page, portal_api.url, **post)

    settings.CORS_ALLOWED_ORIGINS = [portal_origin]
    sent = _fetch(page, portal_api.url, **post)

    assert sent["status"] == 200 and sent["body"] == {"data": {"unsubscribe": {"ok": True}}}
    page.screenshot(path=artifacts_dir / "clients-cors-portal.png")
