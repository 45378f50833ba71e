"""The demo's images and documents in the Wagtail library: found by title, created once."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from . import images
from .documents import pdf_bytes

CREDIT = "Illustrazione generata per la demo di InterAzioni"
LICENCE = "CC0 1.0"


@dataclass(frozen=True)
class ImageSpec:
    key: str
    title: str
    description: str  # the alt text: what the image shows, for people who cannot see it
    draw: Callable[[], bytes]
    is_decorative: bool = False


@dataclass(frozen=True)
class DocumentSpec:
    key: str
    title: str
    description: str
    paragraphs: list[str]
    language: str = "it"


def image_ensure(spec: ImageSpec) -> tuple[object, bool]:
    """The library image with this title, or a new one drawn now. Returns (image, created)."""
    image_model = get_image_model()
    image = image_model.objects.filter(title=spec.title).order_by("pk").first()
    if image is not None:
        return image, False
    image = image_model(
        title=spec.title,
        description="" if spec.is_decorative else spec.description,
        is_decorative=spec.is_decorative,
        credit=CREDIT,
        licence=LICENCE,
        file=ContentFile(spec.draw(), name=f"demo-{spec.key}.png"),
    )
    image._set_image_file_metadata()
    image.full_clean()
    image.save()
    return image, True


def document_ensure(spec: DocumentSpec) -> tuple[object, bool]:
    """The library document with this title, or a new PDF written now. Returns (document, created)."""
    document_model = get_document_model()
    document = document_model.objects.filter(title=spec.title).order_by("pk").first()
    if document is not None:
        return document, False
    document = document_model(
        title=spec.title,
        description=spec.description,
        language=spec.language,
        file=ContentFile(pdf_bytes(spec.title, spec.paragraphs), name=f"demo-{spec.key}.pdf"),
    )
    document._set_document_file_metadata()
    document.full_clean()
    document.save()
    return document, True


def illustration(scene: str, seed: int = 0) -> Callable[[], bytes]:
    """Deferred drawing: an image is only drawn when it does not exist yet (a second run draws nothing)."""
    return lambda: images.illustration_png(scene, seed=seed)
