"""Validation shared by models: messages editors can act on."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def validate_coordinates(latitude: Decimal | None, longitude: Decimal | None) -> None:
    """Both or neither, in range, and not swapped (the most common editing mistake)."""
    if latitude is None and longitude is None:
        return
    if latitude is None or longitude is None:
        missing = "latitude" if latitude is None else "longitude"
        raise ValidationError({missing: _("Give both latitude and longitude, or neither.")})
    errors = {}
    if not -90 <= latitude <= 90:
        errors["latitude"] = _("Latitude must be between -90 and 90.")
    if not -180 <= longitude <= 180:
        errors["longitude"] = _("Longitude must be between -180 and 180.")
    if errors:
        raise ValidationError(errors)
    # Liguria is around latitude 44 N, longitude 8-10 E: values the other way round are swapped.
    if 6 <= latitude <= 11 and 43 <= longitude <= 45:
        raise ValidationError(
            {"latitude": _("Latitude and longitude look swapped: in Liguria latitude is about 44, longitude 8-10.")}
        )
