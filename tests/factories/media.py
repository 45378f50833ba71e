"""Images and documents made in memory: real files, no network."""

import io

import factory
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model


def png_bytes(width: int = 64, height: int = 48, colour=(0, 102, 153)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Immagine {n}")
    description = factory.Sequence(lambda n: f"Descrizione dell'immagine {n}")
    file = factory.LazyFunction(lambda: ContentFile(png_bytes(), name="test.png"))


def image_saved(**fields):
    """An image as an editor's upload leaves it: its save task (media.tasks.image_renditions_create, enqueued when
    the upload commits, immediate in tests) has made its named renditions and its full-size public copy. A read
    never makes them (docs/media.md), so a test that reads rendition URLs starts from this, or flushes the misses."""
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        return ImageFactory(**fields)


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Documento {n}")
    file = factory.LazyFunction(lambda: ContentFile(b"%PDF-1.4\n%test\n", name="documento.pdf"))
