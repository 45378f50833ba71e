"""Words print adds around the content, in the reader's language (the catalogues hold all nine).

Labels are lazy: renderers resolve them inside `translation.override(<edition language>)`.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# What a leaflet is about, above its title.
KIND_SERVICE = pgettext_lazy("print kind", "Service")
KIND_EVENT = pgettext_lazy("print kind", "Event")
KIND_NEWS = pgettext_lazy("print kind", "News")
KIND_INFOGRAPHIC = pgettext_lazy("print kind", "Infographic")
KIND_ASSOCIATION = pgettext_lazy("print kind", "Association")
KIND_SERVICE_POINT = pgettext_lazy("print kind", "Help desk")

# Sections.
WHO_IT_IS_FOR = _("Who it is for")
HOW_TO_ACCESS = _("How to access")
WHAT_YOU_NEED = _("What you need")
WHAT_YOU_GET = _("What you get")
COSTS = _("Costs")
FREE_OF_CHARGE = _("Free of charge")
DEADLINES = _("Deadlines")
HOW_TO_REACH = _("How to reach the service")
ONLINE_SERVICE = _("Online service")
WHERE = _("Where")
WHEN = _("When")
ONLINE = _("Online")
ORGANISER = _("Organiser")
REGISTRATION = _("Registration")
LANGUAGES_OFFERED = _("Languages offered")
LANGUAGES_SPOKEN = _("Languages spoken")
WHO_WE_ARE = _("Who we are")
AREAS_OF_ACTIVITY = _("Areas of activity")
COMMUNITIES_SERVED = _("Communities served")
CONTACTS = _("Contacts")
KEY_FIGURES = _("Key figures")
IN_WORDS = _("What the infographic shows")
DATA_SOURCE = _("Source of the data")
DATA_DATE = _("Data as of")
LAST_REVIEWED = _("Information checked on")
OPENING_HOURS = _("Opening hours")
BY_APPOINTMENT = _("by appointment only")
ACCESSIBILITY = _("Accessibility")

# Contacts and links.
PHONE = _("Phone")
EMAIL = _("Email")
WEBSITE = _("Website")
ADDRESS = _("Address")
VIDEO = _("Video")
TRANSCRIPT = _("Transcript")
DOCUMENT = _("Document")
SOURCE = _("Source")

# QR codes and footer.
READ_ONLINE = _("Read this page online")
MAP = _("Map")
CHECK_ONLINE = _("Information changes: check the online version before you go.")
PRINTED_ON = _("Printed on %(date)s")
LAST_UPDATED = _("Last updated %(date)s")
CONTENTS = _("Contents")
SERVICES_AT_THIS_DESK = _("Services of this help desk")
SERVICES_ON_TOPIC = _("Services: %(topic)s")
NOT_TRANSLATED = _("This page is not available in your language: it is printed in Italian.")
