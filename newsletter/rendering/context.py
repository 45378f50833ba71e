"""What every block renderer needs to know about the edition it renders."""

from dataclasses import dataclass

from wagtail.models import Locale

from cms.languages import ContentLanguage
from content_models.kernel.reader import ContentReader


@dataclass(frozen=True)
class RenderContext:
    language: ContentLanguage
    locale: Locale
    # The content kernel's reader: what the edition may show of other content (pages, documents, images) and
    # where it is; the edition's references are loaded into it before rendering (edition.py).
    reader: ContentReader

    @property
    def start(self) -> str:
        """The side text starts on: 'left' for Italian, 'right' for Arabic."""
        return "right" if self.language.is_rtl else "left"
