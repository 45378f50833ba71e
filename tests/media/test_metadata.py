"""A photo's GPS position, camera and notes never reach a public file; its orientation and colours do.

A JPEG, a PNG and a WebP carrying EXIF (GPS position, camera make and serial number, rotated 90 degrees), XMP, a
comment or text chunks and a colour profile are uploaded through the admin; every public file made of them (the
named renditions, the API's full-size `original`, the admin's own thumbnails) is read back from the store and
must hold none of the metadata, be the right way up and keep the profile. The private original stays as uploaded.
"""

import functools
import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image, ImageCms, PngImagePlugin
from wagtail.images import get_image_model

from media.renditions import image_renditions_get, rendition_specs

SECRET = b"SEGRETO-POSIZIONE"
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>' + SECRET + b"</dc:creator>"
    b"</rdf:Description></rdf:RDF></x:xmpmeta>"
)
WIDTH, HEIGHT = 60, 30  # stored sideways: EXIF orientation 6 turns it into 30 x 60


def _exif() -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "CameraSegreta"
    exif[ExifTags.Base.Model] = SECRET.decode()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.BodySerialNumber] = "SN-SEGRETO-42"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (44.0, 24.0, 25.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (8.0, 56.0, 12.0)
    return exif


@functools.cache  # lcms stamps a profile with the time it was made: one profile, so one photo's bytes, per run
def _profile() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def photo(image_format: str) -> bytes:
    """A photo as a phone would save it: every kind of metadata its format can carry."""
    image = Image.new("RGB", (WIDTH, HEIGHT), (200, 30, 30))
    image.paste((30, 30, 200), (0, 0, WIDTH // 2, HEIGHT))  # left half blue: shows which way is up
    buffer = io.BytesIO()
    options = {"exif": _exif(), "icc_profile": _profile()}
    if image_format == "JPEG":
        options |= {"xmp": XMP, "comment": SECRET, "quality": 95}
    elif image_format == "PNG":
        text = PngImagePlugin.PngInfo()
        text.add_text("Comment", SECRET.decode())
        text.add_itxt("XML:com.adobe.xmp", XMP.decode())
        options |= {"pnginfo": text}
    elif image_format == "WEBP":
        options |= {"xmp": XMP, "quality": 95}
    image.save(buffer, format=image_format, **options)
    data = buffer.getvalue()
    assert SECRET in data or image_format == "WEBP" and b"GPS" in data or b"Exif" in data
    return data


FORMATS = {"JPEG": "foto.jpg", "PNG": "foto.png", "WEBP": "foto.webp"}
# Every named rendition, the API's full-size copy, and what the admin shows (its listing and edit thumbnails).
PUBLIC_SPECS = [*rendition_specs().values(), "original", "max-165x165", "max-800x600"]


def assert_clean(data: bytes, where: str):
    image = Image.open(io.BytesIO(data))
    assert not image.getexif(), f"{where}: EXIF left {dict(image.getexif())}"
    assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo), f"{where}: GPS left"
    for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment", "Comment", "photoshop"):
        assert key not in image.info, f"{where}: {key} left"
    for marker in (SECRET, b"CameraSegreta", b"SN-SEGRETO", b"GPS"):
        assert marker not in data, f"{where}: {marker!r} in the file"
    assert image.info.get("icc_profile"), f"{where}: colour profile lost"


def upload(admin_client, image_format: str):
    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "Foto con posizione",
            "description": "Una foto",
            "file": SimpleUploadedFile(FORMATS[image_format], photo(image_format)),
        },
    )
    assert response.status_code == 302, response.content[:1000]
    return get_image_model().objects.get(title="Foto con posizione")


@pytest.mark.django_db
@pytest.mark.parametrize("image_format", FORMATS)
@pytest.mark.parametrize("spec", PUBLIC_SPECS)
def test_no_public_file_keeps_the_metadata(admin_client, image_format, spec):
    image = upload(admin_client, image_format)
    rendition = image.get_rendition(spec)
    with rendition.file.open("rb") as handle:
        data = handle.read()
    assert_clean(data, f"{image_format} {spec}")
    if spec in {"original", "max-165x165", "max-800x600"}:
        # The orientation is applied to the pixels: the photo stands upright, blue half on top.
        upright = Image.open(io.BytesIO(data)).convert("RGB")
        assert upright.height > upright.width
        top, bottom = upright.getpixel((upright.width // 2, 2)), upright.getpixel((upright.width // 2, upright.height - 3))
        assert top[2] > top[0] and bottom[0] > bottom[2]


@pytest.mark.django_db
@pytest.mark.parametrize("image_format", FORMATS)
def test_the_private_original_is_kept_as_uploaded(admin_client, image_format):
    image = upload(admin_client, image_format)
    with default_storage.open(image.file.name, "rb") as handle:
        assert handle.read() == photo(image_format)
    assert (image.width, image.height) == (WIDTH, HEIGHT)  # as stored: Wagtail reads the header, not EXIF


@pytest.mark.django_db
def test_named_renditions_made_on_upload_are_clean(admin_client):
    image = upload(admin_client, "JPEG")
    for name, rendition in image_renditions_get(image, *rendition_specs()).items():
        with rendition.file.open("rb") as handle:
            assert_clean(handle.read(), name)
