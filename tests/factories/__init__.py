from .content import (
    AssociationPageFactory,
    EventPageFactory,
    InfographicPageFactory,
    NewsPageFactory,
    ServicePageFactory,
    ServicePointFactory,
    TopicFactory,
    page_hide,
    service_partly_translated,
    translation_publish,
    translation_sync,
)
from .media import DocumentFactory, ImageFactory, image_saved, png_bytes

__all__ = [
    "AssociationPageFactory",
    "DocumentFactory",
    "EventPageFactory",
    "ImageFactory",
    "image_saved",
    "InfographicPageFactory",
    "NewsPageFactory",
    "ServicePageFactory",
    "ServicePointFactory",
    "TopicFactory",
    "page_hide",
    "png_bytes",
    "service_partly_translated",
    "translation_publish",
    "translation_sync",
]
