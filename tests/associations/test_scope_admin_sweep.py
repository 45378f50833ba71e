"""Every admin URL, opened by a member of A with the id of everything A must not see: nothing of it shows.

The URLs come from the live URL configuration, so a view Wagtail, wagtail-localize or an app adds later is swept
too. Each URL that takes ids is opened with the id of every secret (secrets.py: B's drafts and files, the Region's
unpublished, scheduled and restricted pages, restricted and Region images and documents, a newsletter draft,
wagtail-localize's records of drafts) and of B's and the Region's published pages; search and chooser parameters
ask for the secrets' marker word. A response must not contain the marker, must not be a file, and must not be a
server error.
"""

import re
from collections import defaultdict

import pytest
from django.urls import URLResolver, get_resolver

from tests.admin_client import csrf_client
from tests.attempts import tried
from .secrets import MARKER

SKIPPED = ("admin/logout/", "admin/failwhale/", "admin/test404/", "admin/^.*/$")
PARAMETER = re.compile(r"<(?:(\w+):)?(\w+)>")
# Values for the parameters that are not ids; several combinations where the choice decides what is listed.
WORDS = {
    "content_type_app_name": ["content_models"],
    "content_type_model_name": ["eventpage", "servicepage", "associationpage"],
    "app_name": ["content_models"],
    "action_name": ["approve", "reject", "publish"],
    "filter_spec": ["original", "max-165x165"],
    "mode": [""],
    "language": ["it"],
    "fmt": ["a4", "json"],
    "kind": ["page", "service-point"],  # the printing app's subjects
    "action": ["publish", "delete"],
    "uidb64": ["MQ"],
    "token": ["x"],
    "path": ["original_images/segreto-b.png", "private-renditions/images/segreto-restricted.png"],
}
MODELS = [("newsletter", "newsletterissue"), ("wagtailcore", "page"), ("media", "customimage"),
          ("media", "customdocument"), ("associations", "association"), ("content_models", "topic")]
FILE_TYPES = ("image/png", "image/jpeg", "image/webp", "image/gif", "application/pdf", "application/octet-stream",
              "text/x-gettext")
# A secret as it shows: the marker and the word after it ("SEGRETO bozza regione", "segreto-b.png"). The marker
# alone is the search term the page echoes back.
SHOWN = re.compile(MARKER + r"[\s_-]+\w", flags=re.IGNORECASE)


def _routes(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield (prefix + str(pattern.pattern)).replace("^", "").replace("$", "")


def admin_routes() -> dict[str, list[str]]:
    """Admin routes by area (the first path segment after admin/)."""
    by_area = defaultdict(list)
    for route in _routes(get_resolver().url_patterns):
        if not route.startswith("admin/") or route.startswith(SKIPPED) or "(?P" in route or ".*" in route:
            continue
        area = route.removeprefix("admin/").split("/", 1)[0] or "dashboard"
        by_area[area].append(route)
    return dict(by_area)


ROUTES = admin_routes()


def urls_for(route: str, ids: list[int]) -> list[str]:
    names = PARAMETER.findall(route)
    if not names:
        return ["/" + route]
    urls = set()
    id_names = {name for converter, name in names if converter in {"int", ""} or name in {"pk", "object_id"}}
    model_pairs = MODELS if {"app_label", "model_name"} <= {name for _c, name in names} else [(None, None)]
    for pk in ids:
        for app_label, model_name in model_pairs:
            for variant in range(max(len(WORDS.get(name, [""])) for _c, name in names)):
                def value(match, pk=pk, app_label=app_label, model_name=model_name, variant=variant):
                    name = match.group(2)
                    if name in id_names:
                        return str(pk)
                    if name == "app_label":
                        return app_label
                    if name == "model_name":
                        return model_name
                    words = WORDS.get(name, [str(pk)])
                    return words[min(variant, len(words) - 1)]

                urls.add("/" + PARAMETER.sub(value, route))
    return sorted(urls)


def assert_nothing_shows(response, url: str, failures: list):
    body = response.content.decode(errors="replace") if not response.streaming else ""
    content_type = response.get("Content-Type", "")
    if response.status_code >= 500:
        failures.append(f"{url}: {response.status_code}")
    elif SHOWN.search(body):
        found = sorted(set(re.findall(MARKER + r"[^<\"\\]{0,30}", body, flags=re.IGNORECASE)))[:3]
        failures.append(f"{url}: shows {found}")
    elif response.status_code == 200 and content_type.startswith(FILE_TYPES):
        failures.append(f"{url}: a file ({content_type})")


@pytest.mark.parametrize("area", sorted(ROUTES))
def test_a_member_sees_nothing_of_others_in_any_admin_view(world, secrets, area):
    client = csrf_client(world.member_a)
    foreign_pages = [world.page_b.pk, world.event_b.pk, world.service_page.pk, world.region_event.pk]
    ids = sorted({*secrets.ids(), *foreign_pages, world.b.pk, world.b.collection_id, world.admin_b.pk,
                  world.editor.pk})
    failures, attempts = [], 0
    for route in ROUTES[area]:
        for url in urls_for(route, ids):
            response = client.get(url, {"q": MARKER, "id": ids[:5], "p": "1"})
            attempts += 1
            assert_nothing_shows(response, url, failures)
    tried(f"admin views, GET as member A ({area})", attempts)
    assert not failures, "\n".join(failures)
