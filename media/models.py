"""Our image and document models: Wagtail's, plus what editors and readers need (alt text, credits, licence).

Alt text: Wagtail's own `description` field is the image's alt text, and a block may override it in context
(ImageBlock.alt_text). It is not translated per locale yet; docs/media.md says why and what would change it.
"""

import logging
import posixpath

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage

from media.filenames import filename_sanitise
from media.image_files import HeaderSizedImageFieldFile
from media.metadata import PublicFilter
from media.privacy import PRIVATE_RENDITIONS_PREFIX, private_collection_ids
from media.storage import STORAGE_ERRORS
from media.validation import document_file_validate

logger = logging.getLogger(__name__)


class StoredFileMixin:
    """Leaves no orphan object in the store when the database refuses a row whose file was just written."""

    def save(self, *args, **kwargs):
        # A file is written either here, by FileField.pre_save, or earlier, by the admin form (media.forms).
        writes_file = bool(self.file) and not self.file._committed
        staged_name = getattr(self, "_staged_file_name", None)
        try:
            super().save(*args, **kwargs)
        except Exception:
            written = staged_name or (self.file.name if writes_file and self.file._committed else None)
            if written:
                try:
                    self.file.storage.delete(written)
                except STORAGE_ERRORS:
                    logger.exception(
                        "Could not remove %s after a failed save; it is left in the store", written
                    )
            raise
        self._staged_file_name = None


def document_upload_to(instance, filename):
    # A module-level function, so migrations can refer to it.
    return instance.get_upload_to(filename)


class CustomImage(StoredFileMixin, AbstractImage):
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

    def get_upload_to(self, filename):
        return super().get_upload_to(filename_sanitise(filename))

    def generate_rendition_file(self, filter, *, source=None):
        # Renditions are public: written without the camera's metadata (GPS, serial numbers...): media/metadata.py.
        return super().generate_rendition_file(PublicFilter(spec=filter.spec), source=source)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")


# The file field's dimensions come from the image's header, not from decoding it (media/image_files.py): a
# 39-megapixel PNG was decoded twice more on save. Set on the field rather than by redefining it, which would
# change nothing in the database but a migration's class path.
CustomImage._meta.get_field("file").attr_class = HeaderSizedImageFieldFile


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(
        CustomImage, on_delete=models.CASCADE, related_name="renditions", verbose_name=_("image")
    )

    def get_upload_to(self, filename):
        # A private collection's renditions go to the private store (media/privacy.py).
        path = super().get_upload_to(filename)
        if self.image.collection_id in private_collection_ids():
            return posixpath.join(PRIVATE_RENDITIONS_PREFIX, path)
        return path

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
        verbose_name = _("image rendition")
        verbose_name_plural = _("image renditions")


class CustomDocument(StoredFileMixin, AbstractDocument):
    file = models.FileField(upload_to=document_upload_to, verbose_name=_("file"))
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(
        _("language"), max_length=10, blank=True, help_text=_("Language of the document, if it has one.")
    )

    admin_form_fields = WagtailDocument.admin_form_fields + ("description", "language")

    def get_upload_to(self, filename):
        return posixpath.join("documents", filename_sanitise(filename))

    def clean(self):
        if not self.file:
            return  # the form has already said what is wrong with the file (missing, too big...)
        super().clean()  # the extension must be allowed (WAGTAILDOCS_EXTENSIONS)
        # Only a new upload is read: checking a stored file again on every edit would download it from the store.
        if not self.file._committed:
            try:
                document_file_validate(self.file)
            except ValidationError as error:
                raise ValidationError({"file": error}) from error
