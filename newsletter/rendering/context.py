"""What every block renderer needs to know about the edition it renders."""

from dataclasses import dataclass

from wagtail.models import Locale

from cms.languages import ContentLanguage


@dataclass(frozen=True)
class RenderContext:
    language: ContentLanguage
    locale: Locale

    @property
    def start(self) -> str:
        """The side text starts on: 'left' for Italian, 'right' for Arabic."""
        return "right" if self.language.is_rtl else "left"
