"""Our image and document models: Wagtail's, plus what editors and readers need (alt text, credits, licence)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage


class CustomImage(AbstractImage):
    """Wagtail's image; its `description` field is the alt text, required where content uses the image."""

    is_decorative = models.BooleanField(
        _("decorative"),
        default=False,
        help_text=_("Tick only if the image adds nothing to the text: screen readers will skip it."),
    )
    credit = models.CharField(_("credit"), max_length=255, blank=True)
    licence = models.CharField(_("licence"), max_length=100, blank=True, help_text=_("E.g. CC BY 4.0"))

    admin_form_fields = WagtailImage.admin_form_fields + ("is_decorative", "credit", "licence")

    @property
    def has_accessible_text(self) -> bool:
        """True when the image can be used in content: it is described, or explicitly decorative."""
        return self.is_decorative or bool(self.description.strip())

    @property
    def default_alt_text(self):
        # Wagtail's `description` is the alt text. Decorative images get an empty alt, which tells assistive
        # technology to skip them; we never fall back to the title, which is often a file name.
        return "" if self.is_decorative else self.description


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class CustomDocument(AbstractDocument):
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(
        _("language"), max_length=10, blank=True, help_text=_("Language of the document, if it has one.")
    )

    admin_form_fields = WagtailDocument.admin_form_fields + ("description", "language")
