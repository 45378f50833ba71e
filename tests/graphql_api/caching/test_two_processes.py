"""Two server processes with their own local-memory caches and one database: a publish made by a third process
reaches both on their very next request, whatever each had cached. This is the multi-worker deployment in small.
(Every other kind of write, and the feeds, across processes: tests/content_models/kernel/test_two_processes.py.)
"""

import json
import time

import pytest

from tests.processes import manage, process_environment, servers_start, shared_database  # noqa: F401

SEED = """
from content_models import services
from content_models.models import ServiceIndexPage
from tests.factories import ServicePageFactory

home = services.home_page_ensure()
ServicePageFactory(parent=ServiceIndexPage.objects.child_of(home).get(), title="Prima", slug="corsi")
"""
PUBLISH = """
from content_models.models import ServicePage

page = ServicePage.objects.get(slug="corsi")
page.title = "Seconda"
page.save_revision().publish()
"""
PAGE = "query ($path: String!) { page(path: $path) { title } }"
VARIABLES = {"path": "/servizi/corsi/"}


def title(server) -> tuple[str, str]:
    response = server.post("/graphql/", json={"query": PAGE, "variables": VARIABLES})
    return response.json()["data"]["page"]["title"], response.headers["X-GraphQL-Cache"]


def get(server, headers=None):
    return server.get("/graphql/", params={"query": PAGE, "variables": json.dumps(VARIABLES)}, headers=headers)


# Marked so that pytest-django creates the test database the fixture copies; this test never writes to it.
@pytest.mark.django_db
def test_a_publish_reaches_every_process_at_once(shared_database, tmp_path):  # noqa: F811
    started = time.monotonic()
    environment = process_environment(shared_database)
    manage(environment, "shell", "-c", SEED)
    servers = servers_start(environment, tmp_path)
    try:
        for server in servers:
            assert title(server) == ("Prima", "miss")
            assert title(server) == ("Prima", "hit"), "each process has the page in its own cache"

        manage(environment, "shell", "-c", PUBLISH)  # a third process, as an editor's request would be

        assert [title(server) for server in servers] == [("Seconda", "miss"), ("Seconda", "miss")]
        # The ETag is the body's: a client may revalidate against any process.
        etag = get(servers[0]).headers["ETag"]
        assert get(servers[1], {"If-None-Match": etag}).status_code == 304
    finally:
        for server in servers:
            server.stop()
    print(f"two processes: publish seen by both on the next request; the test took {time.monotonic() - started:.1f} s")
