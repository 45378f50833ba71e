"""Fixed vocabularies shared by the page types. Codes are stable (portals filter on them); labels translate."""

from django.utils.translation import gettext_lazy as _

# The four actions of the InterAzioni programme.
PROGRAMME_ACTIONS = [
    ("01", _("01 - School and Italian L2")),
    ("02", _("02 - Territorial services and single access points")),
    ("03", _("03 - Institutional communication")),
    ("04", _("04 - Migrant associations")),
]

PROVINCES = [
    ("GE", "Genova"),
    ("SV", "Savona"),
    ("SP", "La Spezia"),
    ("IM", "Imperia"),
]

AUDIENCES = [
    ("adults", _("Adults")),
    ("minors", _("Children and young people")),
    ("families", _("Families")),
    ("women", _("Women")),
    ("asylum_seekers", _("Asylum seekers and refugees")),
    ("workers", _("Workers")),
    ("students", _("Students")),
    ("operators", _("Public service operators")),
    ("associations", _("Associations")),
]

# Languages people speak at a desk or an event: wider than the content languages (cultural mediation covers
# many more). ISO 639-1 codes, plus zh for Chinese.
SPOKEN_LANGUAGES = [
    ("it", _("Italian")),
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("ar", _("Arabic")),
    ("sq", _("Albanian")),
    ("ro", _("Romanian")),
    ("uk", _("Ukrainian")),
    ("ru", _("Russian")),
    ("zh", _("Chinese")),
    ("bn", _("Bengali")),
    ("ur", _("Urdu")),
    ("pa", _("Punjabi")),
    ("hi", _("Hindi")),
    ("tl", _("Tagalog")),
    ("wo", _("Wolof")),
    ("ff", _("Fula")),
    ("ti", _("Tigrinya")),
    ("so", _("Somali")),
    ("fa", _("Persian")),
    ("ps", _("Pashto")),
    ("tr", _("Turkish")),
    ("ka", _("Georgian")),
    ("pl", _("Polish")),
]

AREAS_OF_ACTIVITY = [
    ("culture", _("Culture and intercultural dialogue")),
    ("education", _("Education and Italian language")),
    ("employment", _("Work and training")),
    ("health", _("Health")),
    ("housing", _("Housing")),
    ("legal", _("Legal guidance")),
    ("women", _("Women's rights")),
    ("youth", _("Young people and second generations")),
    ("sport", _("Sport")),
    ("religion", _("Religious community")),
    ("mediation", _("Cultural mediation")),
    ("solidarity", _("Solidarity and first reception")),
]

SERVICE_POINT_KINDS = [
    ("single_access_point", _("Single access point")),
    ("help_desk", _("Help desk")),
    ("mediation", _("Cultural mediation desk")),
    ("school", _("School or CPIA")),
    ("health", _("Health service")),
    ("employment", _("Employment centre")),
    ("social", _("Social services")),
]
