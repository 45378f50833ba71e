"""A large image is checked and stored without being decoded in the web request; its renditions (the admin's
sizes included) are made by the task, one at a time. Figures: benchmarks/results/image_upload.md."""

import io

import pytest
import willow
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image as PILImage
from PIL import ImageFile

from media.image_files import image_header
from media.models import CustomImage
from media.tasks import ADMIN_FILTER_SPECS, image_renditions_create
from tests.factories.media import ImageFactory

pytestmark = pytest.mark.django_db


def image_bytes(image_format: str, size=(1200, 900), **options) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (20, 120, 200)).save(buffer, format=image_format, **options)
    return buffer.getvalue()


@pytest.fixture
def decodes(monkeypatch):
    """The format of every image Pillow decodes (ImageFile.load) while the test runs."""
    counted = []
    load = ImageFile.ImageFile.load

    def counting_load(image):
        counted.append(image.format)
        return load(image)

    monkeypatch.setattr(ImageFile.ImageFile, "load", counting_load)
    return counted


@pytest.mark.parametrize(
    ("image_format", "options"),
    [("PNG", {}), ("JPEG", {}), ("WEBP", {}), ("GIF", {}), ("AVIF", {}),
     ("GIF", {"save_all": True, "append_images": [PILImage.new("RGB", (1200, 900))]})],
)
def test_sizes_from_the_header_are_the_ones_willow_decodes(image_format, options):
    data = image_bytes(image_format, **options)
    willow_image = willow.Image.open(io.BytesIO(data))

    header = image_header(io.BytesIO(data))

    assert (header.width, header.height) == willow_image.get_size()
    assert header.frames == (2 if options else 1)


def test_a_png_upload_is_never_decoded_in_the_request(admin_client, settings, decodes):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # renditions wait
    upload = SimpleUploadedFile("grande.png", image_bytes("PNG", size=(3000, 2000)))

    response = admin_client.post(reverse("wagtailimages:add_multiple"), {"files[]": upload})

    assert response.json()["success"] is True
    image = CustomImage.objects.get()
    assert (image.width, image.height) == (3000, 2000)
    assert decodes == []


@pytest.mark.parametrize("image_format", ["PNG", "JPEG"])
def test_a_truncated_image_is_refused_as_invalid(admin_client, image_format):
    data = image_bytes(image_format, size=(600, 400))
    truncated = data[: len(data) * 2 // 3]
    extension = {"PNG": "png", "JPEG": "jpg"}[image_format]

    response = admin_client.post(
        reverse("wagtailimages:add"), {"title": "Rotta", "file": SimpleUploadedFile(f"rotta.{extension}", truncated)}
    )

    assert response.status_code == 200
    with translation.override("en"):  # the message is lazy: read in English
        assert str(response.context["form"].errors["file"][0]).startswith("Upload a valid image.")
    assert not CustomImage.objects.exists()


def test_the_task_makes_the_admins_sizes_too():
    image = ImageFactory()

    made = image_renditions_create.call(image.pk)

    assert "card" in made
    specs = set(image.renditions.values_list("filter_spec", flat=True))
    assert set(ADMIN_FILTER_SPECS) <= specs
