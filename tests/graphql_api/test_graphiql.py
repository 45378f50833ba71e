"""GraphiQL (development only) is served from the project's static files, as locked in graphql_api/graphiql."""

import hashlib
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

ASSETS = Path(settings.BASE_DIR) / "graphql_api" / "static" / "graphql_api" / "graphiql"
LOCK = Path(settings.BASE_DIR) / "graphql_api" / "graphiql" / "package-lock.json"


def manifest() -> list[dict]:
    return json.loads((ASSETS / "MANIFEST.json").read_text())["files"]


@pytest.mark.django_db
def test_graphiql_page_loads_nothing_from_outside(client):
    response = client.get("/graphql/", HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    html = response.content.decode()
    assert "https://" not in html and "http://" not in html and "//unpkg" not in html
    references = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert len(references) == 8  # 3 stylesheets, 5 scripts
    for reference in references:
        assert reference.startswith(settings.STATIC_URL), reference
        assert finders.find(reference.removeprefix(settings.STATIC_URL)), f"{reference} is not a static file"
    assert "<script>" not in html, "no inline script: a CSP without 'unsafe-inline' must allow the page"


def test_served_files_are_the_locked_packages_files():
    locked = json.loads(LOCK.read_text())["packages"]
    for entry in manifest():
        assert locked[f"node_modules/{entry['package']}"]["version"] == entry["version"], entry["name"]
        content = (ASSETS / entry["name"]).read_bytes()
        assert hashlib.sha256(content).hexdigest() == entry["sha256"], (
            f"{entry['name']} is not the file of {entry['package']}@{entry['version']}: run scripts/graphiql-assets.sh"
        )
        assert entry["license"] == "MIT"
    direct = json.loads(LOCK.read_text())["packages"][""]["dependencies"]
    assert {entry["package"] for entry in manifest()} == set(direct)
    for package in ("react", "react-dom", "graphiql"):
        assert (ASSETS / f"LICENSE.{package}").exists()
