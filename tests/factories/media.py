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


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Documento {n}")
    file = factory.LazyFunction(lambda: ContentFile(b"%PDF-1.4\n%test\n", name="documento.pdf"))
