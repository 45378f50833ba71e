"""Words print adds around the content, in the reader's language (the catalogues hold all nine).

Labels are lazy: renderers resolve them inside `translation.override(<edition language>)`. Every one has the
context "print": a bare msgid such as "Email" is also in Django's and Wagtail's catalogues, which come first and
would print their translation (or none) instead of ours.
"""

from django.utils.translation import pgettext_lazy

# What a leaflet is about, above its title.
KIND_SERVICE = pgettext_lazy("print", "Service")
KIND_EVENT = pgettext_lazy("print", "Event")
KIND_NEWS = pgettext_lazy("print", "News")
KIND_INFOGRAPHIC = pgettext_lazy("print", "Infographic")
KIND_ASSOCIATION = pgettext_lazy("print", "Association")
KIND_SERVICE_POINT = pgettext_lazy("print", "Help desk")

# Sections.
WHO_IT_IS_FOR = pgettext_lazy("print", "Who it is for")
HOW_TO_ACCESS = pgettext_lazy("print", "How to access")
WHAT_YOU_NEED = pgettext_lazy("print", "What you need")
WHAT_YOU_GET = pgettext_lazy("print", "What you get")
COSTS = pgettext_lazy("print", "Costs")
FREE_OF_CHARGE = pgettext_lazy("print", "Free of charge")
DEADLINES = pgettext_lazy("print", "Deadlines")
HOW_TO_REACH = pgettext_lazy("print", "How to reach the service")
ONLINE_SERVICE = pgettext_lazy("print", "Online service")
WHERE = pgettext_lazy("print", "Where")
WHEN = pgettext_lazy("print", "When")
ONLINE = pgettext_lazy("print", "Online")
ORGANISER = pgettext_lazy("print", "Organiser")
REGISTRATION = pgettext_lazy("print", "Registration")
LANGUAGES_OFFERED = pgettext_lazy("print", "Languages offered")
LANGUAGES_SPOKEN = pgettext_lazy("print", "Languages spoken")
WHO_WE_ARE = pgettext_lazy("print", "Who we are")
AREAS_OF_ACTIVITY = pgettext_lazy("print", "Areas of activity")
COMMUNITIES_SERVED = pgettext_lazy("print", "Communities served")
CONTACTS = pgettext_lazy("print", "Contacts")
KEY_FIGURES = pgettext_lazy("print", "Key figures")
IN_WORDS = pgettext_lazy("print", "What the infographic shows")
DATA_SOURCE = pgettext_lazy("print", "Source of the data")
DATA_DATE = pgettext_lazy("print", "Data as of")
LAST_REVIEWED = pgettext_lazy("print", "Information checked on")
OPENING_HOURS = pgettext_lazy("print", "Opening hours")
BY_APPOINTMENT = pgettext_lazy("print", "by appointment only")
ACCESSIBILITY = pgettext_lazy("print", "Accessibility")

# Contacts and links.
PHONE = pgettext_lazy("print", "Phone")
EMAIL = pgettext_lazy("print", "Email")
WEBSITE = pgettext_lazy("print", "Website")
ADDRESS = pgettext_lazy("print", "Address")
VIDEO = pgettext_lazy("print", "Video")
TRANSCRIPT = pgettext_lazy("print", "Transcript")
DOCUMENT = pgettext_lazy("print", "Document")
SOURCE = pgettext_lazy("print", "Source")

# QR codes and footer.
READ_ONLINE = pgettext_lazy("print", "Read this page online")
MAP = pgettext_lazy("print", "Map")
CHECK_ONLINE = pgettext_lazy("print", "Information changes: check the online version before you go.")
PRINTED_ON = pgettext_lazy("print", "Printed on %(date)s")
LAST_UPDATED = pgettext_lazy("print", "Last updated %(date)s")
CONTENTS = pgettext_lazy("print", "Contents")
SERVICES_AT_THIS_DESK = pgettext_lazy("print", "Services of this help desk")
SERVICES_ON_TOPIC = pgettext_lazy("print", "Services: %(topic)s")
NOT_TRANSLATED = pgettext_lazy(
    "print", "This page is not available in your language: it is printed in Italian."
)
