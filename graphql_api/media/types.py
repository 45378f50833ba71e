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
    url: str = strawberry.field(
        description="Empty when neither this rendition nor the image's full-size copy has been made yet."
    )
    width: int = strawberry.field(description="In pixels, of the file `url` points at.")
    height: int = strawberry.field(description="In pixels, of the file `url` points at.")
    alt: str
    ready: bool = strawberry.field(
        default=True,
        description="False while the rendition asked for is being made (a read never makes one): `url` is then "
        "the image's full-size copy (`Image.url`), or empty when that is not made either. Ask again later.",
    )


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
        original = original_rendition(self)
        return absolute_media_url(original.url) if original is not None else ""

    @strawberry.field(description="In pixels, of the file `url` points at.")
    def width(self) -> int:
        original = original_rendition(self)
        return original.width if original is not None else self.width

    @strawberry.field(description="In pixels, of the file `url` points at.")
    def height(self) -> int:
        original = original_rendition(self)
        return original.height if original is not None else self.height

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
        # Checked first: an unknown filter must not even be noted as missing.
        rendition = rendition_get(self, check_filter(filter))
        ready = rendition is not None
        if rendition is None:
            rendition = original_rendition(self)
        if rendition is None:
            return RenditionType(url="", width=self.width, height=self.height, alt=self.default_alt_text,
                                 ready=False)
        return RenditionType(url=absolute_media_url(rendition.url), width=rendition.width,
                             height=rendition.height, alt=self.default_alt_text, ready=ready)

    @strawberry.field(
        description="A srcset attribute: the rendition `filter` scaled to each of `widths`. Widths not made yet "
        "are left out; when none is made, the image's full-size copy alone (empty when that is not made either)."
    )
    def srcset(self, filter: str, widths: list[int] | None = None) -> str:
        specs = srcset_specs(filter, widths)
        made = ((width, rendition_get(self, spec)) for width, spec in specs.items())
        candidates = [f"{absolute_media_url(rendition.url)} {width}w" for width, rendition in made if rendition]
        if not candidates and (original := original_rendition(self)) is not None:
            candidates = [f"{absolute_media_url(original.url)} {original.width}w"]
        return ", ".join(candidates)


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
