import strawberry

from graphql_api.caching.responses import PrivateResponse
from graphql_api.pages.types import PageInterface

from .tokens import preview_page_load


@strawberry.type
class Query:
    @strawberry.field(
        name="previewPage",
        description="The latest draft of a page, for the admin's headless preview. Needs a token from the admin.",
        # A draft is for whoever holds the token: no cache may keep a response that read one.
        extensions=[PrivateResponse()],
    )
    def preview_page(self, info: strawberry.Info, token: str) -> PageInterface | None:
        return preview_page_load(token=token, loader=info.context.loader)
