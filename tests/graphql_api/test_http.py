"""HTTP around /graphql/ as caches and browsers see it: no language negotiation, HEAD, 304s, CORS."""

import json

import pytest

from tests.factories import ServicePageFactory

SERVICE = "query ($path: String!) { page(path: $path) { title } }"
VARIABLES = {"path": "/servizi/corsi/"}
PORTAL = "http://localhost:3000"  # the default portal's origin: allowed by default (CORS_ALLOWED_ORIGINS)
ELSEWHERE = "https://elsewhere.example"


def _get(client, query=SERVICE, variables=VARIABLES, **headers):
    return client.get("/graphql/", {"query": query, "variables": json.dumps(variables)}, **headers)


def _post(client, query=SERVICE, variables=VARIABLES, **headers):
    body = json.dumps({"query": query, "variables": variables})
    return client.post("/graphql/", data=body, content_type="application/json", **headers)


def _vary(response) -> set[str]:
    return {value.strip().lower() for value in response.get("Vary", "").split(",") if value.strip()}


@pytest.fixture
def service(service_index):
    return ServicePageFactory(parent=service_index, title="Corsi di italiano", slug="corsi")


# --- Language ------------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("send", [_get, _post], ids=["get", "post"])
def test_responses_do_not_vary_on_the_readers_language(client, service, send):
    italian = send(client, HTTP_ACCEPT_LANGUAGE="it")
    arabic = send(client, HTTP_ACCEPT_LANGUAGE="ar")

    assert arabic.content == italian.content
    for response in (italian, arabic):
        assert "accept-language" not in _vary(response) and "Content-Language" not in response
    # An error's message does not follow the reader's language either.
    errors = [send(client, variables={"path": "x" * 2000}, HTTP_ACCEPT_LANGUAGE=lang) for lang in ("it", "ar")]
    assert errors[0].content == errors[1].content and "Content-Language" not in errors[1]


@pytest.mark.django_db
def test_a_mutation_speaks_the_readers_language_and_says_so(client, locales):
    confirm = 'mutation { confirmSubscription(input: {token: "forged"}) { ok errors { code message } } }'

    italian, arabic = (_post(client, confirm, {}, HTTP_ACCEPT_LANGUAGE=lang) for lang in ("it", "ar"))

    assert italian.json()["data"]["confirmSubscription"]["errors"][0]["code"] == "INVALID_TOKEN"
    assert italian.content != arabic.content, "its message is for people, in their language"
    assert "accept-language" in _vary(arabic) and arabic["Content-Language"] == "ar"
    assert arabic["Cache-Control"] == "private, no-store"


@pytest.mark.django_db
def test_the_admin_still_negotiates_its_language(client):
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="ar")

    assert "accept-language" in _vary(response) and response["Content-Language"] == "ar"


# --- HEAD and 304 -------------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("warm", [False, True], ids=["executed", "from-the-cache"])
def test_head_is_answered_as_get_without_a_body(client, service, warm):
    if warm:
        _get(client)
    head = client.head("/graphql/", {"query": SERVICE, "variables": json.dumps(VARIABLES)})
    get = _get(client)

    assert head.status_code == 200 and head.content == b""
    assert head["X-GraphQL-Cache"] == ("hit" if warm else "miss")
    for name in ("Content-Type", "Cache-Control", "ETag", "Access-Control-Allow-Origin"):
        assert head[name] == get[name], name
    assert int(head["Content-Length"]) == len(get.content)


@pytest.mark.django_db
def test_head_of_a_mutation_is_refused_like_get(client, locales):
    response = client.head("/graphql/", {"query": 'mutation { unsubscribe(input: {token: "x"}) { ok } }'})

    assert response.status_code == 405 and response["Allow"] == "POST"


@pytest.mark.django_db
@pytest.mark.parametrize("warm", [False, True], ids=["executed", "from-the-cache"])
def test_a_304_has_no_content_type(client, service, warm):
    etag = _get(client)["ETag"]
    if warm:
        _get(client)

    not_modified = _get(client, HTTP_IF_NONE_MATCH=etag)
    head = client.head("/graphql/", {"query": SERVICE, "variables": json.dumps(VARIABLES)}, HTTP_IF_NONE_MATCH=etag)

    for response in (not_modified, head):
        assert response.status_code == 304 and response.content == b""
        assert "Content-Type" not in response
        assert response["ETag"] == etag and response["Cache-Control"].startswith("public")


# --- CORS (django-cors-headers) ----------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("origin", [PORTAL, ELSEWHERE, None])
def test_a_get_is_readable_from_any_origin_with_one_cached_copy(client, service, origin):
    headers = {"HTTP_ORIGIN": origin} if origin else {}

    response = _get(client, **headers)

    assert response["Access-Control-Allow-Origin"] == "*"
    assert "origin" not in _vary(response), "the same bytes for every origin: one copy in a shared cache"
    assert "Access-Control-Allow-Credentials" not in response
    assert response["Access-Control-Expose-Headers"] == "ETag, X-GraphQL-Cache"


@pytest.mark.django_db
def test_a_preflight_from_an_allowed_origin_is_answered_without_credentials(client, locales):
    response = client.options(
        "/graphql/", HTTP_ORIGIN=PORTAL, HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type",
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == PORTAL and "origin" in _vary(response)
    assert "POST" in response["Access-Control-Allow-Methods"]
    assert "content-type" in response["Access-Control-Allow-Headers"]
    assert int(response["Access-Control-Max-Age"]) > 0
    assert "Access-Control-Allow-Credentials" not in response


@pytest.mark.django_db
def test_a_post_is_readable_from_allowed_origins_only(client, service, settings):
    settings.CORS_ALLOWED_ORIGINS = [PORTAL, "https://app.example"]

    for origin in (PORTAL, "https://app.example"):
        response = _post(client, HTTP_ORIGIN=origin)
        assert response["Access-Control-Allow-Origin"] == origin and "origin" in _vary(response)
    preflight = client.options("/graphql/", HTTP_ORIGIN=ELSEWHERE, HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST")
    assert "Access-Control-Allow-Origin" not in preflight
    assert "Access-Control-Allow-Origin" not in _post(client, HTTP_ORIGIN=ELSEWHERE)


@pytest.mark.django_db
def test_other_paths_get_no_cors(client):
    response = client.get("/admin/login/", HTTP_ORIGIN=PORTAL)

    assert "Access-Control-Allow-Origin" not in response


def test_the_default_allowed_origins_are_the_portals():
    from django.conf import settings

    assert settings.CORS_ALLOWED_ORIGINS == ["http://localhost:3000"]
