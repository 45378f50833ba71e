"""previewPage(token): the only way to draft content, and only with a valid, fresh token from the admin."""

from urllib.parse import parse_qs, urlparse

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from graphql_api.preview.tokens import preview_token_make
from tests.factories import NewsPageFactory, ServicePageFactory

PREVIEW = """
query ($token: String!) {
  previewPage(token: $token) {
    __typename id title isFallback
    ... on NewsPage { summary body { ... on RichTextBlock { html } } }
  }
}
"""


@pytest.mark.django_db
def test_preview_serves_the_latest_draft(graphql, news_index):
    news = NewsPageFactory(parent=news_index, title="Pubblicata")
    news.title = "Bozza"
    news.body = [("paragraph", "<p>Testo nuovo</p>")]
    news.save_revision()

    page = graphql.data(PREVIEW, {"token": preview_token_make(page=news)})["previewPage"]

    # Its own id: a portal's cache never mistakes the draft for the live page (page:<pk>:it).
    assert page == {"__typename": "NewsPage", "id": f"page:{news.pk}:it:draft", "title": "Bozza", "isFallback": False,
                    "summary": "Un riassunto breve e chiaro.", "body": [{"html": "<p>Testo nuovo</p>"}]}


@pytest.mark.django_db
def test_preview_of_a_never_published_page(graphql, service_index):
    draft = ServicePageFactory(parent=service_index, title="Mai pubblicata", live=False)

    assert graphql.data(PREVIEW, {"token": preview_token_make(page=draft)})["previewPage"]["title"] == "Mai pubblicata"


@pytest.mark.django_db
@pytest.mark.parametrize("token", ["", "forged", "eyJwYWdlIjoxfQ:1abc:def"])
def test_an_invalid_token_is_refused(graphql, home, token):
    result = graphql(PREVIEW, {"token": token})

    assert result["data"]["previewPage"] is None
    assert result["errors"][0]["extensions"]["code"] == "INVALID_PREVIEW_TOKEN"


@pytest.mark.django_db
def test_an_expired_token_is_refused(graphql, news_index, settings):
    news = NewsPageFactory(parent=news_index)
    token = preview_token_make(page=news)
    settings.GRAPHQL_API = {**settings.GRAPHQL_API, "PREVIEW_TOKEN_MAX_AGE_SECONDS": -1}

    result = graphql(PREVIEW, {"token": token})

    assert result["errors"][0]["extensions"]["code"] == "INVALID_PREVIEW_TOKEN"
    assert "expired" in result["errors"][0]["message"]


@pytest.mark.django_db
def test_the_admin_hands_the_portal_a_token(client, graphql, news_index):
    news = NewsPageFactory(parent=news_index, title="Notizia")
    client.force_login(get_user_model().objects.create_superuser("editor", "editor@example.org", "x"))

    edit_view = client.get(f"/admin/pages/{news.pk}/edit/")
    response = client.get(f"/admin/graphql-preview/{news.pk}/")

    assert "Anteprima sul portale" in edit_view.content.decode()
    assert response.status_code == 302
    location = urlparse(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == "http://localhost:3000/it/preview"
    token = parse_qs(location.query)["token"][0]
    assert graphql.data(PREVIEW, {"token": token})["previewPage"]["title"] == "Notizia"


@pytest.mark.django_db
def test_only_editors_get_a_token(client, news_index):
    news = NewsPageFactory(parent=news_index)
    user = get_user_model().objects.create_user("reader", "reader@example.org", "x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    response = client.get(f"/admin/graphql-preview/{news.pk}/")

    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard with a message.
    assert response.status_code == 302 and response["Location"] == "/admin/"
