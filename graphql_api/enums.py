"""GraphQL enums made from the content model's fixed vocabularies (content_models.choices).

Generated, so a code added to a vocabulary appears in the API at once, and the committed schema.graphql shows it.
Values are the stored codes; resolvers convert with `to_enum`/`to_enums`, skipping codes no longer in the list.
"""

import enum
import re

import strawberry

from content_models import choices


def _enum(name: str, vocabulary, *, prefix: str = "", description: str):
    members = {prefix + re.sub(r"\W", "_", code).upper(): code for code, _label in vocabulary}
    return strawberry.enum(enum.Enum(name, members), name=name, description=description)


Province = _enum("Province", choices.PROVINCES, description="A Ligurian province (its car-plate code).")
Audience = _enum("Audience", choices.AUDIENCES, description="Who a service or an event is for.")
ProgrammeAction = _enum(
    "ProgrammeAction", choices.PROGRAMME_ACTIONS, prefix="ACTION_", description="The InterAzioni programme action."
)
SpokenLanguage = _enum(
    "SpokenLanguage", choices.SPOKEN_LANGUAGES, description="A language spoken at a desk, an event or an association."
)
AreaOfActivity = _enum("AreaOfActivity", choices.AREAS_OF_ACTIVITY, description="What an association does.")
ServicePointKind = _enum("ServicePointKind", choices.SERVICE_POINT_KINDS, description="What kind of place it is.")


def to_enum(enum_class, code):
    try:
        return enum_class(code) if code else None
    except ValueError:
        return None


def to_enums(enum_class, codes) -> list:
    return [value for value in (to_enum(enum_class, code) for code in (codes or [])) if value is not None]
