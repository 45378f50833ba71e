"""The `jsonLd` field: distribution's schema.org builders, fed by the request's loaders.

The builders run no query; this adapter answers them from the loaders, which load images (with renditions),
organisers and snippets for the page's whole batch, so the field's SQL does not grow with the number of pages.
The main image is the content kernel's choice, loaded through the batch (the same one `seo` shows).
"""

from content_models.kernel.presentation import page_main_image
from distribution.structured_data import page_json_ld
from graphql_api.loaders import RequestLoader
from graphql_api.media.urls import absolute_media_url
from media.renditions import image_renditions_get


class LoaderSources:
    """distribution.structured_data.StructuredDataSources over the request's loaders."""

    def __init__(self, loader: RequestLoader):
        self.loader = loader

    def page_url(self, page) -> str:
        return self.loader.page_url(page)

    def language_code(self, page) -> str:
        return self.loader.language_code(page.locale_id)

    def main_image(self, page):
        return page_main_image(page, self.loader.media.image_for)

    def rendition(self, image, name: str):
        return image_renditions_get(image, name).get(name) if image is not None else None

    def absolute(self, url: str) -> str:
        return absolute_media_url(url)

    def organizer(self, page):
        return self.loader.pages.page_for(page, "organizer_id") if hasattr(page, "organizer_id") else None

    def topics(self, page) -> list:
        return self.loader.snippets.snippets_for(page, "topics") if hasattr(page, "topics") else []

    def service_points(self, page) -> list:
        return self.loader.snippets.snippets_for(page, "service_points") if hasattr(page, "service_points") else []


def page_json_ld_resolve(page, loader: RequestLoader) -> dict:
    return page_json_ld(page, sources=LoaderSources(loader))
