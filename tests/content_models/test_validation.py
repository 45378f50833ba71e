"""Editors get clear, specific messages for the mistakes they actually make."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.blocks.struct_block import StructBlockValidationError

from content_models.blocks import (
    CallToActionBlock,
    ContactBlock,
    ImageBlock,
    OpeningHoursBlock,
    VideoEmbedBlock,
)
from content_models.models import AssociationIndexPage, EventPage, ServicePoint
from content_models.validators import validate_coordinates
from tests.factories import AssociationPageFactory, ImageFactory


def _messages(error: ValidationError) -> dict:
    return {field: [str(message) for message in messages] for field, messages in error.message_dict.items()}


def _block_messages(error: StructBlockValidationError) -> dict:
    return {name: str(err.message if hasattr(err, "message") else err) for name, err in error.block_errors.items()}


@pytest.mark.django_db
def test_event_cannot_end_before_it_starts():
    start = timezone.now()
    event = EventPage(title="Festa", summary="s", start=start, end=start - datetime.timedelta(hours=1),
                      venue_name="Piazza", municipality="Genova")
    with pytest.raises(ValidationError) as raised:
        event.clean()
    assert _messages(raised.value) == {"end": ["L'evento non può terminare prima di iniziare."]}


@pytest.mark.django_db
def test_event_needs_a_place_or_a_link():
    event = EventPage(title="Festa", summary="s", start=timezone.now())
    with pytest.raises(ValidationError) as raised:
        event.clean()
    assert "venue_name" in _messages(raised.value)


@pytest.mark.parametrize(
    ("latitude", "longitude", "field", "fragment"),
    [
        (Decimal("44.4"), None, "longitude", "sia la latitudine sia la longitudine"),
        (Decimal(95), Decimal("8.9"), "latitude", "compresa tra -90 e 90"),
        (Decimal("44.4"), Decimal(190), "longitude", "compresa tra -180 e 180"),
        (Decimal("8.93"), Decimal("44.41"), "latitude", "sembrano invertite"),
    ],
)
def test_bad_coordinates_are_explained(latitude, longitude, field, fragment):
    with pytest.raises(ValidationError) as raised:
        validate_coordinates(latitude, longitude)
    assert fragment in " ".join(_messages(raised.value)[field])


def test_good_coordinates_pass():
    validate_coordinates(Decimal("44.405650"), Decimal("8.946256"))
    validate_coordinates(None, None)


def test_service_point_checks_its_coordinates():
    point = ServicePoint(name="Sportello", address="Via Roma 1", municipality="Genova", province="GE",
                         latitude=Decimal("8.9"), longitude=Decimal("44.4"))
    with pytest.raises(ValidationError):
        point.clean()


def test_opening_hours_close_after_they_open():
    block = OpeningHoursBlock()
    value = block.to_python({"weekday": "mon", "opens": "14:00", "closes": "09:00"})
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(value)
    assert "closes" in raised.value.block_errors


@pytest.mark.django_db
def test_image_block_requires_alt_text_unless_image_has_one_or_is_decorative():
    block = ImageBlock()
    undescribed = ImageFactory(description="")
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python({"image": undescribed.pk, "caption": "", "alt_text": ""}))
    assert "alt_text" in raised.value.block_errors

    assert block.clean(block.to_python({"image": undescribed.pk, "caption": "", "alt_text": "Due persone"}))
    decorative = ImageFactory(description="", is_decorative=True)
    assert block.clean(block.to_python({"image": decorative.pk, "caption": "", "alt_text": ""}))
    described = ImageFactory(description="Una classe di italiano")
    assert block.clean(block.to_python({"image": described.pk, "caption": "", "alt_text": ""}))


@pytest.mark.django_db
def test_call_to_action_needs_exactly_one_destination(home):
    block = CallToActionBlock()
    both = block.to_python({"label": "Vai", "page": home.pk, "url": "https://example.org"})
    neither = block.to_python({"label": "Vai", "page": None, "url": ""})
    for value in (both, neither):
        with pytest.raises(StructBlockValidationError) as raised:
            block.clean(value)
        assert set(raised.value.block_errors) == {"page", "url"}
    assert block.clean(block.to_python({"label": "Vai", "page": home.pk, "url": ""}))


def test_contact_needs_a_way_to_reach_it():
    block = ContactBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"name": "Sportello"}))
    assert block.clean(block.to_python({"name": "Sportello", "email": "a@example.org"}))


def test_video_must_come_from_a_known_host():
    block = VideoEmbedBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"url": "https://evil.example/video", "title": "x"}))
    assert block.clean(block.to_python({"url": "https://youtu.be/abc", "title": "x"}))


@pytest.mark.django_db
def test_one_profile_page_per_association(sections):
    index = sections[AssociationIndexPage]
    AssociationPageFactory(parent=index, title="Donne Migranti Liguria")
    duplicate = AssociationPageFactory.build(title="donne migranti liguria ")
    duplicate.locale = index.locale
    with pytest.raises(ValidationError) as raised:
        duplicate.clean()
    assert "Esiste già una pagina profilo" in _messages(raised.value)["title"][0]
