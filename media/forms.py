"""The admin's image and document forms (WAGTAILIMAGES_IMAGE_FORM_BASE, WAGTAILDOCS_DOCUMENT_FORM_BASE).

They write a new file to the store while the form is validated, as its last step. A store that is down then
becomes an error on the file field, in every upload path of the admin (single, multiple, chooser), instead of a
server error after part of the work was done; and nothing is saved: no row, no object.
"""

import logging

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from media.image_files import IMAGE_READ_ERRORS, image_header, image_integrity_check
from media.storage import STORAGE_ERRORS

logger = logging.getLogger(__name__)

STORE_UNAVAILABLE_MESSAGE = _(
    "The file could not be stored because the media store is not reachable at the moment. Nothing was saved: "
    "please try again in a few minutes, and tell the site administrators if it keeps happening."
)


class StagedUploadMixin:
    def _post_clean(self):
        super()._post_clean()
        if self.errors or "file" not in self.changed_data:
            return
        field_file = self.instance.file
        if not field_file or field_file._committed:
            return
        try:
            field_file.save(field_file.name, field_file.file, save=False)
        except STORAGE_ERRORS:
            logger.exception("Could not write %s to the media store", field_file.name)
            self.add_error("file", ValidationError(STORE_UNAVAILABLE_MESSAGE, code="store_unavailable"))
            return
        # FieldFile.save() leaves only the new name on the instance, so the next access would read the file back
        # from the store (Wagtail hashes it on save). Keep the uploaded content at hand instead.
        self.instance.__dict__["file"] = field_file
        # Lets the model remove the object if the database then refuses the row (media.models.StoredFileMixin).
        self.instance._staged_file_name = field_file.name


class ImageFileField(WagtailImageField):
    """Wagtail's image field, checking the image without holding it decoded (media/image_files.py).

    Wagtail asks Willow for the size, and Willow decodes the whole image to answer: a small file claiming
    60 megapixels would be expanded in memory before being refused, and a legitimate 39-megapixel PNG cost
    seconds and hundreds of megabytes. Here the pixels (frames included) come from the header; a file Pillow
    cannot read, or that is broken (checked without a full decode where the format allows it), is an invalid
    image rather than a server error.
    """

    def check_image_pixel_size(self, f):
        source = f.image.f
        try:
            header = image_header(source)
        except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
            pillow_limit = 2 * PILImage.MAX_IMAGE_PIXELS
            raise ValidationError(  # past Pillow's own limit: even the number is not worth reading
                self.error_messages["file_too_many_pixels"]
                % {"num_pixels": _("unknown number"),
                   "max_pixels_count": min(self.max_image_pixels or pillow_limit, pillow_limit)},
                code="file_too_many_pixels",
            ) from None
        except IMAGE_READ_ERRORS as error:
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from error
        if self.max_image_pixels is not None and header.pixels > self.max_image_pixels:
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {"num_pixels": header.pixels, "max_pixels_count": self.max_image_pixels},
                code="file_too_many_pixels",
            )
        try:
            image_integrity_check(source, header.format)
        except IMAGE_READ_ERRORS as error:
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from error


class ImageForm(StagedUploadMixin, BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail builds the file field itself (wagtail.images.forms.formfield_for_dbfield): swap in ours.
        if "file" in self.fields:
            wagtail_field = self.fields["file"]
            self.fields["file"] = ImageFileField(
                label=wagtail_field.label, required=wagtail_field.required, widget=wagtail_field.widget
            )


class DocumentForm(StagedUploadMixin, BaseDocumentForm):
    pass
