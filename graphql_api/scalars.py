"""Scalars whose strawberry defaults would show a client Python's own error text.

strawberry's DateTime parses input with dateutil and appends the parser's exception to the message ("invalid
literal for int() with base 10: b'next'"). Same scalar, same name and description (the schema does not change),
with a message that says what to send instead.
"""

import dataclasses
import datetime

import dateutil.parser
from strawberry.exceptions import StrawberryInputCoercionError
from strawberry.schema.types.base_scalars import DateTimeDefinition


def _datetime_parse(value: object) -> datetime.datetime:
    try:
        if isinstance(value, str):
            return dateutil.parser.isoparse(value)
    except (ValueError, OverflowError):
        pass
    raise StrawberryInputCoercionError(
        f"Value cannot represent a DateTime: {value!r}. Send ISO 8601, e.g. 2025-03-10T18:30:00+01:00."
    )


SCALAR_OVERRIDES = {datetime.datetime: dataclasses.replace(DateTimeDefinition, parse_value=_datetime_parse)}
