"""The `jsonLd` field: distribution's schema.org builders, fed by the request loader.

The builders run no query; this adapter answers them from the loader, which loads images (with renditions),
organisers and snippets for the page's whole batch, so the field's SQL does not grow with the number of pages.
"""

from distribution.structured_data import page_json_ld
from distribution.structured_data.sources import IMAGE_ATTNAMES
from graphql_api.loader import RequestLoader
from graphql_api.media.urls import absolute_media_url
from media.renditions import image_renditions_get


class LoaderSources:
    """distribution.structured_data.StructuredDataSources over the request loader."""

    def __init__(self, loader: RequestLoader):
        self.loader = loader

    def page_url(self, page) -> str:
        return self.loader.page_url(page)

    def language_code(self, page) -> str:
        return self.loader.language_code(page.locale_id)

    def main_image(self, page):
        for attname in IMAGE_ATTNAMES:
            if hasattr(page, attname):
                image = self.loader.image_for(page, attname)
                if image is not None:
                    return image
        return None

    def rendition(self, image, name: str):
        return image_renditions_get(image, name).get(name) if image is not None else None

    def absolute(self, url: str) -> str:
        return absolute_media_url(url)

    def organizer(self, page):
        return self.loader.page_for(page, "organizer_id") if hasattr(page, "organizer_id") else None

    def topics(self, page) -> list:
        return self.loader.snippets_for(page, "topics") if hasattr(page, "topics") else []

    def service_points(self, page) -> list:
        return self.loader.snippets_for(page, "service_points") if hasattr(page, "service_points") else []


def page_json_ld_resolve(page, loader: RequestLoader) -> dict:
    return page_json_ld(page, sources=LoaderSources(loader))
