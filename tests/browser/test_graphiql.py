"""GraphiQL works on a machine that reaches nothing but itself (issue 12, item 6: it showed only "Loading...")."""

from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import VIEWPORT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUERY = "{ locales { code direction } }"


def test_graphiql_runs_a_query_with_only_localhost_reachable(migrations_data, browser, live_server, watch, screen):
    context = browser.new_context(viewport=VIEWPORT)
    refused = []

    def only_localhost(route):
        if urlsplit(route.request.url).hostname in ("localhost", "127.0.0.1"):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    context.route("**/*", only_localhost)
    page = context.new_page()
    watch.attach(page)
    try:
        page.goto(f"{live_server.url}/graphql/?q={quote(QUERY)}")
        page.get_by_role("button", name="Execute query (Ctrl-Enter)").click()
        result = page.locator(".graphiql-response")
        expect(result).to_contain_text('"code": "ar"')
        expect(result).to_contain_text('"direction": "RTL"')
        screen(page, "graphiql query run")
    finally:
        context.close()
    assert refused == [], "GraphiQL reached outside this machine"
