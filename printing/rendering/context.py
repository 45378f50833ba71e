"""What every renderer of one edition needs: the content snapshot, the language it prints in, the images."""

from dataclasses import dataclass, field

from django.utils.html import format_html
from django.utils.safestring import SafeString

from cms.languages import ContentLanguage
from content_models.kernel.untranslated import lang_attrs

from ..content import ContentSnapshot
from .assets import Assets


@dataclass
class RenderContext:
    content: ContentSnapshot
    language: ContentLanguage
    assets: Assets = field(default_factory=Assets)
    # Help desks printed elsewhere in the same document (a desk booklet opens with its desk's card): service pages
    # do not repeat them. Translation keys, so every language of a desk counts.
    points_printed: frozenset = frozenset()

    @property
    def code(self) -> str:
        return self.language.code

    def image_html(self, image, alt: str, *, css_class: str = "figure-image") -> SafeString:
        """An <img> of the image's print rendition; its alternative text in a box when the file is missing.

        A decorative image (empty alt) tells a reader nothing on paper and costs ink: it is left out, which also
        keeps the tagged PDF free of figures without a description.
        """
        if not alt:
            return SafeString("")
        url = self.assets.image_url(image)
        if url is None:
            return format_html('<p class="missing-image"{}>{}</p>', lang_attrs(alt), alt)
        return format_html('<img class="{}" src="{}" alt="{}"{}>', css_class, url, alt, lang_attrs(alt))

    def richtext(self, value) -> SafeString:
        def embedded(image, alt, _format_name):
            return str(self.image_html(image, alt, css_class="inline-image"))

        return SafeString(self.content.richtext_html(value, language=self.code, image_html=embedded))
