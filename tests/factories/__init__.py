from .content import (
    AssociationPageFactory,
    EventPageFactory,
    InfographicPageFactory,
    NewsPageFactory,
    ServicePageFactory,
    ServicePointFactory,
    TopicFactory,
    page_hide,
    translation_publish,
)
from .media import DocumentFactory, ImageFactory, png_bytes

__all__ = [
    "AssociationPageFactory",
    "DocumentFactory",
    "EventPageFactory",
    "ImageFactory",
    "InfographicPageFactory",
    "NewsPageFactory",
    "ServicePageFactory",
    "ServicePointFactory",
    "TopicFactory",
    "page_hide",
    "png_bytes",
    "translation_publish",
]
