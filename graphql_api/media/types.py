"""Images, renditions and documents, loaded by the request's loaders with their renditions prefetched."""

import strawberry
import strawberry_django
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from media.renditions import rendition_get

from .renditions import check_filter, original_rendition, srcset_specs
from .urls import absolute_media_url


@strawberry.type(name="FocalPoint", description="The part of the image to keep when cropping, in pixels.")
class FocalPointType:
    x: int
    y: int
    width: int
    height: int


@strawberry.type(name="Rendition", description="A resized copy of an image, made with an allowed filter.")
class RenditionType:
    url: str
    width: int
    height: int
    alt: str


@strawberry_django.type(get_image_model(), name="Image")
class ImageType:
    id: strawberry.ID
    credit: str
    licence: str

    @strawberry.field(
        description="The whole image at its own size: a public copy without camera metadata, never the private "
        "original file."
    )
    def url(self) -> str:
        return absolute_media_url(original_rendition(self).url)

    @strawberry.field(description="In pixels, of the file `url` points at.")
    def width(self) -> int:
        return original_rendition(self).width

    @strawberry.field(description="In pixels, of the file `url` points at.")
    def height(self) -> int:
        return original_rendition(self).height

    @strawberry.field(description="Alternative text; empty for decorative images, which screen readers skip.")
    def alt(self) -> str:
        return self.default_alt_text

    @strawberry.field(name="focalPoint")
    def focal_point(self) -> FocalPointType | None:
        if self.focal_point_x is None:
            return None
        return FocalPointType(
            x=self.focal_point_x, y=self.focal_point_y, width=self.focal_point_width, height=self.focal_point_height
        )

    @strawberry.field(
        description="A rendition: `filter` is a rendition name (thumbnail, card, content, hero, social, newsletter) "
        "or the filter spec of an allowed one (docs/api.md)."
    )
    def rendition(self, filter: str) -> RenditionType:
        # Checked before get_rendition: an unknown filter must not create a rendition.
        rendition = rendition_get(self, check_filter(filter))
        return RenditionType(url=absolute_media_url(rendition.url), width=rendition.width,
                             height=rendition.height, alt=self.default_alt_text)

    @strawberry.field(description="A srcset attribute: the rendition `filter` scaled to each of `widths`.")
    def srcset(self, filter: str, widths: list[int] | None = None) -> str:
        specs = srcset_specs(filter, widths)
        return ", ".join(
            f"{absolute_media_url(rendition_get(self, spec).url)} {width}w" for width, spec in specs.items()
        )


@strawberry_django.type(get_document_model(), name="Document")
class DocumentType:
    id: strawberry.ID
    title: str
    description: str
    language: str = strawberry.field(description="The document's language code; empty if it has none.")

    @strawberry.field
    def url(self) -> str:
        return absolute_media_url(self.url)

    @strawberry.field(name="fileExtension")
    def file_extension(self) -> str:
        return self.file_extension.lower()

    @strawberry.field(name="fileSize", description="Size in bytes, when the storage knows it.")
    def file_size(self) -> int | None:
        return self.file_size
