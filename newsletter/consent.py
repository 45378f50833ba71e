"""The consent text subscribers agree to. Change the text: change the version, so records stay provable."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

CONSENT_VERSION = "2025-01"
CONSENT_TEXT = _(
    "I want to receive the InterAzioni newsletter of Regione Liguria by email, in the language and on the topics "
    "I chose. I can unsubscribe at any time with the link in every email. My address is used only to send the "
    "newsletter and is never shared."
)


def consent_text(language: str) -> str:
    """The text in the language the subscriber read it in (the portal shows the same catalogue string)."""
    with translation.override(language):
        return str(CONSENT_TEXT)
